// Putting runnable threads on queues (setbackdq, setfrontdq, setkpdq), choosing the CPU
// (disp_lowpri_cpu, cache affinity, run-queue balancing) and asking CPUs to preempt
// (cpu_resched on enqueue, cpu_surrender from a class tick). Facts: dispatcher-spec.md 3.5-3.7.
import { dqInsert, dqRemove } from './dispq.ts';
import { markDirty, touch } from './sync.ts';
import { CLS_SDC, KIND_IDLE, KPQ, SimCpu, SimState, SimThread, TS_ONPROC } from './types.ts';

const RUNQ_MATCH_PRI = 16;
const RUNQ_MAX_DIFF = 2;

/** THREAD_HAS_CACHE_WARMTH: the running thread itself, or switched out within rechoose_interval. */
function cacheWarm(s: SimState, t: SimThread, isCur: boolean): boolean {
  return isCur || s.lbolt - t.dispTime <= s.params.rechooseInterval;
}

/**
 * disp_lowpri_cpu for one locality group: from the hint, the CPU running the lowest-priority work
 * (max of dispatch pri, queued max, chosen level); an idle CPU with an empty queue wins at once;
 * ties go to the shorter queue. `curcpu` counts as idle (the caller is leaving it).
 */
export function lowpriCpu(s: SimState, hint: SimCpu, curcpu: SimCpu | null): SimCpu {
  const cpus = s.cpus;
  const n = cpus.length;
  let best: SimCpu | null = null;
  let bestpri = Infinity;
  let bestnrun = 0;
  for (let i = 0; i < n; i++) {
    const cp = cpus[(hint.id + i) % n] as SimCpu;
    if (cp.offline) continue;
    let cpupri = cp === curcpu ? -1 : cp.dispatchPri;
    if (cp.disp.maxrunpri > cpupri) cpupri = cp.disp.maxrunpri;
    if (cp.chosenLevel > cpupri) cpupri = cp.chosenLevel;
    if (cpupri < bestpri) {
      if (cpupri === -1 && cp.disp.nrunnable === 0) return cp;
      best = cp;
      bestpri = cpupri;
      bestnrun = cp.disp.nrunnable;
    }
    // As in illumos, bestnrun keeps the first tie's length.
    if (cpupri === bestpri && cp.disp.nrunnable < bestnrun) best = cp;
  }
  return best as SimCpu;
}

/** setbackdq: to the tail of its level. `isCur` when the thread is being preempted off its CPU. */
export function setbackdq(s: SimState, t: SimThread, isCur: boolean): void {
  const pri = t.pri;
  const cpus = s.cpus;
  let cp: SimCpu;
  if (cpus.length === 1) cp = cpus[0] as SimCpu;
  else if (t.boundCpu < 0) {
    if (pri >= s.params.kpqpri) {
      setkpdq(s, t, false);
      return;
    }
    const home = cpus[t.cpu] as SimCpu;
    cp = cacheWarm(s, t, isCur) && !home.offline ? home : lowpriCpu(s, home, null);
    let qlen = cp.disp.cnt[pri] as number;
    if (pri >= RUNQ_MATCH_PRI) qlen -= RUNQ_MAX_DIFF;
    if (qlen > 0) {
      const ncp = nextOnline(s, cp);
      if ((ncp.disp.cnt[pri] as number) < qlen) cp = ncp;
    }
  } else cp = cpus[t.boundCpu] as SimCpu;
  place(s, t, cp, false);
}

/** setfrontdq: to the head of its level, normally on the CPU it last ran on. */
export function setfrontdq(s: SimState, t: SimThread, isCur: boolean): void {
  const pri = t.pri;
  const cpus = s.cpus;
  let cp: SimCpu;
  if (cpus.length === 1) cp = cpus[0] as SimCpu;
  else if (t.boundCpu < 0) {
    if (pri >= s.params.kpqpri) {
      setkpdq(s, t, true);
      return;
    }
    cp = cpus[t.cpu] as SimCpu;
    if (cp.offline || (pri < cp.disp.maxrunpri && !cacheWarm(s, t, isCur))) cp = lowpriCpu(s, cp, null);
  } else cp = cpus[t.boundCpu] as SimCpu;
  place(s, t, cp, true);
}

/** cpu_next_onln: the next online CPU after `cp` (itself when it is the only one). */
function nextOnline(s: SimState, cp: SimCpu): SimCpu {
  const cpus = s.cpus;
  for (let i = 1; i < cpus.length; i++) {
    const o = cpus[(cp.id + i) % cpus.length] as SimCpu;
    if (!o.offline) return o;
  }
  return cp;
}

function place(s: SimState, t: SimThread, cp: SimCpu, front: boolean): void {
  touch(s, cp);
  if (t.waitrq < 0) t.waitrq = s.lbolt; // a re-queue (priority change) keeps the original time
  if (dqInsert(cp.disp, t, t.pri, front)) cpuResched(s, cp, t.pri);
  enqWakeup(s, cp, t.boundCpu >= 0);
}

/** setkpdq: unbound threads at or above kpqpri wait on the partition queue; one CPU is told. */
function setkpdq(s: SimState, t: SimThread, front: boolean): void {
  if (t.waitrq < 0) t.waitrq = s.lbolt;
  dqInsert(s.kpq, t, t.pri, front);
  const cp = lowpriCpu(s, s.cpus[t.cpu] as SimCpu, null);
  if (cp.chosenLevel < t.pri) cp.chosenLevel = t.pri;
  cpuResched(s, cp, t.pri);
  enqWakeup(s, cp, false);
}

/** Removes a queued thread from wherever it waits (dispdeq). */
export function dispdeq(s: SimState, t: SimThread): void {
  if (t.dispQueue === KPQ) {
    dqRemove(s.kpq, t, t.pri);
  } else {
    const cp = s.cpus[t.dispQueue] as SimCpu;
    touch(s, cp);
    dqRemove(cp.disp, t, t.pri);
  }
}

/**
 * disp_enq_thread (cpu_wakeup on x86): a halted idle CPU is woken when work lands on it, and one
 * halted CPU is woken to come and steal when unbound work lands on a busy CPU.
 */
function enqWakeup(s: SimState, cp: SimCpu, bound: boolean): void {
  if (cp.thread.kind === KIND_IDLE && cp.intr.length === 0) {
    markDirty(s, cp);
    return;
  }
  if (bound || s.idleCount === 0) return;
  const cpus = s.cpus;
  for (let i = 1; i < cpus.length; i++) {
    const o = cpus[(cp.id + i) % cpus.length] as SimCpu;
    if (o.thread.kind === KIND_IDLE && o.intr.length === 0 && !o.offline) {
      markDirty(s, o);
      return;
    }
  }
}

/** cpu_resched: a new highest-priority waiter on `cp`'s queue (or chosen for the kp queue). */
export function cpuResched(s: SimState, cp: SimCpu, tpri: number): void {
  const cpupri = cp.dispatchPri;
  if (cpupri === -1 || cpupri >= tpri) return;
  touch(s, cp);
  if (tpri >= s.params.upreemptpri && !cp.runrun) cp.runrun = true;
  if (tpri >= s.params.kpreemptpri && !cp.kprunrun) cp.kprunrun = true;
  markDirty(s, cp); // the poke: its interrupt return is a preemption point
}

/**
 * cpu_surrender: the running thread's class wants it off the CPU. Non-SDC: RNRN always, KRNRN only
 * if the best waiter is at kpreemptpri or above. SDC: both, by plain priority comparison.
 */
export function cpuSurrender(s: SimState, t: SimThread, cp: SimCpu): void {
  if (t.state !== TS_ONPROC) return;
  touch(s, cp);
  const maxp = cp.disp.maxrunpri > s.kpq.maxrunpri ? cp.disp.maxrunpri : s.kpq.maxrunpri;
  if (t.cls === CLS_SDC) {
    if (t.pri > maxp) return;
    cp.runrun = true;
    cp.kprunrun = true;
  } else {
    cp.runrun = true;
    if (maxp >= s.params.kpreemptpri) cp.kprunrun = true;
  }
  markDirty(s, cp);
}

/** DISP_MUST_SURRENDER: something queued (own queue or kp queue) outranks the thread. */
export function mustSurrender(s: SimState, t: SimThread): boolean {
  const own = t.dispQueue >= 0 ? (s.cpus[t.dispQueue] as SimCpu).disp.maxrunpri : -1;
  return own > t.pri || s.kpq.maxrunpri > t.pri;
}

/** thread_change_pri for a thread on a CPU: `t_pri` in place, and the CPU's dispatch priority. */
export function changePriOnproc(s: SimState, t: SimThread, cp: SimCpu, pri: number): void {
  touch(s, cp);
  t.pri = pri;
  if (cp.dispthread === t) cp.dispatchPri = pri;
}
