// Clock ticks to human time, with the hz the conversion used and whether it was assumed.
import type { RuleContext } from './types.ts';

export interface HzInfo {
  hz: number;
  /** True when the input did not show hz and RuleOptions.assumedHz was used. */
  assumed: boolean;
  /** Input line that showed hz, when it did. */
  line: number | null;
}

export function resolveHz(ctx: RuleContext): HzInfo {
  const v = ctx.snapshot.tunables['hz'];
  if (v !== undefined && Number.isFinite(v) && v > 0) {
    return { hz: v, assumed: false, line: ctx.snapshot.tunableLines['hz'] ?? null };
  }
  return { hz: ctx.options.assumedHz, assumed: true, line: null };
}

/** The starvation threshold in ticks at the dump's (or the assumed) hz. */
export function thresholdTicks(ctx: RuleContext, hz: HzInfo): number {
  return Math.max(1, Math.round(ctx.options.starvationSeconds * hz.hz));
}

function oneDecimal(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Number.isInteger(r) ? r.toFixed(0) : r.toFixed(1);
}

function unit(x: number, name: string): string {
  const n = oneDecimal(x);
  return `${n} ${name}${n === '1' ? '' : 's'}`;
}

/** "18.4 hours", "1 hour", "2.5 seconds", "40 ms". */
export function humanDuration(seconds: number): string {
  const s = Math.abs(seconds);
  if (s >= 2 * 86400) return unit(s / 86400, 'day');
  if (s >= 3600) return unit(s / 3600, 'hour');
  if (s >= 60) return unit(s / 60, 'minute');
  if (s >= 1) return unit(s, 'second');
  return `${Math.round(s * 1000)} ms`;
}

/** "about 18.4 hours" for a tick count at the given hz. */
export function aboutTime(ticks: number, hz: HzInfo): string {
  return `about ${humanDuration(ticks / hz.hz)}`;
}

/** "6620600 ticks (about 18.4 hours at hz 100, assumed)". */
export function ticksText(ticks: number, hz: HzInfo): string {
  return `${ticks} ticks (${aboutTime(ticks, hz)} at hz ${hz.hz}${hz.assumed ? ', assumed' : ''})`;
}

/** A sentence saying which hz the conversions used, for messages. */
export function hzSentence(hz: HzInfo): string {
  return hz.assumed
    ? `The input does not show hz; times assume hz = ${hz.hz} (the default before illumos 11499 made it 1000 in 2020).`
    : `hz = ${hz.hz}, as the input shows${hz.line !== null ? ` (line ${hz.line})` : ''}.`;
}

/** The dump's lbolt when the input shows it (`panic_lbolt64/e`, `lbolt/D`...), else null. */
export function dumpLbolt(ctx: RuleContext): { value: number; line: number | null } | null {
  for (const name of ['panic_lbolt64', 'panic_lbolt', 'lbolt64', 'lbolt']) {
    const v = ctx.snapshot.tunables[name];
    if (v !== undefined && Number.isFinite(v)) return { value: v, line: ctx.snapshot.tunableLines[name] ?? null };
  }
  return null;
}
