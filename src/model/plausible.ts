// Values a kernel can hold but not show: an hz no clock runs at, a SWITCH longer than the clock
// can count. Each check returns why the value is refused, or null when it is plausible.
import { HZ_PLAUSIBLE_MAX, HZ_PLAUSIBLE_MIN, maxTicks } from '../../illumos/index.ts';

/** Why an `hz` is not one a kernel runs at, or null. */
export function implausibleHz(hz: number): string | null {
  if (Number.isInteger(hz) && hz >= HZ_PLAUSIBLE_MIN && hz <= HZ_PLAUSIBLE_MAX) return null;
  return `hz = ${hz} is not a clock rate a kernel runs at (${HZ_PLAUSIBLE_MIN}..${HZ_PLAUSIBLE_MAX}): not used`;
}

/**
 * Why a SWITCH tick count cannot be, or null: lbolt counts from boot and is derived from hrtime, a
 * signed 64-bit count of nanoseconds, so no tick count exceeds what that clock holds at the kernel's
 * hz (the shown hz when it is plausible, else the fastest plausible one, which bounds every kernel),
 * either way (mdb prints lbolt - cpu_last_swtch, which a live kernel can make slightly negative).
 */
export function implausibleSwitch(ticks: number, hz: number | null): string | null {
  const rate = hz !== null && implausibleHz(hz) === null ? hz : HZ_PLAUSIBLE_MAX;
  const max = maxTicks(rate);
  if (Number.isSafeInteger(ticks) && BigInt(Math.abs(ticks)) <= max) return null;
  return `SWITCH t-${ticks} is more ticks than a ${rate} hz clock counts in 2^63 ns (${max}): not used`;
}
