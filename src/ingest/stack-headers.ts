// `::findstack` thread headers a fixed-width wrap (a terminal's copy, `fold`) cut in two: `stack
// pointer for thread fffffe25a8c83460 (bhyve/1 [mevent]): fffffcc26c` then `acebb0`. Read apart,
// the header names a stack pointer cut short and the stack under it goes to no thread; joined, the
// header is whole again. Frame lines cut inside their parentheses are unwrap.ts's.
import type { SourceLine } from '../../grammar/common/source.ts';
import { fastFrameLine, fastThreadHeader } from '../../grammar/frames/fast.ts';

const HEADER = 'stack pointer for thread ';
/** Narrower wraps than this are not a terminal's or a mail client's. */
const MIN_WRAP_WIDTH = 40;

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

/** Headers cut by a wrap at `width` (the section's longest line), joined again; `joined` maps each head to its continuation. */
export function rejoinCutHeaders(lines: readonly SourceLine[], width: number): { lines: readonly SourceLine[]; joined: Map<number, number[]> } {
  const joined = new Map<number, number[]>();
  if (width < MIN_WRAP_WIDTH) return { lines, joined };
  let out: SourceLine[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    const next = lines[i + 1];
    const text = next !== undefined && head.text.length === width && head.text.startsWith(HEADER) ? rejoined(head.text, next.text) : null;
    if (text === null) {
      out?.push(head);
      continue;
    }
    out ??= lines.slice(0, i);
    out.push({ no: head.no, text });
    joined.set(head.no, [next!.no]);
    i++;
  }
  return { lines: out ?? lines, joined };
}
