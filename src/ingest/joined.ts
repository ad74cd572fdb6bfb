// A whole transcript on one input line: a page's source with `<br>` between its lines, or text
// copied out of JSON or a log with `\n` escapes in it. Line numbers are the input's, so such a
// line is not cut up here; it is said, with how to split it, instead of passing for prose.
import { outputStartKind } from './shapes.ts';
import { readPrompt } from './prompt.ts';

/**
 * Joins a line needs at least: three `<br>` tags or `\n` escapes, which a person's sentence or a
 * C string may hold a few of; one Unicode line separator, which only an editor's line break puts
 * in a line, so a session of two lines joined by one (a command and its one line of output) is
 * said too. Inside output, where saying the line ends that output, a line of fewer than three
 * separators is said only when it starts with a command: else it is lines of that output.
 */
const MIN_JOINS = 3;
const MIN_SEPARATOR_JOINS = 1;
/**
 * Shorter lines are not looked at before a prompt is (a prompt and three pieces of output are
 * longer), so the test costs nothing on the lines of a session.
 */
export const MIN_JOINED_LENGTH = 120;
/** Pieces looked at most for mdb text. */
const MAX_PIECES = 256;

/**
 * Line ends JavaScript's and Python's readers know and a byte-oriented tool does not: LINE
 * SEPARATOR and PARAGRAPH SEPARATOR (a rich editor's soft line break) and VT (Word's).
 */
const SEPARATORS = /[\u2028\u2029\v]/;

/** `<br>`, `<br/>`, `<br />` in any case, a literal backslash and `n`, or a Unicode line separator. */
function pieces(line: string): { by: 'br' | 'escape' | 'separator'; parts: string[] } | null {
  if (SEPARATORS.test(line)) {
    const parts = line.split(SEPARATORS);
    if (parts.length > MIN_SEPARATOR_JOINS) return { by: 'separator', parts };
  }
  if (line.includes('<')) {
    const parts = line.split(/<br ?\/?>/i);
    if (parts.length > MIN_JOINS) return { by: 'br', parts };
  }
  if (line.includes('\\n')) {
    const parts = line.split('\\n');
    if (parts.length > MIN_JOINS) return { by: 'escape', parts };
  }
  return null;
}

/**
 * Why the line is mdb text joined onto one line, for its diagnostic; null when it is not: it must
 * hold enough joins (MIN_JOINS; `outsideOutput`: no output is open where the line is read), and a
 * piece between them that is an mdb command or starts output.
 */
export function joinedTranscript(line: string, outsideOutput = true): string | null {
  const p = pieces(line);
  if (p === null) return null;
  const isCommand = (t: string) => readPrompt(t)?.type === 'command';
  if (!outsideOutput && p.by === 'separator' && p.parts.length <= MIN_JOINS && !isCommand(p.parts[0]!)) return null;
  const mdb = p.parts.slice(0, MAX_PIECES).some((t) => isCommand(t) || outputStartKind(t) !== null);
  if (!mdb) return null;
  const n = p.parts.length - 1;
  switch (p.by) {
    case 'br':
      return `mdb output joined onto one line by ${n} <br> tags (a page's source): put each on a line of its own to read it (sed 's/<[bB][rR] *\\/\\{0,1\\}>/\\n/g')`;
    case 'escape':
      return `mdb output joined onto one line by ${n} \\n escapes (text copied out of JSON or a log): unescape it to read it (printf '%b', or jq -r for JSON)`;
    case 'separator':
      return `mdb output joined onto one line by ${n} Unicode line separator${n === 1 ? '' : 's'} (U+2028, U+2029 or VT, a rich editor's line breaks): make each a newline to read it (perl -CSD -pe 's/[\\x{2028}\\x{2029}\\x0b]/\\n/g')`;
  }
}
