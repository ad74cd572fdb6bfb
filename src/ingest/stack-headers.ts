// `::findstack` thread headers a wrap (a terminal's copy, `fold`, or at a space) cut in two or
// three: `stack pointer for thread fffffe25a8c83460 (bhyve/1 [mevent]): fffffcc26c` then `acebb0`. Read apart,
// the header names a stack pointer cut short and the stack under it goes to no thread; joined, the
// header is whole again. Frame lines cut inside their parentheses are unwrap.ts's.
import type { SourceLine } from '../../grammar/common/source.ts';
import { fastFrameLine, fastThreadHeader, THREAD_HEADER } from '../../grammar/frames/fast.ts';
import { movedDownAtSpace, runsToWidth, type Rejoined, type WidthSoFar } from './width-wrap.ts';


/** A header runs to at most this many pieces (a long description, a narrow wrap). */
const MAX_PIECES = 3;

/** Nothing of its own: not a header, a saved-PC line or a frame. */
function isRest(next: string): boolean {
  const t = next.trim();
  return t !== '' && !t.startsWith('[ ') && !t.startsWith(THREAD_HEADER) && fastFrameLine(next, 0, true) === null;
}

/** Whether a wrap at `width` cut `line` before `next`: at the width, or at a space where the next word did not fit. */
function cutBefore(line: string, next: string, width: number): boolean {
  return runsToWidth(line, width) || (line.endsWith(' ') && movedDownAtSpace(line, next.trimStart(), width));
}

/**
 * The header that starts at line `i` with the lines a wrap cut from it joined on, and those lines'
 * numbers; null when no join makes it whole. Each piece but the last ran
 * to the width or ended with the space the wrap broke at; the last may also have lost that space
 * (a tracker's wrap), which comes back.
 */
function wholeHeader(lines: readonly SourceLine[], i: number, widthAt: WidthSoFar): { text: string; cont: number[] } | null {
  let text = lines[i]!.text;
  const first = lines[i + 1];
  // Most headers are not cut: the cheap test first, before reading the header.
  if (first === undefined || !text.startsWith(THREAD_HEADER) || !cutBefore(text, first.text, widthAt(lines[i]!.no))) return null;
  // A header that reads whole may still be cut inside its stack pointer (`: fffffcc26c` + `acebb0`): one piece more at most.
  const pieces = fastThreadHeader(text) === null ? MAX_PIECES : 2;
  const cont: number[] = [];
  for (let j = i + 1; j < lines.length && j - i < pieces; j++) {
    const prev = lines[j - 1]!;
    const next = lines[j]!.text;
    if (!isRest(next) || !cutBefore(prev.text, next, widthAt(prev.no))) return null;
    cont.push(lines[j]!.no);
    // Cut anywhere, the rest follows at once; wrapped at a space a tracker dropped, after a space.
    for (const joined of [text + next, text + ' ' + next.trim()]) if (fastThreadHeader(joined) !== null) return { text: joined, cont };
    text += next;
  }
  return null;
}

/** Headers cut by a wrap, each piece as wide as the width so far (`widthAt`) or cut at a space, joined again. */
export function rejoinCutHeaders(lines: readonly SourceLine[], widthAt: WidthSoFar): Rejoined {
  const joined = new Map<number, number[]>();
  let out: SourceLine[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    const whole = wholeHeader(lines, i, widthAt);
    if (whole === null) {
      out?.push(head);
      continue;
    }
    out ??= lines.slice(0, i);
    out.push({ no: head.no, text: whole.text });
    joined.set(head.no, whole.cont);
    i += whole.cont.length;
  }
  return { lines: out ?? lines, joined };
}
