// Is this text? The first bytes of an input decide, before the rest is read (a /dev/zero or a
// core file is refused at once, not after reading it to the size limit).

/** How much of the start of an input decides whether it is text. */
export const SNIFF_BYTES = 8192;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The encoding a byte-order mark names: UTF-16 with one is what Windows PowerShell's `>` and
 * Notepad's "Unicode" save write. UTF-16 without one is not guessed (binaryReason says what it
 * looks like).
 */
export function textEncoding(head: Uint8Array): TextEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** ASCII text in UTF-16 without a byte-order mark: a NUL in every other byte, on the same side. */
function looksUtf16(head: Uint8Array): 'LE' | 'BE' | null {
  const n = Math.min(head.length, 512) & ~1;
  if (n < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0 && head[i + 1] !== 0) even++;
    else if (head[i + 1] === 0 && head[i] !== 0) odd++;
  }
  if (odd * 10 >= n * 4) return 'LE';
  if (even * 10 >= n * 4) return 'BE';
  return null;
}

/**
 * Why the first bytes do not look like text, or null when they do. A NUL byte means binary
 * (mdb output never has one); otherwise more than 30% of bytes that are neither printable, common
 * whitespace nor valid UTF-8 means binary. Escape sequences (ESC) count as text: terminal logs have them.
 * UTF-16 with a byte-order mark is judged by its characters.
 */
export function binaryReason(head: Uint8Array): string | null {
  if (head.length === 0) return null;
  const encoding = textEncoding(head);
  if (encoding !== 'utf-8') return binaryReason(Buffer.from(new TextDecoder(encoding).decode(head.subarray(0, head.length & ~1)), 'utf8'));
  if (head.indexOf(0) >= 0) {
    const utf16 = looksUtf16(head);
    if (utf16 !== null) return `looks like UTF-16 text without a byte-order mark (convert it: iconv -f UTF-16${utf16} -t UTF-8)`;
    return 'looks like a binary file (contains NUL bytes)';
  }
  let bad = 0;
  let i = 0;
  while (i < head.length) {
    const b = head[i]!;
    if (b < 0x80) {
      if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27 && b !== 8) bad++;
      else if (b === 0x7f) bad++;
      i++;
      continue;
    }
    const n = utf8SequenceLength(head, i);
    if (n === 0) {
      // A sequence cut by the sniff window is not evidence of binary content.
      if (head.length - i < 4 && head.length === SNIFF_BYTES) break;
      bad++;
      i++;
    } else i += n;
  }
  if (bad * 10 > head.length * 3) return 'looks like a binary file (mostly non-text bytes)';
  return null;
}

/** Length of the well-formed UTF-8 sequence at i, or 0 when it is malformed or cut short. */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  let n: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) n = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    if (c === 0xe0) lo = 0xa0;
    if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    if (c === 0xf0) lo = 0x90;
    if (c === 0xf4) hi = 0x8f;
  } else return 0;
  if (i + n > b.length) return 0;
  const c1 = b[i + 1]!;
  if (c1 < lo || c1 > hi) return 0;
  for (let k = 2; k < n; k++) {
    const ck = b[i + k]!;
    if (ck < 0x80 || ck > 0xbf) return 0;
  }
  return n;
}

/** The text in the encoding its byte-order mark names (UTF-8 without one), U+FFFD for malformed bytes; the mark is dropped. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder(textEncoding(bytes), { fatal: false, ignoreBOM: false }).decode(bytes);
}
