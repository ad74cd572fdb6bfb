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

/**
 * The range of hz playfair believes. The kernel checks nothing (param_init divides by hz, so 0
 * cannot boot); stock kernels run at 100 or 1000, and illumos's own comment in param.c calls
 * rates above about 10 kHz ridiculous. Outside this range a shown hz is refused, not used.
 */
export const HZ_PLAUSIBLE_MIN = 1;
export const HZ_PLAUSIBLE_MAX = 10_000;

/** NANOSEC (sys/time.h): nanoseconds per second. */
export const NANOSEC = 1_000_000_000;

/**
 * The most ticks lbolt can count at `hz`: lbolt is hrtime (signed 64-bit nanoseconds since boot)
 * divided by nsec_per_tick (NANOSEC / hz), so it never exceeds INT64_MAX / nsec_per_tick.
 */
export function maxTicks(hz: number): bigint {
  const nsecPerTick = BigInt(Math.floor(NANOSEC / hz));
  return ((1n << 63n) - 1n) / (nsecPerTick > 0n ? nsecPerTick : 1n);
}
