// Lines of a one-line-per-row table (`::mutex`, `::turnstile`) a wrap cut. Their rows are 58 and
// 82 characters wide on a 64-bit target, so a narrow terminal or a mail client cuts them, and the
// rest (`  -     yes`) is refused: the lock loses its owner or waiters, and a deadlock the two
// `::mutex` lines prove is not seen. A join is made only when the two make the header, or a row of
// exactly as many words as the header has columns, led by an address.
import type { SourceLine } from '../../grammar/common/source.ts';
import { words } from '../../grammar/common/lines.ts';
import { isHexDigits } from '../../grammar/common/numbers.ts';
import { joinCutLines, runsToWidth, type Rejoined, type WidthSoFar } from './width-wrap.ts';

/** The ways a wrap at `width` may have cut `head` before `next`, the exact cut first. */
function joins(head: string, next: string, width: number): string[] {
  const out: string[] = [];
  if (next.trim() === '') return out;
  // At the width, or at a space the line keeps (fold -s: a row's padding may go on on the next line).
  if (runsToWidth(head, width) || head.endsWith(' ')) out.push(head + next);
  // At a space a mail client or a copy dropped, with any padding before it, so the width says
  // nothing (a stripped line may also be the widest): the two must make a whole row or the
  // header, and a row short of a column is no row mdb prints.
  if (!head.endsWith(' ') && next.charCodeAt(0) !== 32) out.push(head + ' ' + next);
  return out;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/** A rejoiner for a table whose header is `columns`, each a word of a row. */
export function rejoinCutTableRows(columns: readonly string[]): (lines: readonly SourceLine[], widthAt: WidthSoFar) => Rejoined {
  return (lines, widthAt) =>
    joinCutLines(lines, (head, next) => {
      const ws = words(head.text);
      if (ws.length === 0 || ws.length >= columns.length) return null;
      const header = ws[0] === columns[0];
      if (!header && !isHexDigits(ws[0]!)) return null;
      for (const joined of joins(head.text, next.text, widthAt(head.no))) {
        const jw = words(joined);
        if (header ? sameWords(jw, columns) : jw.length === columns.length) return joined;
      }
      return null;
    });
}
