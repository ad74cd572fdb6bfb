// Interning the strings a large dump repeats by the hundred thousand: symbol names in stack frames
// (`swtch`, `cv_wait`, `thread_start`) and thread descriptions (`tq:zio_write_issue`). One copy
// each instead of one per frame, and no frame keeps its whole input line alive through a slice.

/** Past this many distinct names (hostile input), new names are no longer interned: memory stays bounded. */
const MAX_ENTRIES = 1 << 16;
const table = new Map<string, string>();

export function intern(s: string): string {
  const known = table.get(s);
  if (known !== undefined) return known;
  if (table.size >= MAX_ENTRIES) return s;
  // A slice of a line would keep the line alive; the concatenation is flattened into a copy of its own.
  const own = (' ' + s).slice(1);
  table.set(own, own);
  return own;
}

/** The last string interned for each slot of a hash of its characters. */
const recent: (string | undefined)[] = new Array<string | undefined>(1024).fill(undefined);

/**
 * `intern(text.slice(start, end))` for a caller that has hashed the characters as it read them
 * (`hash = hash * 31 + code`, from 0): a name seen lately costs a compare, not a slice and a lookup.
 */
export function internRange(text: string, start: number, end: number, hash: number): string {
  const slot = hash & (recent.length - 1);
  const seen = recent[slot];
  if (seen !== undefined && seen.length === end - start && text.startsWith(seen, start)) return seen;
  const s = intern(text.slice(start, end));
  recent[slot] = s;
  return s;
}
