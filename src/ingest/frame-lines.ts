// `::findstack` and `$C` lines a wrap cut outside a frame's parentheses: a saved-PC line
// (`[ ffffff0007e01b60 _resume_from_idle+0xf1() ` then `]`) or a frame cut before its `(`
// (`  ffffff0007e01c20 mac_soft_ring_worker+0xc5` then `(ffffff01d6fd5ac0)`). Read apart, each
// piece is unrecognized and the stack loses a frame; joined, the line reads as mdb printed it.
// Frames cut inside their parentheses are unwrap.ts's; thread headers, stack-headers.ts's.
import type { SourceLine } from '../../grammar/common/source.ts';
import { fastFrameLine, fastSavedPc, THREAD_HEADER } from '../../grammar/frames/fast.ts';
import { joinCutLines, movedDownAtSpace, runsToWidth, type Rejoined, type WidthSoFar } from './width-wrap.ts';

/** A line that reads as a frame or a saved PC as mdb spells them (the fast paths: their canonical spelling only). */
function readsWhole(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('[ ') ? fastSavedPc(text.trim()) !== null : fastFrameLine(text, 0, true) !== null;
}


/**
 * The line with `next` joined on, when a wrap at `width` cut a saved-PC or frame line there and
 * the two read whole: at a fixed width the line runs to the width; at a space it ends with that
 * space (or a client dropped it) and the next word did not fit. The rest is at column 0 (a wrap
 * at a space leaves the space on the line it cut), but for a saved PC's ` ]`.
 */
function rejoined(head: string, next: string, width: number): string | null {
  if (next.length === 0 || (next.charCodeAt(0) === 32 && next.trim() !== ']') || next.startsWith(THREAD_HEADER)) return null;
  const fixed = runsToWidth(head, width);
  if (!fixed && !movedDownAtSpace(head, next, width)) return null;
  // Whole already (a frame's `(`, a saved PC's `]`), or cut inside its parentheses (unwrap.ts's).
  if (head.trimStart().startsWith('[ ') ? head.includes(']') : head.includes('(')) return null;
  const joined = fixed || head.endsWith(' ') ? head + next : head + ' ' + next;
  return readsWhole(joined) ? joined : null;
}

/** Saved-PC and frame lines cut by a wrap at the width so far (`widthAt`), joined again. */
export function rejoinCutFrameLines(lines: readonly SourceLine[], widthAt: WidthSoFar): Rejoined {
  return joinCutLines(lines, (head, next) => rejoined(head.text, next.text, widthAt(head.no)));
}
