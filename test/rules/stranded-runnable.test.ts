import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { strandedRunnable } from '../../src/rules/stranded-runnable.ts';
import { blankLines, ctx, mkCpu, mkThread, readLines, SEED_PATH, seedSnapshot } from './helpers.ts';

const lines = blankLines(30);

/** CPU 0 idle with an empty queue; CPU 1 busy with one queued thread whose binding is set by `bound`. */
function idleNextToQueue(bound: number | null, idleFlags = 0x1b) {
  const s = emptySnapshot();
  s.cpus.push(
    mkCpu({ id: 0, addr: 'c0', flags: idleFlags, pri: -1, proc: '(idle)', thread: 'i0', nrun: 0, runq: [], lines: { pri: 2 } }),
    mkCpu({ id: 1, addr: 'c1', pri: 30, thread: 'x', proc: 'app', switchTicks: 3, runq: [{ pri: 45, thread: 'q1', proc: 'app', line: 6 }], lines: { pri: 4 } }),
  );
  if (bound !== null) s.threads.push(mkThread('q1', { boundCpu: bound, lines: { boundCpu: 9 } }));
  return s;
}

describe('stranded-runnable', () => {
  it('seed: no finding; the note explains from the data why nothing migrated', () => {
    const r = strandedRunnable.run(ctx(seedSnapshot(), readLines(SEED_PATH)));
    expect(r.findings).toEqual([]);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]!.message).toMatch(/CPU 0: it runs a PIL 9 interrupt thread \(pri 108\) over its idle thread/);
  });

  it('an idle CPU next to an unbound queued thread is a finding, inferred', () => {
    const [f] = strandedRunnable.run(ctx(idleNextToQueue(-1), lines)).findings;
    expect(f!.confidence).toBe('inferred');
    expect(f!.severity).toBe('medium');
    expect(f!.threads).toEqual(['q1']);
    expect(f!.evidence.map((e) => e.line)).toEqual([6, 2, 4, 9]); // the stranded thread first
  });

  it('a bound thread is never stolen: no finding', () => {
    expect(strandedRunnable.run(ctx(idleNextToQueue(1), lines)).findings).toEqual([]);
  });

  it('a quiesced idle CPU steals nothing: no finding', () => {
    expect(strandedRunnable.run(ctx(idleNextToQueue(-1, 0x1f), lines)).findings).toEqual([]);
  });

  it('binding not shown: a note, not a guess', () => {
    const r = strandedRunnable.run(ctx(idleNextToQueue(null), lines));
    expect(r.findings).toEqual([]);
    expect(r.notes[0]!.message).toContain('does not show whether they are bound');
  });

  it('with many CPUs: one finding per queue and one note in all, not one per pair of CPUs', () => {
    const s = emptySnapshot();
    for (let id = 0; id < 40; id++) s.cpus.push(mkCpu({ id, addr: `c${id}`, flags: 0x1b, pri: -1, proc: '(idle)', thread: `i${id}`, nrun: 0, runq: [], lines: { pri: 1 } }));
    for (let id = 40; id < 46; id++) {
      const thread = `q${id}`;
      s.cpus.push(mkCpu({ id, addr: `c${id}`, pri: 30, thread: `x${id}`, proc: 'app', switchTicks: 3, runq: [{ pri: 45, thread, proc: 'app', line: 6 }], lines: { pri: 4 } }));
      // Three queues hold unbound threads, three hold threads whose binding is not shown.
      if (id < 43) s.threads.push(mkThread(thread, { boundCpu: -1, lines: { boundCpu: 9 } }));
    }
    const r = strandedRunnable.run(ctx(s, lines));
    expect(r.findings.map((f) => f.cpu)).toEqual([40, 41, 42]);
    expect(r.findings[0]!.title).toBe('40 CPUs idle while CPU 40 holds 1 unbound runnable thread');
    expect(r.findings[0]!.message).toContain('CPUs 0, 1, 2,');
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]!.message).toContain('CPU 43 (1 queued), CPU 44 (1 queued), CPU 45 (1 queued)');
  });
});
