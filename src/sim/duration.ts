// Durations as users write them: `18.4h`, `30m`, `10s`, `250ms`, `2d`, or ticks: `500t`.
// A bare number is seconds.

const UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };

/** Converts to clock ticks at `hz` (rounded), or returns an error message. */
export function parseDuration(text: string, hz: number): { ok: true; ticks: number } | { ok: false; message: string } {
  const s = text.trim();
  let i = 0;
  while (i < s.length && ((s[i] as string) >= '0' && (s[i] as string) <= '9' || s[i] === '.')) i++;
  const num = s.slice(0, i);
  const unit = s.slice(i);
  const v = Number(num);
  if (num === '' || !Number.isFinite(v) || v < 0) return { ok: false, message: `bad duration '${text}' (try 18.4h, 30m, 10s, 500t)` };
  if (unit === 't') {
    if (!Number.isInteger(v)) return { ok: false, message: `ticks must be whole: '${text}'` };
    return { ok: true, ticks: v };
  }
  const mult = unit === '' ? 1 : UNITS[unit];
  if (mult === undefined) return { ok: false, message: `bad duration unit in '${text}' (use ms, s, m, h, d or t for ticks)` };
  return { ok: true, ticks: Math.round(v * mult * hz) };
}

