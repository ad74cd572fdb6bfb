// The event loop. Time advances in clock ticks (lbolt); inside tick k events run in phases:
//   A  interrupts and timed wake-ups (with their pokes and the preemptions those cause),
//   B  the clock: each CPU in id order charges its running thread (CL_TICK) and moves its program
//      one tick; the clock interrupt's return is a preemption point,
//   C  ts_update (every hz ticks) and sysdc_update,
//   D  idle CPUs retrying a steal that was too fresh.
// Fast-forward: a CPU gets a phase-B event only at ticks where its step is not "quiet" (quiet.ts);
// quiet ticks are applied in bulk when something next looks at the CPU (sync.ts). The result is
// the same as stepping every tick (SimOptions.fastForward = false), which the tests check.
//
// Simplifications (documented, deliberate): everything inside a tick is instantaneous, so a kernel
// preemption takes effect within the tick it is requested in (real latency: microseconds); a
// thread's step lengths are whole ticks (zero-length steps run between ticks); nosteal_nsec is
// rounded up to the next tick; one locality group, no CMT balancing, no swapping, no schedctl,
// no CPU caps; sysdc's processor-set break is not modelled.
import { advance, timedWake, userTrapret } from './behaviour.ts';
import { clTick, clTrapret } from './classes/index.ts';
import { sdcUpdate } from './classes/sdc.ts';
import { tsUpdate } from './classes/ts.ts';
import { EV_CPU, EV_IDLE_RETRY, EV_INTR, EV_INTR_END, EV_SDC, EV_UPDATE, EV_WAKE } from './events.ts';
import { PHASE_B, PHASE_C, PHASE_D } from './heap.ts';
import { intrEnd, intrFire } from './interrupts.ts';
import { checkInvariants } from './invariants.ts';
import { quietUntil } from './quiet.ts';
import { idleDispatch, idleRetry, preempt } from './switch.ts';
import { kpqSettle, markDirty, touch, touchAll } from './sync.ts';
import { KIND_IDLE, KIND_NORMAL, MODE_KERNEL, SimCpu, SimState, SimThread } from './types.ts';

const SETTLE_LIMIT = 1_000_000;

/** Runs every event up to and including tick `end`; afterwards lbolt = end. */
export function runUntil(s: SimState, end: number): void {
  if (s.dumped) throw new Error('the simulation was stopped by its dump');
  const heap = s.heap;
  const cpus = s.cpus;
  while (heap.size > 0 && heap.peekTick() <= end) {
    heap.pop();
    s.lbolt = heap.tick;
    s.curPhase = heap.phase;
    s.curCpu = -1;
    const a = heap.a;
    const b = heap.b;
    switch (heap.kind) {
      case EV_CPU: {
        const c = cpus[a] as SimCpu;
        if (b !== c.evGen) continue;
        c.scheduled = -1;
        s.curCpu = c.id;
        stepCpu(s, c);
        break;
      }
      case EV_WAKE:
        timedWake(s, s.threads[a] as SimThread, b);
        break;
      case EV_INTR:
        intrFire(s, a, b === 1);
        break;
      case EV_INTR_END:
        intrEnd(s, cpus[a] as SimCpu, s.threads[b] as SimThread);
        break;
      case EV_UPDATE:
        touchAll(s);
        tsUpdate(s, (t) => userTrapret(s, t));
        heap.push(s.lbolt + s.params.hz, PHASE_C, 0, EV_UPDATE, 0, 0);
        break;
      case EV_SDC:
        // sysdc_update touches the CPUs it changes; the SDC threads on CPUs are stepped every
        // tick, so nothing else needs bringing up to date (a touchAll here cost O(CPUs) per 20 ms).
        sdcUpdate(s, ++s.stats.sdcUpdates);
        heap.push(s.lbolt + s.params.sdcUpdateTicks, PHASE_C, 1, EV_SDC, 0, 0);
        break;
      case EV_IDLE_RETRY:
        idleRetry(s, cpus[a] as SimCpu);
        break;
    }
    s.stats.events++;
    settle(s);
    replan(s);
    if (s.opts.debug) checkInvariants(s);
    if ((s.stats.events & 0xffff) === 0 && s.onSample !== null) s.onSample();
  }
  s.lbolt = end;
  s.curPhase = PHASE_D;
  touchAll(s);
  replan(s);
}

/** Phase B for one CPU: one clock tick charged to (and consumed by) the thread it runs. */
function stepCpu(s: SimState, c: SimCpu): void {
  touch(s, c);
  c.synced = s.lbolt;
  if (c.intr.length > 0) return;
  const t = c.thread;
  if (t.kind !== KIND_NORMAL) return;
  if (t.segLeft !== Infinity) t.segLeft--;
  t.runTicks++;
  if (t.hasLwp) clTick(s, t, c);
  markDirty(s, c);
}

/**
 * Visits poked CPUs until nothing is left to do: a finished step moves the program on, an idle
 * CPU looks for work, a pending RNRN (user mode) or KRNRN (preemptible kernel code) preempts.
 */
export function settle(s: SimState): void {
  const list = s.dirtyList;
  for (let i = 0; i < s.dirtyN; i++) {
    if (i > SETTLE_LIMIT) throw new Error('settle: no progress (a zero-time loop in the scenario?)');
    const c = list[i] as SimCpu;
    c.dirty = false;
    if (c.intr.length > 0) continue;
    const t = c.thread;
    if (t.kind === KIND_IDLE) {
      idleDispatch(s, c);
      continue;
    }
    if (t.segLeft === 0) {
      advance(s, c, t);
      markDirty(s, c); // whoever runs now gets the preemption check
      continue;
    }
    if (t.mode === MODE_KERNEL) {
      if (c.kprunrun && t.preemptible) preempt(s, c);
    } else if (c.runrun || c.kprunrun) {
      if (t.trapret) {
        t.trapret = false;
        clTrapret(s, t, c);
      }
      preempt(s, c);
    }
  }
  s.dirtyN = 0;
}

/** Plans the next clock event of every CPU touched by the last event. */
export function replan(s: SimState): void {
  kpqSettle(s);
  const list = s.touchedList;
  for (let i = 0; i < s.touchedN; i++) {
    const c = list[i] as SimCpu;
    c.touched = false;
    s.stats.plans++;
    const nt = quietUntil(s, c);
    if (nt === c.scheduled) continue;
    c.scheduled = nt;
    c.evGen++;
    if (nt !== Infinity) s.heap.push(nt, PHASE_B, c.id, EV_CPU, c.id, c.evGen);
  }
  s.touchedN = 0;
}

/** Marks every CPU for a first look (used once the initial threads are queued). */
export function settleAll(s: SimState): void {
  for (const c of s.cpus) {
    touch(s, c);
    markDirty(s, c);
  }
  settle(s);
  replan(s);
}
