// `::status`, `::panicinfo` and `::print` lines a paste's wrap cut inside their value (or a
// member's name), joined again before their grammars read them. Read apart, `operating system:
// 5.11 joyent_20230112T00000` loses the build date that says hz is 1000, and `ts_timeleft =
// 0xff9b025` is a value mdb never printed: the last digit went to the next line.
import type { SourceLine } from '../../grammar/common/source.ts';
import { startsStatusLine } from '../../grammar/status/message.ts';
import { joinCutLines, movedDownAtSpace, runsToWidth, type Rejoined, type WidthSoFar } from './width-wrap.ts';

/**
 * A `::status` line with `next` joined on, when a wrap at `width` cut it there: at a fixed width
 * it runs to the width; at a space it ends with that space and the next word did not fit. The next
 * line starts no `::status` line of its own. (mdb's own wrap of a long panic message, at a space,
 * joins the same way.)
 */
function statusRejoined(head: string, next: string, width: number): string | null {
  if (next.trim() === '' || startsStatusLine(next) || !startsStatusLine(head)) return null;
  if (runsToWidth(head, width)) return head + next;
  return head.endsWith(' ') && !head.endsWith('  ') && movedDownAtSpace(head, next, width) ? head + next : null;
}

/** `::status` lines cut by a wrap at the input's width (`widthAt`: RawSection.inputWidth), joined again. */
export function rejoinCutStatusLines(lines: readonly SourceLine[], widthAt: WidthSoFar): Rejoined {
  return joinCutLines(lines, (head, next) => statusRejoined(head.text, next.text, widthAt(head.no)));
}

const MEMBER = ' = ';
/** The characters of a value or name a fixed-width wrap cut inside a word. */
const WORD = /^[0-9A-Za-z_]+$/;

/**
 * A `::print` line with `next` joined on, when a fixed-width wrap cut it inside a word: the line
 * runs to the width and ends in a word character, and either it holds its ` = ` and the next line
 * is the rest of the value (one word), or it does not and the next line, at column 0, is the rest
 * of the member's name and its ` = ` and value. Only a fixed-width cut is joined: a member line
 * after one that ends with a space is a line of its own as often as not.
 */
function printRejoined(head: string, next: string, width: number): string | null {
  if (!runsToWidth(head, width) || !/[0-9A-Za-z_]$/.test(head) || next.length === 0 || next.charCodeAt(0) === 32) return null;
  const hasValue = head.includes(MEMBER);
  if (hasValue) return WORD.test(next) ? head + next : null;
  const cut = next.indexOf(MEMBER);
  return cut > 0 && WORD.test(next.slice(0, cut)) && !head.trimStart().startsWith('{') ? head + next : null;
}

/** `::print` member lines cut by a fixed-width wrap at the input's width (`widthAt`: RawSection.inputWidth), joined again. */
export function rejoinCutPrintLines(lines: readonly SourceLine[], widthAt: WidthSoFar): Rejoined {
  return joinCutLines(lines, (head, next) => printRejoined(head.text, next.text, widthAt(head.no)));
}

/**
 * A `::panicinfo` row (`%16s %s`: a label right-aligned in 16 columns, then its value) with `next`
 * joined on, when a wrap at `width` cut its value: at a fixed width anywhere (a thread's address,
 * the message); at a space only in the message, the one value with spaces. The rest is at column 0
 * (1 after a cut just before a space): every row of its own starts with the label's padding.
 */
function panicinfoRejoined(head: string, next: string, width: number): string | null {
  if (next.trim() === '' || next.startsWith('  ') || !head.startsWith(' ')) return null;
  const label = head.trimStart().split(' ', 1)[0]!;
  // At the width a cut may fall just before a space, which then starts the next line.
  if (runsToWidth(head, width)) return label === 'message' || WORD.test(next) ? head + next : null;
  if (next.charCodeAt(0) === 32) return null;
  return label === 'message' && head.endsWith(' ') && movedDownAtSpace(head, next, width) ? head + next : null;
}

/** `::panicinfo` rows cut by a wrap at the input's width (`widthAt`: RawSection.inputWidth), joined again. */
export function rejoinCutPanicinfoLines(lines: readonly SourceLine[], widthAt: WidthSoFar): Rejoined {
  return joinCutLines(lines, (head, next) => panicinfoRejoined(head.text, next.text, widthAt(head.no)));
}
