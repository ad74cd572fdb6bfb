// Cursor movement for scrolling lists, and the window of rows a list shows (only those rows are
// rendered, so a 50,000-thread list costs what a screenful does).
import type { Key } from './keypress.ts';

/** New cursor after a key, or null when the key is not a movement key. */
export function navKey(input: string, key: Key, cursor: number, count: number, page: number): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  const clamp = (n: number): number => Math.max(0, Math.min(last, n));
  if (key.upArrow || input === 'k') return clamp(cursor - 1);
  if (key.downArrow || input === 'j') return clamp(cursor + 1);
  if (key.pageUp || (key.ctrl && input === 'b')) return clamp(cursor - Math.max(1, page));
  if (key.pageDown || input === ' ' || (key.ctrl && input === 'f')) return clamp(cursor + Math.max(1, page));
  if (key.home || input === 'g') return 0;
  if (key.end || input === 'G') return last;
  return null;
}

/** First visible row: keeps the cursor in view, centred where the list allows. */
export function windowStart(cursor: number, count: number, height: number): number {
  if (count <= height) return 0;
  const start = cursor - Math.floor(height / 2);
  return Math.max(0, Math.min(count - height, start));
}
