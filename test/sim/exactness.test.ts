// Fast-forward must be exact: skipping quiet ticks gives the same end state as stepping every
// tick, and the invariants hold after every event. Also: runs are deterministic for a seed.
import { describe, expect, it } from 'vitest';
import { firstDifference } from '../../src/sim/check.ts';
import { randomWorkload } from '../../src/sim/random-workload.ts';
import { toSnapshot } from '../../src/sim/snapshot.ts';
import type { SimState } from '../../src/sim/types.ts';
import { run } from './helpers.ts';

function state(s: SimState): unknown {
  return {
    snap: toSnapshot(s),
    threads: s.threads.map((t) => [t.name, t.segLeft, t.runTicks, t.maxWait, t.tsTimeleft, t.tsDispwait, t.tsFlags, t.pending, t.dispatches]),
    cpus: s.cpus.map((c) => [c.runrun, c.kprunrun, c.lastSwtch, c.dispatchPri, c.chosenLevel]),
  };
}

describe('fast-forward equals tick-by-tick', () => {
  for (const name of ['illumos-1532', 'healthy-mix', 'pageout-taskq', 'pageout-taskq-sdc']) {
    it(`${name}, 30 simulated seconds, kpreemptpri 100 and 99`, () => {
      for (const kp of [100, 99]) {
        const fast = run(name, { ticks: 3000, params: { kpreemptpri: kp }, debug: true });
        const slow = run(name, { ticks: 3000, params: { kpreemptpri: kp }, fastForward: false });
        expect(firstDifference(state(slow), state(fast), 'state')).toBeNull();
        expect(fast.stats.events).toBeLessThan(slow.stats.events);
      }
    });
  }

  it('random workloads (seeds 1-15)', () => {
    for (let seed = 1; seed <= 15; seed++) {
      const w = randomWorkload(seed);
      const fast = run(w.scenario, { seed, ticks: w.ticks, debug: true });
      const slow = run(w.scenario, { seed, ticks: w.ticks, fastForward: false });
      expect({ seed, diff: firstDifference(state(slow), state(fast), 'state') }).toEqual({ seed, diff: null });
    }
  });
});

describe('determinism', () => {
  it('the same seed gives the same run; another seed a different one', () => {
    const a = run('healthy-mix', { ticks: 2000, seed: 3 });
    const b = run('healthy-mix', { ticks: 2000, seed: 3 });
    const c = run('healthy-mix', { ticks: 2000, seed: 4 });
    expect(firstDifference(state(a), state(b), 's')).toBeNull();
    expect(firstDifference(state(a), state(c), 's')).not.toBeNull();
  });
});
