// Keeping lazily-stepped CPUs consistent. A CPU whose clock steps are quiet is not stepped tick by
// tick; before anything reads or changes its state it is brought up to the current event position:
// in phase A of tick k (and phase B for CPUs not yet stepped at k) up to k-1, otherwise up to k.
import { PHASE_A, PHASE_B } from './heap.ts';
import { applyQuiet } from './quiet.ts';
import { KIND_NORMAL, SimCpu, SimState } from './types.ts';

export function syncTarget(s: SimState, c: SimCpu): number {
  if (s.curPhase === PHASE_A) return s.lbolt - 1;
  if (s.curPhase === PHASE_B) return c.id < s.curCpu ? s.lbolt : s.lbolt - 1;
  return s.lbolt;
}

/** Brings `c` up to date and marks it for re-planning at the end of the current event. */
export function touch(s: SimState, c: SimCpu): void {
  const target = syncTarget(s, c);
  const n = target - c.synced;
  if (n > 0) {
    c.synced = target;
    if (c.intr.length === 0 && c.thread.kind === KIND_NORMAL) {
      if (s.opts.debug && !s.opts.fastForward) throw new Error(`cpu ${c.id}: ${n} unstepped ticks in tick-by-tick mode`);
      applyQuiet(c.thread, n);
    }
  }
  if (!c.touched) {
    c.touched = true;
    s.touchedList[s.touchedN++] = c;
  }
}

/** Brings every CPU up to date and re-plans it (the end of a run, ts_update). */
export function touchAll(s: SimState): void {
  const cpus = s.cpus;
  for (let i = 0; i < cpus.length; i++) touch(s, cpus[i] as SimCpu);
}

/**
 * Whether the kp queue holds a waiter at or above kpreemptpri. This one bit is all a CPU's quiet
 * test reads of the kp queue (cpu_surrender sets KRNRN on it), so only its flips re-plan every
 * CPU: touching them all on each kp queue change made a run quadratic in CPUs (issue 15).
 */
export function kpqHot(s: SimState): boolean {
  return s.kpq.maxrunpri >= s.params.kpreemptpri;
}

/**
 * At the end of an event, before re-planning: if kpqHot() differs from the value the current plans
 * were made with, re-plan the CPUs whose plan read it (quietUntil keeps them in s.kpqWatch; the
 * others are dropped from it here). Checked once per event rather than at each kp queue change:
 * a thread queued there and taken within the same event (the usual case: setkpdq pokes a CPU that
 * takes it at once) flipped the bit twice and re-planned every watched CPU twice, quadratic in
 * CPUs (issue 15). Exact, because the bit is read only by clock steps, never inside an event.
 */
export function kpqSettle(s: SimState): void {
  const hot = kpqHot(s);
  if (hot === s.kpqPlannedHot) return;
  s.kpqPlannedHot = hot;
  const list = s.kpqWatch;
  let kept = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as SimCpu;
    if (c.kpqSensitive) {
      touch(s, c);
      list[kept++] = c;
    } else c.kpqWatched = false;
  }
  list.length = kept;
}

/** Schedules a visit to `c` at the end of the current event (a poke, a switch, an idle CPU). */
export function markDirty(s: SimState, c: SimCpu): void {
  if (!c.dirty) {
    c.dirty = true;
    s.dirtyList[s.dirtyN++] = c;
  }
}
