// The TS class hooks: ts_tick, ts_preempt, ts_wakeup/ts_setrun, ts_sleep, ts_trapret, ts_update.
// Behaviour as in illumos ts.c (dispatcher-spec.md 3.2-3.4); schedctl, CPU caps, IA and the 2011
// TSKPRI kernel-priority mode are not modelled (the 1532 thread was not TSKPRI: its t_pri was 0).
import { changePriOnproc, cpuSurrender, dispdeq, mustSurrender, setbackdq, setfrontdq } from '../enqueue.ts';
import { SimCpu, SimState, SimThread, TS_ONPROC, TS_RUN, TS_SLEEP, TSBACKQ, TSRESTORE } from '../types.ts';

/** TS_NEWUMDPRI with ts_boost 0: the level, clamped to 0..ts_maxumdpri; global pri = level. */
function newUmdpri(s: SimState, t: SimThread): void {
  let p = t.tsCpupri + t.tsUpri;
  if (p > s.ts.maxumdpri) p = s.ts.maxumdpri;
  else if (p < 0) p = 0;
  t.tsUmdpri = p;
}

/** Sets up a thread entering TS at level `cpupri` with a full quantum. */
export function tsEnter(s: SimState, t: SimThread, cpupri: number, upri: number): void {
  t.tsCpupri = cpupri;
  t.tsUpri = upri;
  newUmdpri(s, t);
  t.pri = t.tsUmdpri;
  t.tsTimeleft = s.ts.quantum[t.tsCpupri] as number;
}

/**
 * ts_tick, one charged tick. While the thread stays on its CPU an expired quantum is not refilled:
 * every later tick expires it again and calls cpu_surrender again (how ts_timeleft reaches -6.6M).
 */
export function tsTick(s: SimState, t: SimThread, cp: SimCpu): void {
  let surrender = false;
  if (--t.tsTimeleft <= 0) {
    t.tsFlags &= ~TSRESTORE;
    t.tsCpupri = s.ts.tqexp[t.tsCpupri] as number;
    newUmdpri(s, t);
    t.tsDispwait = 0;
    if (t.pri !== t.tsUmdpri) changePriOnproc(s, t, cp, t.tsUmdpri);
    surrender = true;
  } else if (t.pri < cp.disp.maxrunpri) {
    surrender = true;
  }
  if (surrender) {
    t.tsFlags |= TSBACKQ;
    cpuSurrender(s, t, cp);
  }
}

/** ts_preempt: an expired quantum goes to the back with a new quantum, else back to the front. */
export function tsPreempt(s: SimState, t: SimThread): void {
  if ((t.tsFlags & TSBACKQ) !== 0) {
    t.tsTimeleft = s.ts.quantum[t.tsCpupri] as number;
    t.tsDispwait = 0;
    t.tsFlags &= ~TSBACKQ;
    setbackdq(s, t, true);
  } else {
    setfrontdq(s, t, true);
  }
}

/** The slpret recomputation shared by sleep, wakeup and trapret when dispwait > maxwait. */
function slpretIfWaited(s: SimState, t: SimThread): boolean {
  if (t.tsDispwait <= (s.ts.maxwait[t.tsUmdpri] as number)) return false;
  t.tsCpupri = s.ts.slpret[t.tsCpupri] as number;
  newUmdpri(s, t);
  t.tsTimeleft = s.ts.quantum[t.tsCpupri] as number;
  t.tsDispwait = 0;
  return true;
}

/** ts_wakeup / ts_setrun: front of the queue only if it went to sleep this very tick. */
export function tsWakeup(s: SimState, t: SimThread): void {
  if (slpretIfWaited(s, t)) t.pri = t.tsUmdpri;
  t.tsFlags &= ~TSBACKQ;
  if (t.dispTime !== s.lbolt) setbackdq(s, t, false);
  else setfrontdq(s, t, false);
}

/** ts_sleep (curthread, still on its CPU). */
export function tsSleep(s: SimState, t: SimThread, cp: SimCpu): void {
  if (slpretIfWaited(s, t)) {
    changePriOnproc(s, t, cp, t.tsUmdpri);
    if (mustSurrender(s, t)) cpuSurrender(s, t, cp);
  }
}

/** ts_trapret, run on the way back to user mode when t_trapret is set. */
export function tsTrapret(s: SimState, t: SimThread, cp: SimCpu): void {
  if (slpretIfWaited(s, t)) {
    changePriOnproc(s, t, cp, t.tsUmdpri);
    if (mustSurrender(s, t)) cpuSurrender(s, t, cp);
  }
}

/** ts_change_priority after ts_update moved a thread's level. */
function tsChangePriority(s: SimState, t: SimThread): void {
  const np = t.tsUmdpri;
  t.tsFlags &= ~TSRESTORE;
  if (t.state === TS_ONPROC) {
    const cp = s.cpus[t.cpu] as SimCpu;
    changePriOnproc(s, t, cp, np);
    if (mustSurrender(s, t)) {
      t.tsFlags |= TSBACKQ;
      cpuSurrender(s, t, cp);
    } else t.tsTimeleft = s.ts.quantum[t.tsCpupri] as number;
  } else if (t.state === TS_RUN) {
    dispdeq(s, t);
    t.pri = np;
    setbackdq(s, t, false);
    t.tsTimeleft = s.ts.quantum[t.tsCpupri] as number;
  } else {
    t.pri = np;
    t.tsFlags |= TSBACKQ;
  }
}

/**
 * ts_update, once a second: ts_dispwait++ for every TS thread; a waiting or sleeping thread past
 * ts_maxwait gets its ts_lwait level; a running one only gets t_trapret armed, which takes effect
 * when it next returns to user mode (at once if it is running user code: the AST is modelled as
 * delivered immediately). `onUserTrapret` performs that return-to-user path.
 */
export function tsUpdate(s: SimState, onUserTrapret: (t: SimThread) => void): void {
  const list = s.tsThreads;
  for (let i = 0; i < list.length; i++) {
    const t = list[i] as SimThread;
    t.tsDispwait++;
    if (t.tsDispwait <= (s.ts.maxwait[t.tsUmdpri] as number)) continue;
    if (t.state !== TS_RUN && t.state !== TS_SLEEP) {
      t.trapret = true;
      if (t.state === TS_ONPROC) onUserTrapret(t);
      continue;
    }
    t.tsCpupri = s.ts.lwait[t.tsCpupri] as number;
    newUmdpri(s, t);
    t.tsDispwait = 0;
    if (t.pri !== t.tsUmdpri) tsChangePriority(s, t);
  }
}
