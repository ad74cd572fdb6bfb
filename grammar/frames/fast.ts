// A fast path for the one line shape that makes up most of a large dump: a frame line exactly as
// mdb prints it (`  ffffff0007e01bc0 cv_wait+0x7f(ffffff01d6fd5b60, ffffff01d6fd5ac0)`).
// The Chevrotain grammar stays the definition: this scanner accepts only the canonical spelling
// and returns null for anything else, which then goes through the grammar. A property test checks
// that wherever it answers, it answers exactly what the grammar does.
import { isBlockingPrimitive } from '../../illumos/blocking.ts';
import { isHexCode, parseOffset } from '../common/numbers.ts';
import { intern, internRange } from '../common/intern.ts';
import type { Frame } from '../records.ts';
import { LineFrame } from './line-frame.ts';

// Character classes, looked up by char code: one load instead of a chain of range checks.
const HEX = 1;
const SYMBOL_START = 2;
const SYMBOL = 4;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[0-9a-fA-F]/.test(ch)) CLASS[c]! |= HEX;
  // A letter or `_`: symbols starting with `.` or `$` are rare and close to other tokens (`...`), so the grammar reads them.
  if (/[A-Za-z_]/.test(ch)) CLASS[c]! |= SYMBOL_START | SYMBOL;
  if (/[0-9`.$]/.test(ch)) CLASS[c]! |= SYMBOL;
}

/**
 * Is the character at i of class k? False past the end (charCodeAt gives NaN there) and for
 * non-ASCII. The table is indexed only in bounds: a NaN index (an empty line) or one past the
 * table (non-ASCII) deoptimised this scanner and left it on V8's generic element load.
 */
function is(text: string, i: number, k: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 && (CLASS[c]! & k) !== 0;
}

function hexValue(c: number): number {
  return c <= 57 ? c - 48 : (c | 32) - 87;
}

/**
 * Reads `[spaces]fp symbol[+off](args)[spaces]`; null when the line is anything else. The frame
 * keeps the line and cuts its frame pointer and arguments out when asked (LineFrame). With
 * `shapeOnly` they are checked but not kept (null), except for a blocking primitive's (its
 * arguments name the object waited on).
 */
export function fastFrameLine(text: string, line: number, shapeOnly = false): Frame | null {
  const n = text.length;
  let i = 0;
  while (text.charCodeAt(i) === 32) i++;
  const fpStart = i;
  while (is(text, i, HEX)) i++;
  if (i === fpStart || i - fpStart > 16 || text.charCodeAt(i) !== 32) return null;
  i++;
  const symStart = i;
  if (!is(text, i, SYMBOL_START)) return null;
  let hash = text.charCodeAt(i++);
  while (is(text, i, SYMBOL)) hash = (hash * 31 + text.charCodeAt(i++)) | 0;
  const func = internRange(text, symStart, i, hash);
  let offset: number | null = null;
  const sign = text.charCodeAt(i);
  if (sign === 43 || sign === 45) {
    const offStart = i;
    i++;
    if (text.charCodeAt(i) === 48 && (text.charCodeAt(i + 1) | 32) === 120) i += 2;
    const digits = i;
    let v = 0;
    while (is(text, i, HEX)) v = v * 16 + hexValue(text.charCodeAt(i++));
    if (i === digits) return null;
    // Up to 13 hex digits fit a double exactly; longer ones take the general reader's checks.
    offset = i - digits <= 13 ? (sign === 45 ? -v : v) : parseOffset(text.slice(offStart, i));
    if (offset === null) return null;
  }
  if (text.charCodeAt(i) !== 40) return null;
  i++;
  if (text.charCodeAt(i) !== 41) {
    for (;;) {
      if (text.charCodeAt(i) === 48 && (text.charCodeAt(i + 1) | 32) === 120) i += 2;
      const digits = i;
      while (is(text, i, HEX)) i++;
      if (i === digits || i - digits > 16) return null;
      const c = text.charCodeAt(i);
      if (c === 41) break;
      if (c !== 44 || text.charCodeAt(i + 1) !== 32) return null;
      i += 2;
    }
  }
  i++;
  while (text.charCodeAt(i) === 32) i++;
  if (i !== n) return null;
  // A blocking primitive's arguments name what the thread waits on: kept even in shape mode.
  if (shapeOnly && !isBlockingPrimitive(func)) return { fp: null, func, offset, args: null, line };
  return new LineFrame(text, func, offset, line);
}

/** How a `::findstack` thread header starts. */
export const THREAD_HEADER = 'stack pointer for thread ';
const HEADER = THREAD_HEADER;

/** `stack pointer for thread X[ (TS_FREE)][ (desc)]: SP`, spelled exactly as mdb prints it; else null. */
export function fastThreadHeader(text: string): { thread: string; free: boolean; desc: string | null; sp: string } | null {
  if (!text.startsWith(HEADER)) return null;
  let i = HEADER.length;
  const n = text.length;
  const t0 = i;
  while (i < n && isHexCode(text.charCodeAt(i))) i++;
  if (i === t0) return null;
  const thread = text.slice(t0, i);
  let free = false;
  if (text.startsWith(' (TS_FREE)', i)) {
    free = true;
    i += 10;
  }
  // The stack pointer follows the line's last ': '; a description, if any, fills the gap.
  const colon = lastColonSpace(text, i);
  if (colon < 0) return null;
  let desc: string | null = null;
  if (colon > i) {
    if (text.charCodeAt(i) !== 32 || text.charCodeAt(i + 1) !== 40 || text.charCodeAt(colon - 1) !== 41) return null;
    desc = intern(text.slice(i + 2, colon - 1));
  }
  let j = colon + 2;
  const s0 = j;
  while (j < n && isHexCode(text.charCodeAt(j))) j++;
  if (j === s0) return null;
  const sp = text.slice(s0, j);
  while (j < n && text.charCodeAt(j) === 32) j++;
  return j === n ? { thread, free, desc, sp } : null;
}

/** text.lastIndexOf(': ') when it is at or after `from`, else -1; a loop from the end, as the stack pointer is near it (V8's lastIndexOf is a runtime call). */
function lastColonSpace(text: string, from: number): number {
  for (let j = text.length - 2; j >= from; j--) if (text.charCodeAt(j) === 58 && text.charCodeAt(j + 1) === 32) return j;
  return -1;
}

/** `[ SP func+off() ]`, spelled exactly as mdb prints it; else null. */
export function fastSavedPc(text: string): { sp: string; func: string; offset: number | null } | null {
  if (!text.startsWith('[ ') || !text.endsWith('() ]')) return null;
  // The text ends in `() ]`, so the frame inside has no arguments.
  const f = fastFrameLine(text.slice(2, -2), 0);
  const sp = f === null ? null : f.fp;
  return f === null || sp === null ? null : { sp, func: f.func, offset: f.offset };
}
