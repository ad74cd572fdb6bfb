// Whether an input shows any dispatcher state at all. Without it the dispatcher rules have nothing
// to judge, so "no findings" means "not looked at", and no face may call such a report healthy.
import type { DispatcherSnapshot } from './snapshot.ts';

/** What is missing, worded once for triage quality, signatures and the reports. */
export const NO_DISPATCHER_STATE = 'no dispatcher state (no ::cpuinfo, thread priorities or tunables)';

/** A CPU, a thread's priority, state or time slice, or a tunable: something the dispatcher rules read. */
export function hasDispatcherState(s: DispatcherSnapshot): boolean {
  return s.cpus.length > 0 || Object.keys(s.tunables).length > 0 || s.threads.some((t) => t.pri !== null || t.state !== null || t.tsTimeleft !== null);
}
