// Lines a wrap cut in two: at a fixed width (a terminal's copy, `fold`), where a cut line runs to
// the width, the section's widest line; or at a space before it (`fold -s`, a mail client). Which
// pairs are provably one line is each dcmd's to say (cpuinfo-columns.ts, stack-headers.ts);
// joining them and keeping their numbers is here.
import type { SourceLine } from '../../grammar/common/source.ts';

/** Narrower wraps than this are not a terminal's or a mail client's. */
export const MIN_WRAP_WIDTH = 40;

export interface Rejoined {
  lines: readonly SourceLine[];
  /** Head line number -> the continuation line joined onto it (which reads as the head does). */
  joined: Map<number, number[]>;
}

/** The widest line: the wrap width, if the section was wrapped. */
export function widest(lines: readonly SourceLine[]): number {
  let width = 0;
  for (const l of lines) width = Math.max(width, l.text.length);
  return width;
}

/**
 * Each line joined with the next where `rejoin(head, next)` gives the whole line (null: not
 * provably one). The lines are returned as they are when nothing is joined.
 */
export function joinCutLines(lines: readonly SourceLine[], rejoin: (head: string, next: string) => string | null): Rejoined {
  const joined = new Map<number, number[]>();
  let out: SourceLine[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    const next = lines[i + 1];
    const text = next !== undefined ? rejoin(head.text, next.text) : null;
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
