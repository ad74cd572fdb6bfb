// Lines a wrap cut in two: at a fixed width (a terminal's copy, `fold`), where a cut line runs to
// the width, the widest line; or at a space before it (`fold -s`, a mail client). Which pairs are
// provably one line is each dcmd's to say (cpuinfo-columns.ts, stack-headers.ts, ...); the width
// and joining them, keeping their numbers, are here.
//
// The width at a line is the widest line so far, as the lines came (before any join), counting the
// section's earlier parts: never a later line, so that a section read in parts of any size (the
// stream path) reads as it does whole. In a wrapped section the first line cut is as wide as any.
import type { SourceLine } from '../../grammar/common/source.ts';

/** Narrower wraps than this are not a terminal's or a mail client's. */
export const MIN_WRAP_WIDTH = 40;

/**
 * Kinds whose output is a few lines: a wrap width is judged from the input's lines
 * (RawSection.inputWidth), not theirs, and one that comes before any two lines showed the width
 * waits for them (split.ts).
 */
export const WIDTH_FROM_INPUT: ReadonlySet<string> = new Set(['status', 'panicinfo', 'print', 'mutex', 'turnstile']);

/**
 * Kinds that wait for the input's width like those above, though their lines keep their own
 * widths: a console panic's rejoin (console-wrap.ts) takes a cut as fixed-width at the input's.
 */
export const WAITS_FOR_WIDTH: ReadonlySet<string> = new Set([...WIDTH_FROM_INPUT, 'panic']);

export interface Rejoined {
  lines: readonly SourceLine[];
  /** Head line number -> the continuation line joined onto it (which reads as the head does). */
  joined: Map<number, number[]>;
  /** Lines taken out of `lines` as a person's, not output: they are prose. */
  prose?: readonly number[];
}

// Where a wrap moved a word down: asked by the ::status reader too, so it lives with the grammars.
import { wordDidNotFit } from '../../grammar/common/lines.ts';
export { wordDidNotFit };

/** A fixed-width wrap (a terminal's copy, `fold`) cut `line`: it runs to `width`, which is a wrap's. */
export function runsToWidth(line: string, width: number): boolean {
  return width >= MIN_WRAP_WIDTH && line.length === width;
}

/**
 * A wrap at a space moved `next`'s first word off `head` (wordDidNotFit), at `width` or, where the
 * lines show none (a short section's may all be narrower), at the narrowest wrap there is.
 */
export function movedDownAtSpace(head: string, next: string, width: number): boolean {
  return wordDidNotFit(head, next, Math.max(width, MIN_WRAP_WIDTH));
}

/** The widest line, not counting the lines numbered in `skip` (RawSection.rests). */
export function widest(lines: readonly SourceLine[], skip?: readonly number[]): number {
  let width = 0;
  for (const l of lines) if (skip === undefined || !skip.includes(l.no)) width = Math.max(width, l.text.length);
  return width;
}

/** The wrap width at a line, by its number: the widest line up to it (see the top of this file). */
export type WidthSoFar = (no: number) => number;

/**
 * The width so far at each of `lines` (as they came), starting from `before`, the widest line of
 * the section's earlier parts, not counting the lines numbered in `skip` (RawSection.rests). Kept
 * as the few lines where it grows, so a long section costs little.
 */
export function widthsSoFar(lines: readonly SourceLine[], before = 0, skip?: readonly number[]): WidthSoFar {
  const at: number[] = [];
  const width: number[] = [];
  let w = before;
  const skipped = skip === undefined ? null : new Set(skip);
  for (const l of lines) {
    if (l.text.length <= w || skipped?.has(l.no) === true) continue;
    w = l.text.length;
    at.push(l.no);
    width.push(w);
  }
  return (no) => {
    // The last step at or before `no`.
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! <= no) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? before : width[lo - 1]!;
  };
}

/**
 * Each line joined with the next where `rejoin(head, next)` gives the whole line (null: not
 * provably one). The lines are returned as they are when nothing is joined.
 */
export function joinCutLines(lines: readonly SourceLine[], rejoin: (head: SourceLine, next: SourceLine) => string | null): Rejoined {
  const joined = new Map<number, number[]>();
  let out: SourceLine[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    const next = lines[i + 1];
    const text = next !== undefined ? rejoin(head, next) : null;
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

/** Joins made on lines already joined: each head keeps every line joined onto it, in order. */
export function mergeJoined(first: ReadonlyMap<number, number[]>, second: ReadonlyMap<number, number[]>): Map<number, number[]> {
  const out = new Map(first);
  for (const [head, cont] of second) {
    const all = [...(first.get(head) ?? [])];
    for (const c of cont) {
      all.push(c, ...(first.get(c) ?? []));
      out.delete(c);
    }
    out.set(head, all.sort((a, b) => a - b));
  }
  return out;
}
