// A writer's cut mark inside output (`[...]`, `<snip>`, `[ 200 more lines ]`) is said for what it is,
// the section knows it has a gap, triage rates the report partial, and a rule that reasons from what
// no CPU did says "no CPU shown". Before, the mark was one more unreadable line ("unexpected
// "[...]""), the report rated good, and stranded-runnable's note said no CPU could take the
// waiting threads, though the cut could have held an idle CPU.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { isElisionMark } from '../../src/ingest/elision.ts';
import { rateQuality } from '../../src/triage/quality.ts';

const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
const base = analyzeText(seed);
/** The seed with `mark` on a line of its own inside CPU 0's run queue (before line 63). */
const cut = (mark: string) => seed.split('\n').flatMap((l, i) => (i === 62 ? [mark, l] : [l])).join('\n');
const strandedNote = (a: ReturnType<typeof analyzeText>) => a.notes.find((n) => n.rule === 'stranded-runnable')?.message ?? '';

describe('isElisionMark', () => {
  it('takes the marks writers cut with', () => {
    for (const m of ['...', '[...]', '(...)', '\u2026', '<snip>', '[snip]', '-- snip --', '... snip ...', '8<-----', '-- >8 --', '[ 200 more lines ]', '[ 8 more lines ]', '(3 threads omitted)', '<trimmed>']) {
      expect(isElisionMark(m), m).toBe(true);
    }
  });

  it('leaves output, words and numbers alone', () => {
    for (const l of ['sched', '                                   99 ffffff00076f5c40 sched', '[ 2 ]', 'cut here', 'more', 'the end...', '0x64', '..']) {
      expect(isElisionMark(l), l).toBe(false);
    }
  });
});

describe('the seed with output cut out of ::cpuinfo -v', () => {
  for (const mark of ['[...]', '                                   <snip>']) {
    it(`${mark.trim()}: said, the section marked, the report partial, and the findings as before`, () => {
      const a = analyzeText(cut(mark));
      expect(a.diagnostics.map((d) => [d.line, d.message])).toEqual([[63, `the writer cut output out here (${JSON.stringify(mark.trim())}): what stood there is not in the input`]]);
      expect(a.sections.find((s) => s.kind === 'cpuinfo')?.elided).toEqual([63]);
      expect(a.findings.map((f) => [f.rule, f.severity])).toEqual(base.findings.map((f) => [f.rule, f.severity]));
      expect(rateQuality(a).rating).toBe('partial');
      expect(rateQuality(a).reasons[0]).toBe('output cut out by the writer: ::cpuinfo -v (line 63)');
    });
  }

  it('stranded-runnable says "no CPU shown", and why there may be more', () => {
    expect(strandedNote(base)).toContain('no CPU could take them at the moment of the dump');
    expect(strandedNote(base)).not.toContain('may not show every CPU');
    const a = analyzeText(cut('[...]'));
    expect(strandedNote(a)).toContain('no CPU shown could take them at the moment of the dump');
    expect(strandedNote(a)).toContain('The input may not show every CPU (the writer cut lines out of `::cpuinfo -v` (line 63)): one not shown may have been idle and able to take unbound threads.');
  });

  it('::cpuinfo -v given one CPU\'s address shows that CPU only, and the note says so', () => {
    const one = seed.replace('> ::cpuinfo -v', '> ffffff01d3e32580::cpuinfo -v');
    expect(strandedNote(analyzeText(one))).toContain('(`ffffff01d3e32580::cpuinfo -v` shows only the CPU at that address)');
  });
});
