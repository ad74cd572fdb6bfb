// What threads do: each runs a program of phases, each phase a cycle of steps (user code, kernel
// code with or without kernel preemption, timed sleeps, waits for a wake-up, waking others).
// Step boundaries are where returns to user mode (and so RNRN) and kpreempt_enable happen.
import { clTrapret, clWakeup } from './classes/index.ts';
import { mutexEnter, mutexExit, RW_READER, RW_WRITER, rwEnter, rwExit, spinTick, type SimLock } from './locks.ts';
import { EV_WAKE } from './events.ts';
import { PHASE_A } from './heap.ts';
import { preempt, sleepThread } from './switch.ts';
import { markDirty, touch } from './sync.ts';
import {
  MODE_KERNEL, MODE_USER, OP_KERNEL, OP_LOCK, OP_READ, OP_RWEXIT, OP_SLEEP, OP_UNLOCK, OP_USER, OP_WAIT, OP_WAKE, OP_WRITE,
  Phase, SimCpu, SimState, SimThread, Step, TS_SLEEP,
} from './types.ts';

/** Zero-length steps may chain; a program that never spends a tick is a scenario error. */
const MAX_CHAIN = 10_000;

function nextStep(s: SimState, t: SimThread): Step {
  while (t.phase < t.phases.length - 1 && s.lbolt >= (t.phases[t.phase] as Phase).until) {
    t.phase++;
    t.stepIdx = -1;
  }
  const ph = t.phases[t.phase];
  if (ph === undefined) throw new Error(`thread ${t.name}: no program`);
  t.stepIdx++;
  if (t.stepIdx >= ph.steps.length) t.stepIdx = 0;
  return ph.steps[t.stepIdx] as Step;
}

/**
 * The running thread on `cp` finished its step (segLeft 0): perform following steps until one
 * takes time or the thread leaves the CPU.
 */
export function advance(s: SimState, cp: SimCpu, t: SimThread): void {
  touch(s, cp);
  for (let chain = 0; chain < MAX_CHAIN; chain++) {
    const st = nextStep(s, t);
    switch (st.op) {
      case OP_USER: {
        const len = s.rng.int(st.lo, st.hi);
        t.segLeft = len;
        if (t.mode === MODE_KERNEL) {
          // Return to user mode: CL_TRAPRET if armed, then RNRN is honoured.
          t.mode = MODE_USER;
          t.preemptible = true;
          if (t.trapret) {
            t.trapret = false;
            clTrapret(s, t, cp);
          }
          if (cp.runrun || cp.kprunrun) {
            preempt(s, cp);
            return;
          }
        }
        if (len > 0) return;
        break;
      }
      case OP_KERNEL: {
        const len = s.rng.int(st.lo, st.hi);
        t.mode = MODE_KERNEL;
        t.preemptible = st.preempt;
        t.segLeft = len;
        markDirty(s, cp); // kpreempt_enable / entering preemptible code is a preemption point
        if (len > 0) return;
        break;
      }
      case OP_SLEEP: {
        const len = Math.max(1, s.rng.int(st.lo, st.hi));
        t.segLeft = 0;
        sleepThread(s, cp, t, false);
        if (len !== Infinity) s.heap.push(s.lbolt + len, PHASE_A, 1, EV_WAKE, t.id, t.wakeGen);
        return;
      }
      case OP_WAIT: {
        if (t.pending > 0) {
          t.pending--;
          break;
        }
        t.segLeft = 0;
        sleepThread(s, cp, t, true);
        return;
      }
      case OP_WAKE:
        for (let i = 0; i < st.targets.length; i++) wakeByEvent(s, s.threads[st.targets[i] as number] as SimThread);
        break;
      case OP_LOCK:
      case OP_READ:
      case OP_WRITE: {
        const l = s.locks[st.lock as number] as SimLock;
        t.blockAt = st.at ?? [];
        const r = st.op === OP_LOCK ? mutexEnter(s, cp, t, l) : rwEnter(s, cp, t, l, st.op === OP_READ ? RW_READER : RW_WRITER);
        if (r === 'acquired') break;
        // Not acquired: this step runs again (after a spin tick, or when woken from the turnstile;
        // an rw_exit handoff moves it past the step instead).
        t.stepIdx--;
        if (r === 'spin') {
          spinTick(s, cp, t);
          return;
        }
        return;
      }
      case OP_UNLOCK:
      case OP_RWEXIT: {
        const l = s.locks[st.lock as number] as SimLock;
        const ok = st.op === OP_UNLOCK ? mutexExit(s, t, l) : rwExit(s, t, l);
        if (!ok) throw new Error(`thread ${t.name}: ${st.op === OP_UNLOCK ? 'mutex_exit' : 'rw_exit'} of ${l.name}, which it does not hold`);
        break;
      }
    }
  }
  throw new Error(`thread ${t.name}: program spends no time (more than ${MAX_CHAIN} zero-length steps in a row)`);
}

/** A cv_signal-like wake-up: wakes a waiter, or leaves work pending for when it next waits. */
export function wakeByEvent(s: SimState, t: SimThread): void {
  if (t.state === TS_SLEEP && t.waitingEvent) wakeup(s, t);
  else t.pending = 1;
}

/** A sleeping thread becomes runnable; it resumes with its next step when dispatched. */
export function wakeup(s: SimState, t: SimThread): void {
  t.waitingEvent = false;
  t.segLeft = 0;
  t.mode = MODE_KERNEL;
  t.preemptible = true;
  clWakeup(s, t);
}

/** A timed sleep ran out. */
export function timedWake(s: SimState, t: SimThread, gen: number): void {
  if (t.state === TS_SLEEP && !t.waitingEvent && t.wakeGen === gen) wakeup(s, t);
}

/** Return-to-user work posted by an AST (ts_update's t_trapret) for a thread running user code. */
export function userTrapret(s: SimState, t: SimThread): void {
  const cp = s.cpus[t.cpu] as SimCpu;
  if (t.mode !== MODE_USER || cp.intr.length > 0 || cp.thread !== t) return;
  t.trapret = false;
  clTrapret(s, t, cp);
}
