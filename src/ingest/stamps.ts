// Time stamps a tool or a log writes before a line: bracketed (a console server, dmesg), ISO 8601
// (`ts -s`, rsyslog), or `Dec  6 07:12:01` (`ts`, classic syslog). Each shape gives the stamp's
// length with the space after it, or -1; the prefix reader (prefix.ts) and the log-line test
// (log-line.ts) share them.

const MAX_STAMP = 40;

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * `[2026-12-01 10:00:00] `, `[   12.345678] `, `[Mon Dec  1 10:00:00 2026] `: a bracketed stamp
 * with a digit and a `:`, `.` or `-` in it (so kmdb's `[0]> ` is not one), then a space or the
 * line's end. Its length with the space, or -1.
 */
export function bracketStamp(line: string): number {
  if (line.charCodeAt(0) !== 91 /* [ */) return -1;
  let digit = false;
  let mark = false;
  for (let i = 1; i < line.length && i <= MAX_STAMP; i++) {
    const c = line.charCodeAt(i);
    if (c === 93 /* ] */) {
      if (!digit || !mark) return -1;
      if (i + 1 === line.length) return i + 1;
      return line.charCodeAt(i + 1) === 32 ? i + 2 : -1;
    }
    if (isDigit(c)) digit = true;
    else if (c === 58 || c === 46 || c === 45) mark = true;
    else if (!(c === 32 || c === 43 || c === 44 || c === 47 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return -1;
  }
  return -1;
}

/** `hh:mm:ss` at i; the index after it, or -1. */
function clock(line: string, i: number): number {
  for (const at of [0, 1, 3, 4, 6, 7]) if (!isDigit(line.charCodeAt(i + at))) return -1;
  return line.charCodeAt(i + 2) === 58 && line.charCodeAt(i + 5) === 58 ? i + 8 : -1;
}

/** After a clock: fractions of a second, then a zone (`Z`, `+01:00`, `+0100`); the index after them. */
function fractionAndZone(line: string, i: number): number {
  if (line.charCodeAt(i) === 46 || line.charCodeAt(i) === 44) {
    let j = i + 1;
    while (isDigit(line.charCodeAt(j))) j++;
    if (j > i + 1) i = j;
  }
  const z = line.charCodeAt(i);
  if (z === 90 /* Z */) return i + 1;
  if (z === 43 || z === 45) {
    let j = i + 1;
    let digits = 0;
    while (digits < 4 && (isDigit(line.charCodeAt(j)) || (digits === 2 && line.charCodeAt(j) === 58))) {
      if (line.charCodeAt(j) !== 58) digits++;
      j++;
    }
    if (digits === 4) return j;
  }
  return i;
}

/** `2026-12-01T10:00:00.123Z ` or `2026-12-01 10:00:00 `: ISO 8601; its length with the space, or -1. */
export function isoStamp(line: string): number {
  for (const at of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigit(line.charCodeAt(at))) return -1;
  if (line.charCodeAt(4) !== 45 || line.charCodeAt(7) !== 45) return -1;
  const t = line.charCodeAt(10);
  if (t !== 84 && t !== 32) return -1;
  const end = clock(line, 11);
  return end < 0 ? -1 : spaceAfter(line, fractionAndZone(line, end));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Dec 06 07:12:01 ` (what `ts` writes by default) or `Dec  6 07:12:01 `; its length with the space, or -1. */
export function monthStamp(line: string): number {
  const m = line.charCodeAt(0);
  if (m < 65 || m > 90 || line.charCodeAt(3) !== 32 || !MONTHS.includes(line.slice(0, 3))) return -1;
  const d0 = line.charCodeAt(4);
  if (!(isDigit(d0) || d0 === 32) || !isDigit(line.charCodeAt(5)) || line.charCodeAt(6) !== 32) return -1;
  const end = clock(line, 7);
  return end < 0 ? -1 : spaceAfter(line, fractionAndZone(line, end));
}

/** The stamp's length with the one space after it; the line's end also ends a stamp; else -1. */
function spaceAfter(line: string, i: number): number {
  if (i === line.length) return i;
  return line.charCodeAt(i) === 32 ? i + 1 : -1;
}

