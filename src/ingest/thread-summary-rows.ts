// `::thread` lines a wrap cut. A row of the default columns is 73 characters wide on a 64-bit
// target, so a mail client's 72 cuts its INTR (`n/` and `a`), and `fold -s` moves a last word or
// two to column 0 of the next line. Read apart, the rest is refused (grammar/thread notRowStart)
// and the row loses its columns; joined, it reads whole. A join is made only when the header says
// how many values the line holds, the line has fewer, and the join gives exactly that many.
import type { SourceLine } from '../../grammar/common/source.ts';
import { words } from '../../grammar/common/lines.ts';
import { startsThreadRow, threadHeaderColumns } from '../../grammar/thread/index.ts';
import { joinCutLines, MIN_WRAP_WIDTH, wordDidNotFit, type Rejoined, type WidthSoFar } from './width-wrap.ts';

/** The two ways a wrap at `width` may have cut `head` before `next`, the exact cut first. */
function joins(head: string, next: string, width: number): string[] {
  const out: string[] = [];
  if (width < MIN_WRAP_WIDTH || next.length === 0 || next.startsWith('mdb: ')) return out;
  if (head.length === width) out.push(head + next);
  if (next.charCodeAt(0) !== 32 && movedDown(head, next, width)) out.push(head.trimEnd() + ' ' + next);
  return out;
}

/**
 * A wrap at a space (`fold -s`, a mail client) moved `next`'s first word down: it did not fit. A
 * right-aligned column pads its value with spaces, and the wrap leaves them at the end of the
 * line (all but the one it broke at, which some wraps drop), so they count when they are there.
 */
function movedDown(head: string, next: string, width: number): boolean {
  if (wordDidNotFit(head, next, width)) return true;
  const space = next.indexOf(' ');
  return head.endsWith(' ') && head.length + 1 + (space < 0 ? next.length : space) > width;
}

/** Header lines and rows of `::thread` cut by a wrap at the width so far (`widthAt`), joined again. */
export function rejoinCutThreadSummaryRows(lines: readonly SourceLine[], widthAt: WidthSoFar): Rejoined {
  // Values each printed line of a row holds, by its place in the row (0: the address line).
  let counts: number[] | null = null;
  // The place of the last row line read, or -1 when no row has started under this header.
  let place = -1;
  const take = (text: string): void => {
    const header = threadHeaderColumns(text);
    if (header?.addr === true) {
      counts = [1 + header.names.length];
      place = -1;
    } else if (header !== null) {
      counts?.push(header.names.length);
    } else if (startsThreadRow(words(text))) place = 0;
    else if (place >= 0) place++;
  };
  return joinCutLines(lines, (head, next) => {
    const text = joinedLine(head.text, next.text, widthAt(head.no), counts, place);
    take(text ?? head.text);
    return text;
  });
}

/** Column names are capitals: a cut one (`INT`, `SOB`) too. */
function isCapitals(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** The line `head` with `next` joined on, when a wrap provably cut it; else null. */
function joinedLine(head: string, next: string, width: number, counts: readonly number[] | null, place: number): string | null {
  const ws = words(head);
  if (ws.length === 0 || startsThreadRow(words(next))) return null;
  if (ws.every(isCapitals)) {
    // A header line cut: the join must be a whole header line. A cut can leave one too (`ADDR
    // DISPTIME BOUND PR`, as mdb printed -d before SWITCH): column names after it that are no
    // header line of their own (an option group's, without -m) say the header went on.
    const nws = words(next);
    if (threadHeaderColumns(head) !== null && (!nws.every(isCapitals) || threadHeaderColumns(next) !== null)) return null;
    for (const j of joins(head, next, width)) if (threadHeaderColumns(j) !== null) return j;
    return null;
  }
  if (counts === null) return null;
  const at = startsThreadRow(ws) ? 0 : place >= 0 ? place + 1 : -1;
  const want = counts[at];
  if (want === undefined || ws.length > want) return null;
  if (ws.length === want) {
    // Every value is there, but the last may be cut (`n/`, `cv_s`): a cut at the width inside a
    // word left its rest, one word, on the next line.
    const cutInWord = head.length === width && !head.endsWith(' ') && next.charCodeAt(0) !== 32;
    return cutInWord && width >= MIN_WRAP_WIDTH && !/\s/.test(next) && !next.startsWith('mdb:') ? head + next : null;
  }
  for (const j of joins(head, next, width)) if (words(j).length === want) return j;
  return null;
}
