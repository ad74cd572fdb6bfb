import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { runqStarvation } from '../../src/rules/runq-starvation.ts';
import { blankLines, ctx, frames, mkCpu, mkThread, readLines, SEED_PATH, seedSnapshot } from './helpers.ts';

const lines = blankLines(40);

/** A one-CPU machine (CPU 0 alone), or with `id`, one CPU of a machine the input shows no more of. */
function oneCpu(switchTicks: number, runningPri: number, queued: number[], id = 0) {
  const s = emptySnapshot();
  s.cpus.push(
    mkCpu({
      id,
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
  it('seed: names only the bound pri-99 workers as proven; the pri-59 threads could be stolen', () => {
    const [f] = runqStarvation.run(ctx(seedSnapshot(), readLines(SEED_PATH))).findings;
    expect(f!.threads).toEqual(['ffffff0007e01c40', 'ffffff0007e1fc40']);
    expect(f!.title).toBe('CPU 1: 2 bound pri-99 threads starved behind ffffff01d5a600c0 (pri 0) in the kernel, up to 18.4 hours');
    expect(f!.confidence).toBe('inferred'); // waits are SWITCH bounds, not measurements
    expect(f!.message).toContain('upper bound');
    expect(f!.message).toContain('ffffff01cfa6d7c0, ffffff01e35b43c0 are not known to be bound');
    expect(f!.message).toContain('ts_timeleft is -6618541');
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

  it('severity follows proof: a kernel stay (negative ts_timeleft on CPU) makes long SYS starvation critical', () => {
    const proven = oneCpu(100000, 0, [99]);
    proven.threads.push(mkThread('aaaa', { state: 'onproc', tsTimeleft: -99990, lines: { tsTimeleft: 7 } }));
    expect(runqStarvation.run(ctx(proven, lines)).findings[0]!.severity).toBe('critical');
    // The same SWITCH without kernel-loop evidence: a bound only, the waiter may have come a tick ago.
    expect(runqStarvation.run(ctx(oneCpu(100000, 0, [99]), lines)).findings[0]!.severity).toBe('medium');
    // With a second CPU, a waiter of unknown binding is not even proven to wait here: low.
    const two = oneCpu(100000, 0, [99]);
    two.cpus.push(mkCpu({ id: 4, pri: 30, thread: 'cccc', switchTicks: 2 }));
    expect(runqStarvation.run(ctx(two, lines)).findings[0]!.severity).toBe('low');
  });

  it('a lone CPU 3 is no one-CPU machine: CPU 0 exists too, so a waiter of unknown binding is not proven to wait there', () => {
    const lone = oneCpu(100000, 0, [99], 3);
    lone.threads.push(mkThread('aaaa', { state: 'onproc', tsTimeleft: -99990, lines: { tsTimeleft: 7 } }));
    const [f] = runqStarvation.run(ctx(lone, lines)).findings;
    // CPU 0 alone with the same stay is critical (above); here only the stay is proven.
    expect(f!.severity).toBe('medium');
    expect(f!.title).toContain('(a bound, not a measured wait)');
  });

  it('t_disp_time bounds the wait (it is when the thread last ran), never makes it exact', () => {
    const s = oneCpu(100000, 0, [99]);
    s.tunables['panic_lbolt64'] = 50000;
    s.tunableLines['panic_lbolt64'] = 20;
    s.threads.push(mkThread('b0', { dispTime: 49950, lines: { dispTime: 21 } }));
    // Ran 50 ticks ago, so waited at most 50: under the threshold, though SWITCH is huge.
    expect(runqStarvation.run(ctx(s, lines)).findings).toEqual([]);
    s.threads[0]!.dispTime = 40000;
    const [f] = runqStarvation.run(ctx(s, lines)).findings;
    expect(f!.confidence).toBe('inferred');
    expect(f!.message).toContain('waited at most 10000 ticks');
    expect(f!.message).toContain('since it last ran (lbolt - t_disp_time)');
    expect(f!.evidence.map((e) => e.line)).toContain(21);
  });

  it('an idle CPU is never a witness: its idle loop finds queued work itself', () => {
    const s = oneCpu(100000, -1, [99]);
    s.cpus[0]!.proc = '(idle)';
    expect(runqStarvation.run(ctx(s, lines)).findings).toEqual([]);
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
