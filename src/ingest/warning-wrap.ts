// mdb's warnings (`mdb: couldn't read frame for thread 0x7 at ffffffff: no mapping for address`)
// a wrap cut, in the output of a dcmd whose grammar reads them (`::stacks`, `::findstack`,
// `::threadlist`). Read apart, the warning's tail (`address`) reads as a frame of a group with no
// thread; joined, it is the one warning mdb printed.
import type { SourceLine } from '../../grammar/common/source.ts';
import { joinCutLines, MIN_WRAP_WIDTH, wordDidNotFit, type Rejoined, type WidthSoFar } from './width-wrap.ts';
import { outputStartKind } from './shapes.ts';

const WARNING = 'mdb: ';

/**
 * A tail a wrap moved: at column 0, not a warning of its own, and no columns (output rows and
 * headers line their columns up with runs of spaces; a warning's words have one between them),
 * nor a line that starts output of its own: `::walk thread | ::findstack -v` prints the next
 * thread's `stack pointer for thread` right after a thread's `mdb: ... isn't in memory`.
 */
function isTail(next: string): boolean {
  return next.length > 0 && next.charCodeAt(0) !== 32 && !next.startsWith(WARNING) && !next.includes('  ') && outputStartKind(next) === null;
}

/**
 * The warning with `next` joined on, when a wrap at `width` cut it there: at a fixed width the
 * warning runs to it; at a space it ends with that space and the next word did not fit. Else null.
 */
function rejoined(head: string, next: string, width: number): string | null {
  if (!head.startsWith(WARNING) || !isTail(next)) return null;
  if (head.length === width) return head + next;
  return head.endsWith(' ') && !head.endsWith('  ') && wordDidNotFit(head, next, width) ? head + next : null;
}

/** Warnings cut by a wrap at the width so far (`widthAt`), joined again. */
export function rejoinCutWarnings(lines: readonly SourceLine[], widthAt: WidthSoFar): Rejoined {
  return joinCutLines(lines, (head, next) => {
    const width = widthAt(head.no);
    return width >= MIN_WRAP_WIDTH ? rejoined(head.text, next.text, width) : null;
  });
}
