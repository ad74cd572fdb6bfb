// A screen copy made while mdb's pager waited (`>> More [...] ?` with nothing of the command's
// output after it): the rest of the output is not in the input, and the analysis says so instead
// of judging the CPUs it saw as if they were all. Output lines are the seed's, as mdb printed them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { rateQuality } from '../../src/triage/quality.ts';

const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8').split('\n');
const PAGER = '>> More [<space>, <cr>, q, n, c, a] ?';
/** `> ::cpuinfo -v` and CPU 0's block (seed lines 51-64); CPU 1's block is lines 65-75. */
const cpu0 = seed.slice(50, 64);
const cpu1 = seed.slice(64, 75);

describe('output stopped by mdb\'s pager', () => {
  it('is said in a note and rates the report partial', () => {
    const a = analyzeText([...cpu0, PAGER, '> ::status'].join('\n'));
    expect(a.accounting).toEqual({ lines: 16, parsed: 16, prose: 0, unrecognized: 0 });
    expect(a.sections.map((s) => [s.command, s.cutAt])).toEqual([
      ['::cpuinfo -v', 15],
      ['::status', undefined],
    ]);
    expect(a.snapshot.cpus.map((c) => c.id)).toEqual([0]);
    expect(a.notes.filter((n) => n.rule === 'model').map((n) => n.message)).toEqual([
      "line 15: mdb's pager stopped `::cpuinfo -v` here (`>> More`) and the copy was made before a key was pressed: what it printed after this line (CPUs, threads, frames) is not in the input",
    ]);
    const q = rateQuality(a);
    expect(q.rating).toBe('partial');
    expect(q.reasons).toContain("output cut by mdb's pager: ::cpuinfo -v (line 15)");
  });

  it('at the end of the input too', () => {
    const a = analyzeText([...cpu0, PAGER].join('\n'));
    expect(a.sections.map((s) => s.cutAt)).toEqual([15]);
  });

  it('not when the output goes on under the prompt', () => {
    const a = analyzeText([...cpu0, PAGER, ...cpu1].join('\n'));
    expect(a.sections.map((s) => s.cutAt)).toEqual([undefined]);
    expect(a.snapshot.cpus.map((c) => c.id)).toEqual([0, 1]);
    expect(a.notes.filter((n) => n.message.includes('pager'))).toEqual([]);
  });
});
