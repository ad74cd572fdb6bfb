// Class dispatch: the hooks the dispatcher calls (CL_TICK, CL_PREEMPT, CL_WAKEUP, CL_SLEEP,
// CL_TRAPRET). SYS has no tick, preempts to the front and wakes to the back (sysclass.c).
import { setbackdq, setfrontdq } from '../enqueue.ts';
import { CLS_SDC, CLS_TS, SimCpu, SimState, SimThread } from '../types.ts';
import { sdcTick, sdcWakeup } from './sdc.ts';
import { tsPreempt, tsSleep, tsTick, tsTrapret, tsWakeup } from './ts.ts';

export function clTick(s: SimState, t: SimThread, cp: SimCpu): void {
  if (t.cls === CLS_TS) tsTick(s, t, cp);
  else if (t.cls === CLS_SDC) sdcTick(s, t, cp);
}

export function clPreempt(s: SimState, t: SimThread): void {
  if (t.cls === CLS_TS) tsPreempt(s, t);
  else if (t.cls === CLS_SDC) setbackdq(s, t, true);
  else setfrontdq(s, t, true);
}

export function clWakeup(s: SimState, t: SimThread): void {
  if (t.cls === CLS_TS) tsWakeup(s, t);
  else if (t.cls === CLS_SDC) sdcWakeup(s, t);
  else setbackdq(s, t, false);
}

export function clSleep(s: SimState, t: SimThread, cp: SimCpu): void {
  if (t.cls === CLS_TS) tsSleep(s, t, cp);
}

export function clTrapret(s: SimState, t: SimThread, cp: SimCpu): void {
  if (t.cls === CLS_TS) tsTrapret(s, t, cp);
}
