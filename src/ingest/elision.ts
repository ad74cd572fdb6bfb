// A writer's mark where they cut output out of a paste: `...`, `[...]`, `<snip>`, `-- snip --`,
// `[ 200 more lines ]`. It is no line of mdb's, and what stood there is not in the input: the
// section it stands in is incomplete, which is said rather than passed off as a reading failure.
import { isDecimalDigits } from '../../grammar/common/numbers.ts';

/** Words a writer names a cut with, after brackets, dashes and dots are taken off. */
const CUT_WORDS: ReadonlySet<string> = new Set(['snip', 'snipped', 'cut', 'trimmed', 'truncated', 'omitted', 'elided', 'removed', 'skipped', 'etc']);
/** What a count of cut lines may be of (`[ 200 more lines ]`, `(3 threads omitted)`). */
const CUT_UNITS: ReadonlySet<string> = new Set(['line', 'lines', 'thread', 'threads', 'cpu', 'cpus', 'frame', 'frames', 'stack', 'stacks', 'entries', 'rows']);
/** Marks around a cut's words. */
const FRAMING = '[](){}<>-=.\u2026 *_~#';
/** Scissors (`-- 8< --`, `>8---`), taken out before the framing. */
const SCISSORS = ['8<', '>8'];
const MAX_MARK = 48;
const MAX_COUNT_DIGITS = 9;

/** The mark's words: its text with scissors out and framing characters off both ends, in lower case. */
function wordsOf(t: string): string {
  let u = t;
  for (const s of SCISSORS) u = u.replaceAll(s, ' ');
  let a = 0;
  let b = u.length;
  while (a < b && FRAMING.includes(u[a]!)) a++;
  while (b > a && FRAMING.includes(u[b - 1]!)) b--;
  return u.slice(a, b).toLowerCase();
}

function isCount(w: string): boolean {
  return w.length <= MAX_COUNT_DIGITS && isDecimalDigits(w);
}

/**
 * Whether the line is a writer's cut mark and nothing else. A `...` alone counts only where the
 * output's own grammar refused it (mdb prints `...` itself in some output, which its grammar reads).
 */
export function isElisionMark(line: string): boolean {
  const t = line.trim();
  if ((t.length < 3 && t !== '\u2026') || t.length > MAX_MARK) return false;
  const w = wordsOf(t);
  // Dots, brackets, dashes or scissors alone: `...`, `[...]`, `(…)`, `-- 8< --`.
  if (w === '') return t.includes('...') || t.includes('\u2026') || SCISSORS.some((x) => t.includes(x));
  const ws = w.split(/ +/);
  if (ws.length === 1) return CUT_WORDS.has(ws[0]!);
  // `200 more lines`, `3 threads omitted`, `snip 40 lines`: a count, maybe `more`, a unit, maybe a cut word.
  const rest = ws.filter((x) => !CUT_WORDS.has(x) && x !== 'more');
  return rest.length === 2 && isCount(rest[0]!) && CUT_UNITS.has(rest[1]!);
}
