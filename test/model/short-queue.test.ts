// A ::cpuinfo -v whose run queue lists fewer threads than NRUN: the seed's output cut by
// `! head -20` in the command, and a paste that ends inside CPU 1's queue. The rules judge only
// the threads listed; a note says how many more the CPU holds, instead of the queue reading whole.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';

const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8').split('\n');
/** The seed's ::cpuinfo -v output: line 52 (the header) to line 74 (CPU 1's last queue row). */
const output = seed.slice(51, 74);
const modelNotes = (a: ReturnType<typeof analyzeText>) => a.notes.filter((n) => n.rule === 'model').map((n) => n.message);

describe('a run queue shorter than NRUN', () => {
  it('is said, with the count missing, when the output was cut after the first of CPU 1 four queued threads', () => {
    // `! head -20`: the command line, then the first 20 lines of output; CPU 1 (NRUN 4) lists only its pri-99 thread at line 21.
    const a = analyzeText(['> ::cpuinfo -v ! head -20', ...output.slice(0, 20)].join('\n'));
    expect(a.snapshot.cpus.find((c) => c.id === 1)!.runq!.map((q) => q.thread)).toEqual(['ffffff0007e01c40']);
    expect(modelNotes(a)).toEqual([
      'line 21: CPU 1 shows NRUN 4 but its run queue lists 1 thread: the other 3 are not in the input (the output was cut short, by the paste ' +
        'or by `! head` after the command, or the queue changed while mdb printed it on a live system), so what the rules say of this queue covers only the threads listed',
    ]);
  });

  it('counts none listed when the paste ends at the queue header, and says nothing when it ends before it', () => {
    // Up to CPU 1's `+-->  PRI THREAD PROC` (seed line 70): NRUN 4 (CPU 1's row is line 17 here), no queue row.
    const header = analyzeText(['> ::cpuinfo -v', ...output.slice(0, 19)].join('\n'));
    expect(header.snapshot.cpus.find((c) => c.id === 1)!.runq).toEqual([]);
    expect(modelNotes(header).map((m) => m.slice(0, m.indexOf(' (')))).toEqual(['line 17: CPU 1 shows NRUN 4 but its run queue lists no thread: the other 4 are not in the input']);
    // Up to its `|    |` line: the -v block stops before the queue, which is then not shown at all (null), as in a plain ::cpuinfo.
    const before = analyzeText(['> ::cpuinfo -v', ...output.slice(0, 18)].join('\n'));
    expect(before.snapshot.cpus.find((c) => c.id === 1)!.runq).toBeNull();
    expect(modelNotes(before)).toEqual([]);
  });

  it('says nothing of a queue listed whole (the seed: NRUN 5 and 5 rows, NRUN 4 and 4 rows)', () => {
    expect(modelNotes(analyzeText(seed.join('\n'))).filter((m) => m.includes('NRUN'))).toEqual([]);
  });
});
