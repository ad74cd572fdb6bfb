import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { runqStarvation } from '../../src/rules/runq-starvation.ts';
import { blankLines, ctx, frames, mkCpu, mkThread, readLines, SEED_PATH, seedSnapshot } from './helpers.ts';

const lines = blankLines(40);

function oneCpu(switchTicks: number, runningPri: number, queued: number[]) {
  const s = emptySnapshot();
  s.cpus.push(
    mkCpu({
      id: 3,
      pri: runningPri,
      runrun: true,
      switchTicks,
      thread: 'aaaa',
      proc: 'busy',
      runq: queued.map((pri, i) => ({ pri, thread: `b${i}`, proc: 'sched', line: 10 + i })),
      lines: { pri: 5, switchTicks: 5 },
    }),
  );
  return s;
}

describe('runq-starvation', () => {
  it('seed: reports the pri-99 workers first, with roles, and the pri-59 threads after', () => {
    const [f] = runqStarvation.run(ctx(seedSnapshot(), readLines(SEED_PATH))).findings;
    expect(f!.threads).toEqual(['ffffff0007e01c40', 'ffffff0007e1fc40', 'ffffff01cfa6d7c0', 'ffffff01e35b43c0']);
    expect(f!.confidence).toBe('inferred'); // waits are SWITCH bounds, not t_disp_time
    expect(f!.message).toContain('upper bound');
  });

  it('quiet below the threshold (default 1 s = 100 ticks at the assumed hz)', () => {
    expect(runqStarvation.run(ctx(oneCpu(99, 0, [99]), lines)).findings).toEqual([]);
    expect(runqStarvation.run(ctx(oneCpu(100, 0, [99]), lines)).findings).toHaveLength(1);
  });

  it('the threshold is configurable', () => {
    expect(runqStarvation.run(ctx(oneCpu(400, 0, [99]), lines, { starvationSeconds: 5 })).findings).toEqual([]);
    expect(runqStarvation.run(ctx(oneCpu(400, 0, [99]), lines, { starvationSeconds: 2 })).findings).toHaveLength(1);
  });

  it('uses the hz the input shows and does not call it assumed', () => {
    const s = oneCpu(1500, 0, [99]);
    s.tunables['hz'] = 1000;
    s.tunableLines['hz'] = 2;
    const [f] = runqStarvation.run(ctx(s, lines)).findings;
    expect(f!.message).toContain('1500 ticks (about 1.5 seconds');
    expect(f!.message).toContain('hz = 1000, as the input shows (line 2)');
    expect(f!.message).not.toContain('assume');
    // 1500 ticks at hz 1000 is 1.5 s: under the 1 s threshold at hz 100 it would be 15 s.
    expect(runqStarvation.run(ctx(s, lines, { starvationSeconds: 2 })).findings).toEqual([]);
  });

  it('quiet when the queued threads are below the running one', () => {
    expect(runqStarvation.run(ctx(oneCpu(100000, 108, [99, 60]), lines)).findings).toEqual([]);
  });

  it('severity: long SYS starvation is critical, short user-range starvation medium', () => {
    expect(runqStarvation.run(ctx(oneCpu(100000, 0, [99]), lines)).findings[0]!.severity).toBe('critical');
    expect(runqStarvation.run(ctx(oneCpu(200, 0, [40]), lines)).findings[0]!.severity).toBe('medium');
  });

  it('uses t_disp_time and the dump lbolt for an exact wait when shown', () => {
    const s = oneCpu(100000, 0, [99]);
    s.tunables['panic_lbolt64'] = 50000;
    s.tunableLines['panic_lbolt64'] = 20;
    s.threads.push(mkThread('b0', { dispTime: 49950, lines: { dispTime: 21 } }));
    // Waited 50 ticks only: under the threshold, though SWITCH is huge.
    expect(runqStarvation.run(ctx(s, lines)).findings).toEqual([]);
    s.threads[0]!.dispTime = 40000;
    const [f] = runqStarvation.run(ctx(s, lines)).findings;
    expect(f!.confidence).toBe('certain');
    expect(f!.message).toContain('waited 10000 ticks');
    expect(f!.evidence.map((e) => e.line)).toContain(21);
  });

  it('names what a thread is from its stack', () => {
    const s = oneCpu(5000, 0, [99]);
    s.threads.push(mkThread('b0', { stack: frames([['swtch', 30], ['cv_wait', 31], ['taskq_thread_wait', 32], ['taskq_thread', 33], ['thread_start', 34]]) }));
    const [f] = runqStarvation.run(ctx(s, lines)).findings;
    expect(f!.message).toContain('taskq_thread');
    expect(f!.evidence.map((e) => e.line)).toContain(33);
  });

  it('notes a queue it cannot see instead of guessing', () => {
    const s = emptySnapshot();
    s.cpus.push(mkCpu({ id: 0, pri: 0, nrun: 2, switchTicks: 9999, runq: null, lines: { pri: 1 } }));
    const r = runqStarvation.run(ctx(s, lines));
    expect(r.findings).toEqual([]);
    expect(r.notes[0]!.message).toContain('does not list its run queue');
  });

  it('notes missing ::cpuinfo', () => {
    expect(runqStarvation.run(ctx(emptySnapshot(), lines)).notes[0]!.message).toContain('No ::cpuinfo');
  });
});
