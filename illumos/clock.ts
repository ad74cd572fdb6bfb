// The clock: hz and its history. Ticks (lbolt, SWITCH, ts_timeleft, quanta) are at hz.

/** `HZ_DEFAULT` (sys/clock_impl.h): hz when hires_tick is 0. The seed's era ran at it. */
export const HZ_DEFAULT = 100;
/** `hires_hz`: hz when hires_tick is 1. */
export const HIRES_HZ = 1000;
/**
 * illumos 11499 "default to hires tick" (commit d96925c4, 2020-08-17) changed hires_tick from 0 to
 * 1, so hz became 1000 by default. Kernels built before it default to 100.
 */
export const HIRES_TICK_DEFAULT_CHANGE = { issue: 11499, commit: 'd96925c4', date: '2020-08-17' } as const;

/** The default hz of a kernel built on `date` (YYYY-MM-DD): before the change 100, after it 1000. */
export function defaultHzForBuildDate(date: string): number {
  return date < HIRES_TICK_DEFAULT_CHANGE.date ? HZ_DEFAULT : HIRES_HZ;
}
