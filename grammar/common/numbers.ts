// Numbers as mdb prints them. No regexes: these run on every value of large inputs.
import { toAddr, type Addr } from '../../illumos/address.ts';

const HEX = '0123456789abcdefABCDEF';

/** Is the char code a hex digit (either case)? */
export function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

export function isHexDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (HEX.indexOf(s[i]!) < 0) return false;
  return true;
}

/**
 * A pointer as `%0?p` prints it: zero-padded to the target's width, 16 hex digits (8 on a 32-bit
 * target). A `::thread` row's address is printed so; a shorter word there is one a wrap cut.
 */
export function isPaddedPointer(s: string): boolean {
  return (s.length === 16 || s.length === 8) && isHexDigits(s);
}

export function isDecimalDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Lower-case hex digits with no leading zero (or a lone `0`): already what normalizeAddr returns. */
function isCanonicalAddr(s: string): boolean {
  if (s.length === 0 || (s.charCodeAt(0) === 48 && s.length > 1)) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/**
 * Normalises an address as printed (`0xFFFF...`, `ffff...`, `00ff`) with illumos/'s one normaliser
 * (`toAddr`: lower-case hex, no `0x`, no leading zeros), or null. Text already in that form, most
 * addresses of a large dump, is returned as it is without a copy.
 */
export function normalizeAddr(s: string): Addr | null {
  if (isCanonicalAddr(s)) return s as Addr;
  return toAddr(s);
}

/**
 * Reads an mdb number: `0x..` hex, `0t..` decimal, `0o..` octal, `0i..` binary, a leading `-`,
 * or bare digits in `defaultRadix` (16 for `%p`/`%x`/`/X` output, 10 for `%d` columns).
 * Returns a bigint so 64-bit values survive; null when the text is not a number.
 */
export function parseMdbBigInt(text: string, defaultRadix: 10 | 16 = 16): bigint | null {
  let s = text.trim();
  let neg = false;
  if (s.startsWith('-')) {
    neg = true;
    s = s.slice(1);
  }
  let radix: number = defaultRadix;
  if (s.length > 2 && s[0] === '0') {
    const p = s[1]!.toLowerCase();
    if (p === 'x') radix = 16;
    else if (p === 't') radix = 10;
    else if (p === 'o') radix = 8;
    else if (p === 'i') radix = 2;
    if (radix !== defaultRadix || p === 'x' || p === 't') {
      if ('xtoi'.includes(p)) s = s.slice(2);
    }
  }
  if (s.length === 0 || s.length > 70) return null;
  let v = 0n;
  const r = BigInt(radix);
  for (let i = 0; i < s.length; i++) {
    const d = parseInt(s[i]!, radix);
    if (Number.isNaN(d)) return null;
    v = v * r + BigInt(d);
  }
  return neg ? -v : v;
}

/** Reinterprets an unsigned value as a two's-complement signed integer of `bits` bits. */
export function toSigned(v: bigint, bits: 8 | 16 | 32 | 64): bigint {
  const mod = 1n << BigInt(bits);
  const m = ((v % mod) + mod) % mod;
  return m >= mod >> 1n ? m - mod : m;
}

/** Reads an mdb number and returns it as a JS number when it fits exactly, else null. */
export function parseMdbInt(text: string, defaultRadix: 10 | 16 = 16, signedBits?: 8 | 16 | 32 | 64): number | null {
  let v = parseMdbBigInt(text, defaultRadix);
  if (v === null) return null;
  if (signedBits !== undefined) v = toSigned(v, signedBits);
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) return null;
  return Number(v);
}

/** Parses `+0x1e6` / `+8` / `-0x10` offsets as mdb prints them (prefix rule: 0..9 plain, else 0x). */
export function parseOffset(text: string): number | null {
  const neg = text.startsWith('-');
  const body = text.startsWith('+') || neg ? text.slice(1) : text;
  const v = parseMdbInt(body, 16);
  if (v === null) return null;
  return neg ? -v : v;
}

/** Formats an offset the way mdb's `%a` does: `+8`, `+0xf1`, or '' for 0/null. */
export function formatOffset(off: number | null): string {
  if (off === null || off === 0) return '';
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return sign + (a <= 9 ? String(a) : '0x' + a.toString(16));
}
