// Clock ticks to human time, with the hz the conversion used and where that hz came from: the
// input's `hz`, `--hz`, the input's hires_tick, the OS build date in `::status`, or the default.
import { HIRES_HZ, HIRES_TICK_DEFAULT_CHANGE, HZ_DEFAULT, LBOLT_TUNABLES, defaultHzForBuildDate } from '../../illumos/index.ts';
import { humanDuration } from './policy.ts';
import type { RuleContext } from './types.ts';

export type HzSource = 'input' | 'option' | 'hires_tick' | 'build-date' | 'default';

export interface HzInfo {
  hz: number;
  /** True when the input did not show hz itself: every duration then rests on this choice. */
  assumed: boolean;
  source: HzSource;
  /** Input line that showed hz (or what it was inferred from), when there is one. */
  line: number | null;
  /** The build date it was inferred from (YYYY-MM-DD), for source 'build-date'. */
  buildDate?: string;
}

/** A SmartOS platform stamp (`joyent_20120222T201457Z`): the build date, as YYYY-MM-DD. */
function buildDateOf(text: string): string | null {
  for (let i = 0; i + 16 <= text.length; i++) {
    if (text[i] !== '2' || text[i + 1] !== '0' || (i > 0 && isDigit(text.charCodeAt(i - 1)))) continue;
    const s = text.slice(i, i + 16);
    let ok = s[8] === 'T' && s[15] === 'Z';
    for (let k = 0; ok && k < 15; k++) if (k !== 8 && !isDigit(s.charCodeAt(k))) ok = false;
    if (!ok) continue;
    const month = Number(s.slice(4, 6));
    const day = Number(s.slice(6, 8));
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  }
  return null;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Kernels outside this range do not exist; a value outside it is not used as hz. */
function plausibleHz(v: number): boolean {
  return Number.isInteger(v) && v >= 1 && v <= 100_000;
}

export function resolveHz(ctx: RuleContext): HzInfo {
  const { tunables, tunableLines, system } = ctx.snapshot;
  const v = tunables['hz'];
  if (v !== undefined && plausibleHz(v)) return { hz: v, assumed: false, source: 'input', line: tunableLines['hz'] ?? null };
  const opt = ctx.options.assumedHz;
  if (opt !== null && plausibleHz(opt)) return { hz: opt, assumed: true, source: 'option', line: null };
  const ht = tunables['hires_tick'];
  if (ht !== undefined && (ht === 0 || ht === 1)) {
    return { hz: ht === 1 ? HIRES_HZ : HZ_DEFAULT, assumed: true, source: 'hires_tick', line: tunableLines['hires_tick'] ?? null };
  }
  const os = system?.fields['operating system'];
  const date = os !== undefined ? buildDateOf(os) : null;
  if (date !== null) {
    return { hz: defaultHzForBuildDate(date), assumed: true, source: 'build-date', line: system?.lines['operating system'] ?? null, buildDate: date };
  }
  return { hz: HZ_DEFAULT, assumed: true, source: 'default', line: null };
}

/** The starvation threshold in ticks at the dump's (or the assumed) hz. */
export function thresholdTicks(ctx: RuleContext, hz: HzInfo): number {
  return Math.max(1, Math.round(ctx.options.starvationSeconds * hz.hz));
}

export { humanDuration };

/** "about 18.4 hours" for a tick count at the given hz. */
export function aboutTime(ticks: number, hz: HzInfo): string {
  return `about ${humanDuration(ticks / hz.hz)}`;
}

const SOURCE_WORDS: Record<HzSource, string> = {
  input: '',
  option: ', from --hz',
  hires_tick: ', from hires_tick',
  'build-date': ', assumed from the build date',
  default: ', assumed',
};

/** "6620600 ticks (about 18.4 hours at hz 100, assumed)". */
export function ticksText(ticks: number, hz: HzInfo): string {
  return `${ticks} ticks (${aboutTime(ticks, hz)} at hz ${hz.hz}${SOURCE_WORDS[hz.source]})`;
}

const CHANGE = `illumos ${HIRES_TICK_DEFAULT_CHANGE.issue} (${HIRES_TICK_DEFAULT_CHANGE.date})`;

/** A sentence saying which hz the conversions used and why, for messages. */
export function hzSentence(hz: HzInfo): string {
  const at = hz.line !== null ? ` (line ${hz.line})` : '';
  switch (hz.source) {
    case 'input':
      return `hz = ${hz.hz}, as the input shows${at}.`;
    case 'option':
      return `The input does not show hz; times use hz = ${hz.hz}, as given with --hz.`;
    case 'hires_tick':
      return `The input does not show hz; hires_tick${at} makes it ${hz.hz} unless /etc/system set hz itself.`;
    case 'build-date':
      return (
        `The input does not show hz; the OS was built on ${hz.buildDate ?? '?'}${at}, ` +
        `${hz.hz === HIRES_HZ ? 'after' : 'before'} ${CHANGE} made ${HIRES_HZ} the default, so times assume hz = ${hz.hz}.`
      );
    case 'default':
      return `The input does not show hz or an OS build date; times assume hz = ${hz.hz}, the default before ${CHANGE} made it ${HIRES_HZ}.`;
  }
}

/** The dump's lbolt when the input shows it (`panic_lbolt64/e`, `lbolt/D`...), else null. */
export function dumpLbolt(ctx: RuleContext): { value: number; line: number | null } | null {
  for (const name of LBOLT_TUNABLES) {
    const v = ctx.snapshot.tunables[name];
    if (v !== undefined && Number.isFinite(v) && v >= 0) return { value: v, line: ctx.snapshot.tunableLines[name] ?? null };
  }
  return null;
}
