// `::stacks` frame lines a wrap cut: a frame there is its indentation and one word
// (`                 libcoreclr.so`_ZN19RuntimeMethodHandle...+0xe3c`), so a wrap at a space
// (`fold -s`, a mail client) leaves the indentation alone on a line and the frame at column 0 on
// the next, and a wrap at a fixed width (a terminal's copy, `fold`) leaves the frame's tail at
// column 0. Read apart, the column-0 piece starts a group of its own with no thread and the stack
// above it is cut short; joined, the frame is whole again. Frames cut inside parentheses
// (`::findstack -v`) are unwrap.ts's.
import type { SourceLine } from '../../grammar/common/source.ts';
import { leadingSpaces } from './lines.ts';
import { MIN_WRAP_WIDTH, type Rejoined, type WidthSoFar } from './width-wrap.ts';

/** A frame runs to at most this many pieces (bounds a join on hostile input). */
const MAX_PIECES = 8;

/** A piece of a frame a wrap moved to column 0: one word, nothing before it. */
function isPiece(l: SourceLine | undefined): l is SourceLine {
  return l !== undefined && l.text.length > 0 && l.text.charCodeAt(0) !== 32 && !l.text.includes(' ');
}

/**
 * The indices of the lines after `i` that finish the frame a wrap cut at line `i`, or none. mdb
 * prints no line of spaces alone (a group ends at an empty line) and indents every frame, so an
 * indented line's tail at column 0 is there only because a wrap put it there.
 */
function pieces(lines: readonly SourceLine[], i: number, widthAt: WidthSoFar): number[] {
  const head = lines[i]!.text;
  const indent = leadingSpaces(head);
  if (indent === 0 || head.includes(' ', indent)) return [];
  const out: number[] = [];
  let j = i + 1;
  let last = lines[i]!;
  if (indent === head.length) {
    // Only the indentation: the frame went down whole, because it did not fit beside it.
    const next = lines[j];
    if (!isPiece(next)) return [];
    const width = widthAt(next.no);
    if (width < MIN_WRAP_WIDTH || indent + next.text.length <= width) return [];
    out.push(j++);
    last = next;
  }
  // A piece that runs to the width was cut there: what follows at column 0 is its rest.
  while (isCut(last, widthAt) && out.length < MAX_PIECES && isPiece(lines[j])) {
    out.push(j);
    last = lines[j++]!;
  }
  return out;
}

function isCut(l: SourceLine, widthAt: WidthSoFar): boolean {
  const width = widthAt(l.no);
  return width >= MIN_WRAP_WIDTH && l.text.length === width;
}

/** `::stacks` frames cut by a wrap at the width so far (`widthAt`), joined again. */
export function rejoinCutFrames(lines: readonly SourceLine[], widthAt: WidthSoFar): Rejoined {
  const joined = new Map<number, number[]>();
  let out: SourceLine[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    const cont = pieces(lines, i, widthAt);
    if (cont.length === 0) {
      out?.push(head);
      continue;
    }
    out ??= lines.slice(0, i);
    out.push({ no: head.no, text: head.text + cont.map((j) => lines[j]!.text).join('') });
    joined.set(head.no, cont.map((j) => lines[j]!.no));
    i = cont[cont.length - 1]!;
  }
  return { lines: out ?? lines, joined };
}
