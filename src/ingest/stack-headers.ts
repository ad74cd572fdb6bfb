// `::findstack` thread headers a wrap (a terminal's copy, `fold`, or at a space) cut in two: `stack
// pointer for thread fffffe25a8c83460 (bhyve/1 [mevent]): fffffcc26c` then `acebb0`. Read apart,
// the header names a stack pointer cut short and the stack under it goes to no thread; joined, the
// header is whole again. Frame lines cut inside their parentheses are unwrap.ts's.
import type { SourceLine } from '../../grammar/common/source.ts';
import { fastFrameLine, fastThreadHeader } from '../../grammar/frames/fast.ts';
import { joinCutLines, MIN_WRAP_WIDTH, wordDidNotFit, type Rejoined, type WidthSoFar } from './width-wrap.ts';

const HEADER = 'stack pointer for thread ';

/**
 * The header with `next` joined on, when the header runs to the wrap width and `next` is nothing
 * of its own (not a header, a saved-PC line or a frame) and completes it; else null.
 */
function rejoined(head: string, next: string): string | null {
  const t = next.trim();
  if (t === '' || t.startsWith('[ ') || t.startsWith(HEADER) || fastFrameLine(next, 0, true) !== null) return null;
  // Cut anywhere, the rest follows at once; wrapped at a space a tracker dropped, after a space.
  for (const joined of [head + next, head + ' ' + t]) if (fastThreadHeader(joined) !== null) return joined;
  return null;
}

/** Headers cut by a wrap, each as wide as the width so far (`widthAt`), joined again. */
export function rejoinCutHeaders(lines: readonly SourceLine[], widthAt: WidthSoFar): Rejoined {
  return joinCutLines(lines, (head, next) => {
    if (!head.text.startsWith(HEADER)) return null;
    const width = widthAt(head.no);
    // At the width, or at a space where the next word did not fit (no wrap is narrower than MIN_WRAP_WIDTH, though a short section's lines may all be).
    const cut = width >= MIN_WRAP_WIDTH && head.text.length === width;
    const atSpace = head.text.endsWith(' ') && wordDidNotFit(head.text, next.text.trimStart(), Math.max(width, MIN_WRAP_WIDTH));
    return cut || atSpace ? rejoined(head.text, next.text) : null;
  });
}
