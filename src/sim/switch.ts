// Taking threads off queues: disp() (kp queue first, then the CPU's own queue, then stealing when
// the CPU would go idle), swtch()/preempt(), and the work stealing of idle CPUs (disp_getwork,
// disp_getbest). Facts: dispatcher-spec.md 3.8-3.10.
import { clPreempt, clSleep } from './classes/index.ts';
import { dqFixUnboundPri, dqRemove, dqTakeBest, DispQ, stealCandidates } from './dispq.ts';
import { EV_IDLE_RETRY } from './events.ts';
import { PHASE_D } from './heap.ts';
import { markDirty, touch } from './sync.ts';
import { KIND_IDLE, KPQ, MODE_KERNEL, SimCpu, SimState, SimThread, TS_ONPROC, TS_SLEEP } from './types.ts';

/** disp_getbest's "nothing yet, try again later" answer. */
const TOO_FRESH = -1;

/**
 * Switches `cp` away from `out` (already queued, asleep, or the idle thread) to the best work.
 * cpu_last_swtch and the outgoing t_disp_time change only when the thread really changes.
 */
export function swtch(s: SimState, cp: SimCpu, out: SimThread): void {
  touch(s, cp);
  const next = disp(s, cp);
  cp.runrun = false;
  cp.kprunrun = false;
  cp.chosenLevel = -1;
  if (next !== out) {
    cp.lastSwtch = s.lbolt;
    if (cp.firstSwitch < 0) cp.firstSwitch = s.lbolt;
    if (out.firstOff < 0) out.firstOff = s.lbolt;
    if (next.firstOn < 0) next.firstOn = s.lbolt;
    out.dispTime = s.lbolt;
    if (out.kind === KIND_IDLE) s.idleCount--;
    if (next.kind === KIND_IDLE) s.idleCount++;
  }
  next.state = TS_ONPROC;
  next.dispQueue = cp.id;
  cp.thread = next;
  cp.dispthread = next;
  if (next.kind === KIND_IDLE) {
    cp.dispatchPri = -1;
    return;
  }
  cp.dispatchPri = next.pri;
  next.cpu = cp.id;
  const wait = s.lbolt - next.waitrq;
  if (next.waitrq >= 0 && wait > next.maxWait) next.maxWait = wait;
  if (next.waitrq >= 0 && next.dispatches > 0 && wait > next.maxLaterWait) next.maxLaterWait = wait;
  next.waitrq = -1;
  next.dispatches++;
  next.lastDispatch = s.lbolt;
  markDirty(s, cp);
}

/** disp(): the next thread for `cp`, or its idle thread. */
function disp(s: SimState, cp: SimCpu): SimThread {
  const kpq = s.kpq;
  if (kpq.maxrunpri >= 0 && kpq.maxrunpri >= cp.disp.maxrunpri) {
    return dqTakeBest(kpq) as SimThread;
  }
  if (cp.disp.maxrunpri >= 0) return dqTakeBest(cp.disp) as SimThread;
  const stolen = getwork(s, cp);
  return stolen ?? cp.idle;
}

/** preempt(): the running thread goes back on a queue through its class, then swtch(). */
export function preempt(s: SimState, cp: SimCpu): void {
  const t = cp.thread;
  touch(s, cp);
  t.leftBy = 2;
  clPreempt(s, t);
  swtch(s, cp, t);
}

/** The running thread blocks (cv_wait or a timed sleep). */
export function sleepThread(s: SimState, cp: SimCpu, t: SimThread, onEvent: boolean): void {
  touch(s, cp);
  clSleep(s, t, cp);
  t.state = TS_SLEEP;
  t.mode = MODE_KERNEL;
  t.waitingEvent = onEvent;
  t.wakeGen++;
  t.leftBy = 1;
  t.dispQueue = -1;
  swtch(s, cp, t);
}

/** The idle loop of `cp`: run its own work, the kp queue's, or stolen work. */
export function idleDispatch(s: SimState, cp: SimCpu): void {
  if (cp.offline) return; // runs only its idle thread; it does not steal
  if (cp.disp.nrunnable === 0 && s.kpq.nrunnable === 0 && !anyStealable(s, cp)) return;
  swtch(s, cp, cp.idle);
}

function anyStealable(s: SimState, cp: SimCpu): boolean {
  if (cp.disp.counts.unbound === 0) return false;
  const list = stealCandidates(cp.disp.counts);
  for (let i = 0; i < list.length; i++) {
    s.stats.stealVisits++;
    const o = s.cpus[(list[i] as DispQ).id] as SimCpu;
    if (o !== cp && o.dispatchPri !== -1) return true;
  }
  return false;
}

/** Scratch for victims(): the steal scan allocates nothing per call. */
const victimScratch: SimCpu[] = [];

/**
 * The busy CPUs other than `cp` whose queue may hold an unbound thread, in the order disp_getwork
 * visits CPUs (cp + 1, cp + 2, ... wrapping). Every other CPU has disp_max_unbound_pri -1 and could
 * not be chosen, so walking only these gives the same choice as walking every CPU.
 */
function victims(s: SimState, cp: SimCpu): SimCpu[] {
  const list = stealCandidates(cp.disp.counts);
  s.stats.stealVisits += list.length;
  const n = s.cpus.length;
  const out = victimScratch;
  out.length = 0;
  for (let i = 0; i < list.length; i++) {
    const o = s.cpus[(list[i] as DispQ).id] as SimCpu;
    if (o !== cp && o.dispatchPri !== -1) out.push(o);
  }
  if (out.length > 1) out.sort((a, b) => ((a.id - cp.id + n) % n) - ((b.id - cp.id + n) % n));
  return out;
}

/**
 * disp_getwork: steal the best unbound thread from another CPU's queue. Idle CPUs are skipped
 * (treated as halted); a queue whose disp_steal time has not come is skipped and retried later.
 */
function getwork(s: SimState, cp: SimCpu): SimThread | null {
  if (cp.disp.counts.unbound === 0) return null;
  for (let attempt = 0; attempt < 200; attempt++) {
    let best: SimCpu | null = null;
    let bestpri = -1;
    let retry = Infinity;
    const list = victims(s, cp);
    for (let i = 0; i < list.length; i++) {
      const o = list[i] as SimCpu;
      const pri = o.disp.maxUnboundPri;
      if (pri > bestpri) {
        if (o.disp.steal === 0 || o.disp.steal <= s.lbolt) {
          best = o;
          bestpri = pri;
        } else if (o.disp.steal < retry) retry = o.disp.steal;
      }
    }
    if (best === null) {
      scheduleRetry(s, cp, retry);
      return null;
    }
    touch(s, best);
    const t = getbest(s, best.disp);
    if (t === TOO_FRESH) {
      scheduleRetry(s, cp, Math.min(retry, best.disp.steal));
      return null;
    }
    if (t !== null) return t;
    // Only bound threads at the bound level: it was lowered; look again.
  }
  return null;
}

/**
 * disp_getbest: the first stealable unbound thread at disp_max_unbound_pri. Kernel-priority levels
 * (>= minclsyspri), threads that last ran elsewhere, and threads queued at least nosteal ticks ago
 * may go; fresher ones set disp_steal.
 */
function getbest(s: SimState, dq: DispQ): SimThread | null | typeof TOO_FRESH {
  const pri = dq.maxUnboundPri;
  if (pri < 0) return null;
  let sawUnbound = false;
  for (let t = dq.first[pri] as SimThread | null; t !== null; t = t.link) {
    if (t.boundCpu >= 0) continue;
    sawUnbound = true;
    const ns = s.params.nostealTicks;
    if (dq.id === KPQ || pri >= s.params.minclsyspri || t.cpu !== dq.id || ns === 0 || s.lbolt - t.waitrq >= ns) {
      dqRemove(dq, t, pri);
      dq.steal = 0;
      return t;
    }
    const when = t.waitrq + ns;
    if (dq.steal === 0 || when < dq.steal) dq.steal = when;
  }
  if (sawUnbound) return TOO_FRESH;
  dqFixUnboundPri(dq, pri - 1);
  return null;
}

function scheduleRetry(s: SimState, cp: SimCpu, at: number): void {
  if (at === Infinity) return;
  const tick = at > s.lbolt ? at : s.lbolt + 1;
  if (cp.retryAt === tick) return;
  cp.retryAt = tick;
  s.heap.push(tick, PHASE_D, cp.id, EV_IDLE_RETRY, cp.id, 0);
}

/** An idle CPU's retry came due. */
export function idleRetry(s: SimState, cp: SimCpu): void {
  cp.retryAt = -1;
  if (cp.thread.kind === KIND_IDLE && cp.intr.length === 0) markDirty(s, cp);
}
