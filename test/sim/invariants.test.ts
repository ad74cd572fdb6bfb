// The debug-mode checks catch a broken state (they are not decoration).
import { describe, expect, it } from 'vitest';
import { buildState } from '../../src/sim/build.ts';
import { checkInvariants } from '../../src/sim/invariants.ts';
import { dqList } from '../../src/sim/dispq.ts';
import { scenario } from './helpers.ts';
import { runUntil } from '../../src/sim/engine.ts';
import type { SimState } from '../../src/sim/types.ts';

function fresh(): SimState {
  // The 1532 scenario after its qemu thread got stuck: CPU 1 has the pri-99 workers queued.
  const b = buildState(scenario('illumos-1532'), { seed: 1 });
  if (!b.ok) throw new Error(b.errors.join());
  runUntil(b.state, 10_000);
  return b.state;
}

function busyCpu(s: SimState) {
  const c = s.cpus.find((x) => x.disp.nrunnable > 0);
  if (c === undefined) throw new Error('no queued thread to corrupt');
  return c;
}

describe('checkInvariants', () => {
  it('passes on a consistent state', () => {
    expect(() => checkInvariants(fresh())).not.toThrow();
  });
  it('catches disp_nrunnable out of step with the queue', () => {
    const s = fresh();
    busyCpu(s).disp.nrunnable++;
    expect(() => checkInvariants(s)).toThrow(/disp_nrunnable/);
  });
  it('catches a wrong disp_maxrunpri', () => {
    const s = fresh();
    busyCpu(s).disp.maxrunpri = 3;
    expect(() => checkInvariants(s)).toThrow(/disp_maxrunpri/);
  });
  it('catches a thread in two places', () => {
    const s = fresh();
    const c = busyCpu(s);
    const t = dqList(c.disp)[0]!;
    const other = s.cpus.find((x) => x !== c)!;
    other.thread = t;
    other.dispthread = t;
    expect(() => checkInvariants(s)).toThrow(/both|ONPROC|dispthread/);
  });
  it('catches a dispatch priority that disagrees with the running thread', () => {
    const s = fresh();
    const c = s.cpus.find((x) => x.dispatchPri >= 0)!;
    c.dispatchPri += 1;
    expect(() => checkInvariants(s)).toThrow(/cpu_dispatch_pri/);
  });
});
