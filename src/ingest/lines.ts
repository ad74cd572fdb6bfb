// Splitting input into lines. Line numbers are 1-based everywhere in playfair.

/**
 * Splits text into lines without their terminators. LF, CRLF and a lone CR (old Mac files, some
 * web copies) each end a line. CRs next to an LF belong to that line end: CR CR LF (a CRLF file
 * converted to CRLF again) and LF CR (as some consoles print) end one line each, as vim, less and
 * `grep -n` count them, so a line number said is the one an editor shows. A final terminator does
 * not start an empty line.
 */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  eachLine(text, (line) => out.push(line));
  return out;
}

/**
 * The lines one LF-terminated piece stands for: the CRs at its end are its LF's (CRLF, CR CR LF),
 * and so is a CR at its start when an LF came before it (`afterLf`, LF CR); any other CR ends a
 * line. A stream reader that cuts at LF calls this on every piece so that it cuts exactly as
 * splitLines does.
 */
export function eachCrLine(piece: string, fn: (line: string) => void, afterLf = false): void {
  let end = piece.length;
  while (end > 0 && piece.charCodeAt(end - 1) === 13) end--;
  let start = afterLf && end > 0 && piece.charCodeAt(0) === 13 ? 1 : 0;
  let cr = piece.indexOf('\r', start);
  if (cr < 0 || cr >= end) {
    fn(start === 0 && end === piece.length ? piece : piece.slice(start, end));
    return;
  }
  while (cr >= 0 && cr < end) {
    fn(piece.slice(start, cr));
    start = cr + 1;
    cr = piece.indexOf('\r', start);
  }
  fn(piece.slice(start, end));
}

/**
 * Gives `fn` the lines of `text` from offset `start` on, cut as splitLines cuts them, without an
 * array of them all; stops after `max` LF-terminated pieces (a piece is one line unless it holds
 * lone CRs) and returns where the next piece starts (text.length when done), so a caller can go on
 * in turns.
 */
export function eachLine(text: string, fn: (line: string) => void, start = 0, max = Infinity): number {
  // Most texts have no CR at all: one search tells, and the loop then never looks again.
  const anyCr = text.indexOf('\r', start) >= 0;
  for (let n = 0; n < max && start < text.length; n++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (anyCr) eachCrLine(text.slice(start, end), fn, start > 0 && text.charCodeAt(start - 1) === 10);
    else fn(text.slice(start, end));
    start = end + 1;
  }
  return Math.min(start, text.length);
}

/** Blank as every grammar means it: one definition (grammar/common/lines.ts). */
export { isBlank } from '../../grammar/common/lines.ts';

export function leadingSpaces(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

/** Columns between tab stops, as terminals, `expand` and `unexpand` set them. */
export const TAB_STOP = 8;

/**
 * The line with each tab replaced by the spaces to the next tab stop. mdb prints no tab: a tab in
 * its output is a copy's (a terminal or editor that turned runs of spaces into tabs, `unexpand`),
 * and the columns are where the tab stops put them.
 */
export function expandTabs(line: string): string {
  let out = '';
  let from = 0;
  let col = 0;
  for (let i = line.indexOf('\t'); i >= 0; i = line.indexOf('\t', from)) {
    out += line.slice(from, i);
    col += i - from;
    const pad = TAB_STOP - (col % TAB_STOP);
    out += ' '.repeat(pad);
    col += pad;
    from = i + 1;
  }
  return from === 0 ? line : out + line.slice(from);
}
