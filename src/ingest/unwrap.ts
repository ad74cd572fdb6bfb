// Undoing line wraps that a bug tracker or mail client added: a line with an unclosed `(`
// continued by a line that closes it is one frame line cut in two.
import type { SourceLine } from '../../grammar/common/source.ts';
import { MIN_WRAP_WIDTH, widthsSoFar, type WidthSoFar } from './width-wrap.ts';

function balance(s: string): number {
  // indexOf runs natively: far faster than a loop over every character of every line.
  let b = 0;
  for (let i = s.indexOf('('); i >= 0; i = s.indexOf('(', i + 1)) b++;
  for (let i = s.indexOf(')'); i >= 0; i = s.indexOf(')', i + 1)) b--;
  return b;
}

/** A wrapped continuation never runs longer than this many lines (bounds the join on hostile input). */
const MAX_JOIN = 8;

/**
 * Could a line that follows these be joined onto one of them? A join starts at a line that leaves
 * a `(` open and runs at most MAX_JOIN lines, so only the last MAX_JOIN lines matter.
 */
export function mayBeContinued(lines: readonly SourceLine[]): boolean {
  for (let i = Math.max(0, lines.length - MAX_JOIN); i < lines.length; i++) if (balance(lines[i]!.text) > 0) return true;
  return false;
}

export interface Unwrapped {
  lines: readonly SourceLine[];
  /** Head line number -> the continuation line numbers joined onto it. */
  joined: Map<number, number[]>;
}

/**
 * Frame lines a wrap cut in two, joined again. A line cut at a fixed width runs to the width so far
 * (`widthAt`; by default from `lines` alone, see width-wrap.ts).
 */
export function unwrapParens(lines: readonly SourceLine[], widthAt: WidthSoFar = widthsSoFar(lines)): Unwrapped {
  // Most sections have no wrapped line: they are returned as they are, without a copy.
  let out: SourceLine[] | null = null;
  const joined = new Map<number, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    let b = balance(head.text);
    if (b <= 0) {
      out?.push(head);
      continue;
    }
    let text = head.text;
    const cont: number[] = [];
    let j = i + 1;
    const width = widthAt(head.no);
    while (b > 0 && j < lines.length && j - i <= MAX_JOIN) {
      const next = lines[j]!;
      const nb = balance(next.text);
      if (next.text.trim() === '' || nb > 0) break;
      // A hard wrap at a fixed column can cut a token in two; a soft wrap happens at a space. The
      // column is 72 or more (mail), or the widest line so far (a terminal's or fold's width).
      const cut = text.length >= 72 || (text.length === width && width >= MIN_WRAP_WIDTH);
      const hard = cut && !text.endsWith(' ') && !text.endsWith(',');
      text = hard ? text + next.text.trim() : text.trimEnd() + ' ' + next.text.trim();
      cont.push(next.no);
      b += nb;
      j++;
    }
    if (b === 0 && cont.length > 0) {
      out ??= lines.slice(0, i);
      out.push({ no: head.no, text });
      joined.set(head.no, cont);
      i = j - 1;
    } else {
      out?.push(head);
    }
  }
  return { lines: out ?? lines, joined };
}
