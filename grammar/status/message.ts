// Where a `::status` panic message ends. mdb prints `panic message: %s` (mdb_kvm.c,
// kt_status_dcmd); with auto-wrap on (every mdb before illumos 11186), a message longer than what
// is left of the line starts on the next one, leaving `panic message: ` with nothing after it,
// and one longer than a whole line is cut at the line's width wherever that falls: after a space
// in smartos-live issue 574 (`BAD TRAP: ... occurred in module ` then `"FSS" due to ...`), inside
// a word in issue 747 (`... NULL pointer deref` then `erence`). The splitter keeps those lines in
// the section and the reader joins them, both by this one test.
import { wordDidNotFit } from '../common/lines.ts';

const PANIC_MESSAGE = 'panic message:';

/** How each line `::status` prints starts, kernel and process targets alike. */
const STATUS_LINE_STARTS = ['debugging ', 'operating system:', 'image uuid:', PANIC_MESSAGE, 'dump content:', 'file:', 'initial argv:', 'threading model:', 'status:'];

/** Lines a wrapped panic message may take after its `panic message:` line. */
const MAX_MESSAGE_LINES = 4;

/** mdb's line width when the terminal's is unknown (MDB_IOB_DEFCOLS): a wrap is at it or past it. */
const MDB_DEFAULT_WIDTH = 80;

/** Whether the line (leading spaces off) is one `::status` prints, and so no part of a message. */
export function startsStatusLine(text: string): boolean {
  const t = text.trimStart();
  return STATUS_LINE_STARTS.some((s) => t.startsWith(s));
}

/**
 * Whether `line` goes on the panic message whose last line so far is `prev`, `k` lines after the
 * `panic message:` line (0: `prev` is that line). After an empty `panic message:` the message is
 * on the next line; after text, a line goes on only where a wrap moved its first word down.
 */
export function continuesMessage(prev: string, k: number, line: string): boolean {
  if (k >= MAX_MESSAGE_LINES || line.trim() === '' || startsStatusLine(line)) return false;
  if (k === 0 && prev.trim() === PANIC_MESSAGE) return true;
  return wordDidNotFit(prev, line, MDB_DEFAULT_WIDTH);
}

/**
 * How many lines after the `panic message:` line `lines` ends with (0: it ends with that line);
 * null when no such line is within the last MAX_MESSAGE_LINES.
 */
export function linesIntoMessage(lines: readonly { text: string }[]): number | null {
  for (let k = 0; k < MAX_MESSAGE_LINES && k < lines.length; k++) {
    const t = lines[lines.length - 1 - k]!.text;
    if (t.trimStart().startsWith(PANIC_MESSAGE)) return k;
    if (startsStatusLine(t) || t.trim() === '') return null;
  }
  return null;
}

/**
 * The message so far (`sofar`, its last line `prev`) with `line` joined on. A message that starts
 * on a line of its own was cut by mdb's auto-wrap every `width` characters wherever that fell
 * (mdb_iob_nputs copies a string a line's width at a time), so after a line that wide the text goes
 * on with no space added or taken: smartos-live issue 747's `... NULL pointer deref` then `erence`.
 * Any other break was a wrap at a space. `width`: the message's first line's, or 0 when the
 * message started after `panic message:`.
 */
export function joinMessage(sofar: string, prev: string, line: string, width: number): string {
  if (width === 0 || prev.length !== width) return `${sofar} ${line.trim()}`;
  return sofar + prev.slice(prev.trimEnd().length) + line.trimEnd();
}
