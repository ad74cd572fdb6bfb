// System Duty Cycle, simplified: a thread's duty cycle is its on-CPU ticks over on-CPU plus
// runnable ticks, decayed by half every 20 updates (the base reset interval); below its target it
// runs at sysdc_maxpri, above it at 0. The processor-set "break" (90 % cap) is not modelled.
// What matters for #1532 is exact: the update and tick hooks call cpu_surrender, which treats SDC
// by plain priority comparison and ignores kpreemptpri.
import { changePriOnproc, cpuSurrender, dispdeq, setbackdq } from '../enqueue.ts';
import { SimCpu, SimState, SimThread, TS_ONPROC, TS_RUN } from '../types.ts';

const DECAY_UPDATES = 20;

export function sdcEnter(s: SimState, t: SimThread, targetPct: number): void {
  t.sdcTarget = targetPct;
  t.pri = s.params.sdcMaxPri;
}

/** sysdc_tick: count the tick; surrender if something better waits on this CPU. */
export function sdcTick(s: SimState, t: SimThread, cp: SimCpu): void {
  t.sdcOn++;
  if (t.pri < cp.disp.maxrunpri) cpuSurrender(s, t, cp);
}

function sdcPri(s: SimState, t: SimThread): number {
  const total = t.sdcOn + t.sdcWait;
  return total === 0 || t.sdcOn * 100 < t.sdcTarget * total ? s.params.sdcMaxPri : 0;
}

/** sysdc_update for every SDC thread; `n` counts updates since boot (for the decay). */
export function sdcUpdate(s: SimState, n: number): void {
  const interval = s.params.sdcUpdateTicks;
  const list = s.sdcThreads;
  for (let i = 0; i < list.length; i++) {
    const t = list[i] as SimThread;
    if (t.state === TS_RUN) t.sdcWait += interval;
    if (n % DECAY_UPDATES === 0) {
      t.sdcOn >>= 1;
      t.sdcWait >>= 1;
    }
    const np = sdcPri(s, t);
    if (t.state === TS_ONPROC) {
      const cp = s.cpus[t.cpu] as SimCpu;
      if (np !== t.pri) changePriOnproc(s, t, cp, np);
      cpuSurrender(s, t, cp);
    } else if (np !== t.pri) {
      if (t.state === TS_RUN) {
        dispdeq(s, t);
        t.pri = np;
        setbackdq(s, t, false);
      } else t.pri = np;
    }
  }
}

export function sdcWakeup(s: SimState, t: SimThread): void {
  t.pri = sdcPri(s, t);
  setbackdq(s, t, false);
}
