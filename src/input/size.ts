// Byte sizes as users type them (`--max-input 64M`) and as messages show them.

/** `1500000`, `64k`, `512M`, `2G` (powers of 1024) to bytes; null when malformed or not positive. */
export function parseByteSize(s: string): number | null {
  const t = s.trim();
  if (t.length === 0) return null;
  let mult = 1;
  let digits = t;
  const last = t[t.length - 1]!.toLowerCase();
  const units: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
  const unitOf = (c: string | undefined): number | undefined => (c === undefined ? undefined : units[c]);
  const lastUnit = unitOf(last);
  if (lastUnit !== undefined) {
    mult = lastUnit;
    digits = t.slice(0, -1);
  } else if (last === 'b') {
    digits = t.slice(0, -1);
    const u = unitOf(digits[digits.length - 1]?.toLowerCase());
    if (u !== undefined) {
      mult = u;
      digits = digits.slice(0, -1);
    }
  }
  if (digits.length === 0 || digits.length > 15) return null;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const n = Number(digits) * mult;
  return n > 0 && Number.isSafeInteger(n) ? n : null;
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3 && n % 1024 ** 3 === 0) return `${n / 1024 ** 3} GiB`;
  if (n >= 1024 ** 2 && n % 1024 ** 2 === 0) return `${n / 1024 ** 2} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB (${n} bytes)`;
  return `${n} bytes`;
}

/** The message for an input past --max-input; `atLeast` when a stream was cut off at the limit. */
export function tooLarge(size: number, max: number, atLeast = false): string {
  return `input is ${atLeast ? 'more than ' : ''}${formatBytes(atLeast ? max : size)}, beyond --max-input ${formatBytes(max)}`;
}
