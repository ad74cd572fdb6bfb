// Double-spaced pastes (an HTML mail, a forum that puts each line in a paragraph): a blank line
// after every line. Each variant is made here from a real sample or the seed; none is a real sample.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeStream, analyzeText } from '../../src/analyze.ts';
import { DoubleSpacing, SPACING_MIN_LINES, SPACING_WINDOW } from '../../src/ingest/double-space.ts';
import { fold } from '../support/fold.ts';

const doubled = (ls: readonly string[]) => ls.join('\n\n');
const linesOf = (t: string) => (t.endsWith('\n') ? t.slice(0, -1) : t).split('\n');

/** The lines DoubleSpacing marks as added, by index. */
function added(ls: readonly string[]): number[] {
  const out: number[] = [];
  const d = new DoubleSpacing<number>((_l, i, a) => {
    if (a) out.push(i);
  });
  ls.forEach((l, i) => d.push(l, i));
  d.finish();
  return out;
}

describe('DoubleSpacing', () => {
  const text = Array.from({ length: SPACING_MIN_LINES }, (_, i) => `line ${i}`);
  it('marks the blank line after each line once the window shows every line followed by one', () => {
    // 8 lines doubled: the 7 blank lines between them are the copy's (indexes 1, 3, ... 13).
    expect(added(doubled(text).split('\n'))).toEqual([1, 3, 5, 7, 9, 11, 13]);
    // A blank line of the original is three in the copy: the first and the last are the copy's.
    expect(added(doubled([...text.slice(0, 4), '', ...text.slice(4)]).split('\n'))).toEqual([1, 3, 5, 7, 9, 11, 13, 15]);
    // Leading blank lines are left alone.
    expect(added(['', '', ...doubled(text).split('\n')])).toEqual([3, 5, 7, 9, 11, 13, 15]);
  });

  it('does not call a paste double-spaced with fewer lines of text, or with two lines of text together', () => {
    expect(added(doubled(text.slice(1)).split('\n'))).toEqual([]);
    const together = doubled(text).split('\n');
    together.splice(5, 1); // lines 2 and 3 now touch
    expect(added(together)).toEqual([]);
  });

  it('stops at the first line after the window where the copy would have put a blank one and did not', () => {
    const head = doubled(Array.from({ length: SPACING_WINDOW / 2 }, (_, i) => `l${i}`)).split('\n');
    const n = head.length; // 63 lines, indexes 0-62: text at the even ones
    const ls = [...head, '', 'dense 1', 'dense 2', '', 'dense 3'];
    // Every odd index up to n (the '' after the last doubled line, the window's last line);
    // 'dense 2' at n + 2 is where the copy would have put a blank line: from there none is marked.
    expect(added(ls)).toEqual(Array.from({ length: (n + 1) / 2 }, (_, k) => 2 * k + 1));
  });

  it('keeps the pieces of a line a wrap cut together: the copy put its blank line after the last', () => {
    // A 60-character line cut at the width (the widest line), its rest on the next line, then the blank.
    const wide = 'w'.repeat(60);
    const ls = [...doubled(text.slice(0, 4)).split('\n'), '', wide, 'rest of it', '', ...doubled(text.slice(4)).split('\n')];
    expect(added(ls)).toEqual([1, 3, 5, 7, 10, 12, 14, 16]);
    // Cut at a space (fold -s): the line ends with the space, and the next word would not have fit.
    const soft = 'word '.repeat(11);
    const ls2 = [...doubled(text.slice(0, 4)).split('\n'), '', wide, '', soft, 'continued', '', ...doubled(text.slice(4)).split('\n')];
    expect(added(ls2)).toEqual([1, 3, 5, 7, 9, 12, 14, 16, 18]);
    // Text where the blank belongs after a line that is not the widest, nor ends with a space: no wrap, no doubling.
    const dense = [...doubled(text.slice(0, 4)).split('\n'), '', 'short', 'next', '', ...doubled(text.slice(4)).split('\n')];
    expect(added(dense)).toEqual([]);
  });

  it('decides within its window, however long the input', () => {
    const long = doubled(Array.from({ length: SPACING_WINDOW * 4 }, (_, i) => `l${i}`)).split('\n');
    expect(added(long)).toHaveLength(SPACING_WINDOW * 4 - 1);
  });
});

describe('a wait report doubled and then wrapped reads as its plain text', () => {
  it('deadlock-two-mutex-panic: the ::panicinfo message after its blank line is output, the deadlock critical', () => {
    const text = readFileSync(new URL('../../fixtures/handwritten/waits/deadlock-two-mutex-panic.txt', import.meta.url), 'utf8');
    const verdict = (t: string) => analyzeText(t).findings.map((f) => `${f.rule} ${f.severity}`);
    expect(verdict(text)).toEqual(['deadlock critical']);
    for (const w of [60, 72, 80]) expect(verdict(fold(doubled(linesOf(text)), w, false)), `at ${w}`).toEqual(['deadlock critical']);
  });
});

describe('the seed double-spaced reads as the seed', () => {
  const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
  const plain = analyzeText(seed);
  const ls = linesOf(seed);
  const check = (a: ReturnType<typeof analyzeText>) => {
    // Line n of the seed is line 2n-1 of the copy; the n-1 blank lines between are prose.
    expect(a.accounting).toEqual({ lines: 2 * ls.length - 1, parsed: plain.accounting.parsed, prose: plain.accounting.prose + ls.length - 1, unrecognized: 0 });
    expect(a.records.map((r) => [r.kind, (r.line + 1) / 2])).toEqual(plain.records.map((r) => [r.kind, r.line]));
    expect(a.findings.map((f) => [f.rule, f.severity, f.confidence])).toEqual(plain.findings.map((f) => [f.rule, f.severity, f.confidence]));
  };
  it('as text', () => check(analyzeText(doubled(ls))));
  it('with CRLF line ends', () => check(analyzeText(ls.join('\r\n\r\n'))));
  it('streamed', async () => {
    check(
      await analyzeStream(
        (async function* () {
          yield doubled(ls).split('\n');
        })(),
      ),
    );
  });
});

describe('every real sample with enough lines to tell, double-spaced, reads as it does plain', () => {
  const dir = new URL('../../fixtures/real/', import.meta.url);
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const ls = linesOf(readFileSync(new URL(name, dir), 'utf8'));
    // Too short to tell from a paste that happens to alternate: left as it is (004, four lines).
    if (ls.slice(0, SPACING_WINDOW / 2).filter((l) => l.trim() !== '').length < SPACING_MIN_LINES) continue;
    it(name, () => {
      const plain = analyzeText(ls.join('\n'));
      const a = analyzeText(doubled(ls));
      expect(a.accounting.unrecognized).toBe(plain.accounting.unrecognized);
      expect(a.diagnostics.map((d) => (d.line + 1) / 2)).toEqual(plain.diagnostics.map((d) => d.line));
      expect(a.records.map((r) => [r.kind, (r.line + 1) / 2])).toEqual(plain.records.map((r) => [r.kind, r.line]));
    });
  }
});

describe('lines held to tell the spacing', () => {
  it('are read as their own batch said, not as the batch that was pushing when the window filled', async () => {
    // Found by the fuzzer (seed 1214, case 169): a byte order mark inside a line of a first batch
    // that is not plain reached the splitter during a plain second batch and was not taken off.
    const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
    // Line 55, CPU 0's `RUNNING <--+` margin line, in the first batch.
    const ls = linesOf(seed).map((l, i) => (i === 54 ? '\ufeff' + l : l));
    const first = Object.assign(ls.slice(0, 60), { plain: false });
    const rest = Object.assign(ls.slice(60), { plain: true });
    const streamed = await analyzeStream(
      (async function* () {
        yield first;
        yield rest;
      })(),
    );
    const whole = analyzeText(ls.join('\n'));
    expect(streamed.accounting).toEqual(whole.accounting);
    expect(streamed.accounting.unrecognized).toBe(0);
    expect(streamed.findings.map((f) => f.rule)).toEqual(whole.findings.map((f) => f.rule));
  });
});
