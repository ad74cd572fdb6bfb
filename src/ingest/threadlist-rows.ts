// `::threadlist` rows (`ADDR PROC LWP CMD/LWPID`) a wrap cut: the command goes last and may hold
// spaces (`bhyve/50 [vcpu 27]`), so a wrap at a space (`fold -s`, a mail client) leaves a row of
// three words and moves its command to column 0 of the next line, or moves a named thread's
// `[name]`. Read apart, the row is refused and its thread lost; joined, the row is whole again.
import type { SourceLine } from '../../grammar/common/source.ts';
import { isHexDigits } from '../../grammar/common/numbers.ts';
import { words } from '../../grammar/common/lines.ts';
import { joinCutLines, MIN_WRAP_WIDTH, wordDidNotFit, type Rejoined, type WidthSoFar } from './width-wrap.ts';

/** Starts like a row: an address and another hex word (a row of its own, never a command's rest). */
function startsRow(ws: readonly string[]): boolean {
  return ws.length >= 2 && isHexDigits(ws[0]!) && isHexDigits(ws[1]!);
}

/**
 * The row with `next` joined on, when a wrap at a space provably cut it: the first word of `next`
 * did not fit beside the row within `width` (a wrap moves a word down only then), and either the
 * row is three hex words (a row is never without its command) and `next` is no row of its own, or
 * `next` is a thread's name (`[vcpu 27]`). Else null.
 */
function rejoined(head: string, next: string, width: number): string | null {
  const ws = words(head);
  if (ws.length < 3 || !ws.slice(0, 3).every(isHexDigits) || next.length === 0 || next.charCodeAt(0) === 32) return null;
  const nws = words(next);
  if (startsRow(nws) || next.startsWith('mdb: ') || next.trim() === '...') return null;
  if (!wordDidNotFit(head, next, width)) return null;
  const joined = head.endsWith(' ') ? head + next : head + ' ' + next;
  return ws.length === 3 || (next.startsWith('[') && next.trimEnd().endsWith(']')) ? joined : null;
}

/** Rows cut by a wrap at the width so far (`widthAt`), joined again. */
export function rejoinCutThreadRows(lines: readonly SourceLine[], widthAt: WidthSoFar): Rejoined {
  return joinCutLines(lines, (head, next) => {
    const width = widthAt(head.no);
    return width >= MIN_WRAP_WIDTH ? rejoined(head.text, next.text, width) : null;
  });
}
