// Full-detail analyzeText keeps its lines as offsets into the text (SourceLines) rather than
// copies: the lines an analysis shows must be exactly the lines splitLines cuts, CR or not.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { SourceLines, linesView } from '../../src/ingest/line-store.ts';
import { splitLines } from '../../src/ingest/lines.ts';

describe('SourceLines', () => {
  it('reads each line from its start to the next LF, or to the end of the text', () => {
    const text = 'ab\n\ncd\nlast';
    const s = new SourceLines(text);
    for (const start of [0, 3, 4, 7]) s.add(start);
    expect(s.length).toBe(4);
    expect([1, 2, 3, 4].map((n) => s.get(n))).toEqual(['ab', '', 'cd', 'last']);
    expect([s.get(0), s.get(5), s.get(2.5)]).toEqual([undefined, undefined, undefined]);
    expect(linesView(s)).toEqual(['ab', '', 'cd', 'last']);
  });

  it('grows past its first 4,096 starts', () => {
    const text = 'x\n'.repeat(5000);
    const s = new SourceLines(text);
    for (let i = 0; i < 5000; i++) s.add(2 * i);
    expect(s.length).toBe(5000);
    expect(s.get(5000)).toBe('x');
  });
});

describe('analyzeText lines', () => {
  const texts = {
    'LF, final newline': '> ::cpuinfo\nID ADDR\n\n  0 fffffffffbc3f000\n',
    'LF, no final newline': 'a\n\nb',
    'a lone newline': '\n',
    empty: '',
    'CRLF (the packed store)': 'a\r\nb\r\n\r\nc',
    'lone CR': 'a\rb\nc',
  };
  for (const [name, text] of Object.entries(texts)) {
    it(`are splitLines' lines, full and lean: ${name}`, () => {
      const want = splitLines(text);
      const full = analyzeText(text);
      expect([...full.lines]).toEqual(want);
      expect(full.accounting.lines).toBe(want.length);
      // Lean keeps prose lines too (these texts hold no bulky section): the same lines.
      expect([...analyzeText(text, { lean: true }).lines]).toEqual(want);
    });
  }
});
