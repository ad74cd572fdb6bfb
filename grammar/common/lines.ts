// Blank lines, columns, line-length bounds and safe echoes of input text: the one definition every
// grammar uses (blank means spaces, tabs and a stray CR from a CRLF paste).

/** The blank-separated words of a row of a table dcmd (`::mutex`, `::ps`, ...). */
export function words(text: string): string[] {
  return text.split(/[ \t]+/).filter((w) => w.length > 0);
}

/** Is the line empty or only spaces, tabs and CRs? */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** 1-based column of the first non-blank character (1 for a blank line). */
export function firstCol(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return i + 1;
  }
  return 1;
}

/** 1-based column just past the last non-blank character (where an early end of line is reported). */
export function endCol(text: string): number {
  let n = text.length;
  while (n > 0) {
    const c = text.charCodeAt(n - 1);
    if (c !== 32 && c !== 9 && c !== 13) break;
    n--;
  }
  return n + 1;
}

const MAX_SHOWN = 40;

/** Input text fit to quote in a message: printable ASCII only (others become `?`), cut short. */
export function shown(s: string, max = MAX_SHOWN): string {
  let out = '';
  for (let i = 0; i < s.length && i < max; i++) {
    const c = s.charCodeAt(i);
    out += c >= 32 && c < 127 ? s[i] : '?';
  }
  return s.length > max ? out + '...' : out;
}

/**
 * The most characters of one line a Chevrotain grammar is given. Lexing makes an object per token
 * and parsing a node per rule, so an unbounded line (megabytes of `[[[`) would cost memory in
 * proportion; past this a line is refused whole, before any token is made.
 * 256 KiB: mdb's own lines are far shorter (the longest real sample line is under 1,000 characters).
 */
export const MAX_LINE_CHARS = 1 << 18;

/** Whether a line is past MAX_LINE_CHARS. */
export function isTooLong(text: string): boolean {
  return text.length > MAX_LINE_CHARS;
}

/** The message for a line refused by MAX_LINE_CHARS. */
export function tooLongMessage(what: string, length: number): string {
  return `${what}: line of ${length} characters not read (the limit is ${MAX_LINE_CHARS} per line)`;
}

/**
 * Whether a wrap at a space within `width` is what moved the first word of `next` off the end of
 * `head`: it moves a word down only when the word, after one space, did not fit beside the line.
 * A word with more after it takes its space along (`fold -s` breaks after a space), so a word that
 * would end exactly at the width did not fit either.
 */
export function wordDidNotFit(head: string, next: string, width: number): boolean {
  const space = next.indexOf(' ');
  return head.trimEnd().length + 1 + (space < 0 ? next.length : space + 1) > width;
}
