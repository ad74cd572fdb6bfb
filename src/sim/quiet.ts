// The fast-forward rule. A CPU's clock step is "quiet" when it changes nothing but counters that
// move linearly: the step left in the running thread's program shrinks, and a TS thread's
// ts_timeleft drops by one (with ts_dispwait zeroed on an expiry that keeps the same level).
// quietUntil() names the first tick that is not quiet; applyQuiet() applies n quiet ticks at once.
// Both must agree with the per-tick code in classes/ts.ts and engine.ts; the test
// "fast-forward equals tick-by-tick" holds them to it.
import { CLS_SDC, CLS_TS, KIND_NORMAL, MODE_USER, SimCpu, SimState, SimThread, TSBACKQ, TSRESTORE } from './types.ts';

/**
 * First tick after `c.synced` whose clock step would do more than applyQuiet(). Also records in
 * `c.kpqSensitive` whether the answer read the kp queue (see kpqChanged in sync.ts).
 */
export function quietUntil(s: SimState, c: SimCpu): number {
  c.kpqSensitive = false;
  return planQuiet(s, c);
}

function planQuiet(s: SimState, c: SimCpu): number {
  if (c.intr.length > 0) return Infinity; // pinned threads are not charged; the end is an event
  const t = c.thread;
  if (t.kind !== KIND_NORMAL) return Infinity; // idle: stealing is driven by enqueues
  const S = c.synced;
  if (!s.opts.fastForward) return S + 1;
  // A pending preemption is taken at the next preemption point (settle() normally got there first).
  if (t.mode === MODE_USER ? c.runrun || c.kprunrun : c.kprunrun && t.preemptible) return S + 1;
  let n = t.segLeft === Infinity ? Infinity : S + t.segLeft;
  if (!t.hasLwp) return n;
  if (t.cls === CLS_SDC) return S + 1;
  if (t.cls !== CLS_TS) return n;
  const maxp = c.disp.maxrunpri > s.kpq.maxrunpri ? c.disp.maxrunpri : s.kpq.maxrunpri;
  // cpu_surrender would change nothing: flags already as it would leave them. Only here does the
  // kp queue enter the plan, and only when the other terms leave the answer to it.
  const askKpq = c.runrun && (t.tsFlags & TSBACKQ) !== 0 && !c.kprunrun && c.disp.maxrunpri < s.params.kpreemptpri;
  if (askKpq) watchKpq(s, c);
  const settled = c.runrun && (t.tsFlags & TSBACKQ) !== 0 && (c.kprunrun || maxp < s.params.kpreemptpri);
  const L = t.tsTimeleft;
  if (L > 1) {
    if (t.pri < c.disp.maxrunpri && !settled) return S + 1;
    const expiry = S + L;
    return expiry < n ? expiry : n;
  }
  // Every tick expires the quantum again: quiet only at a fixed point of ts_tqexp.
  if (!settled || (t.tsFlags & TSRESTORE) !== 0) return S + 1;
  if (s.ts.tqexp[t.tsCpupri] !== t.tsCpupri) return S + 1;
  return n;
}

function watchKpq(s: SimState, c: SimCpu): void {
  c.kpqSensitive = true;
  if (!c.kpqWatched) {
    c.kpqWatched = true;
    s.kpqWatch.push(c);
  }
}

/** Applies `n` quiet clock steps to the thread running on a CPU (see quietUntil). */
export function applyQuiet(t: SimThread, n: number): void {
  if (t.segLeft !== Infinity) t.segLeft -= n;
  t.runTicks += n;
  if (t.hasLwp && t.cls === CLS_TS) {
    const left = t.tsTimeleft - n;
    t.tsTimeleft = left;
    if (left <= 0) {
      t.tsDispwait = 0;
      t.tsFlags = (t.tsFlags & ~TSRESTORE) | TSBACKQ;
    }
  }
}
