// A whole transcript on one input line: a page's source with `<br>` between its lines, or text
// copied out of JSON or a log with `\n` escapes in it. Line numbers are the input's, so such a
// line is not cut up here; it is said, with how to split it, instead of passing for prose.
import { outputStartKind } from './shapes.ts';
import { readPrompt, type PromptLine } from './prompt.ts';

/**
 * Joins a line needs at least: three `<br>` tags or `\n` escapes, which a person's sentence or a
 * C string may hold a few of, or one when the line starts as a session does (a command, at a
 * prompt when escapes join it, then mdb's words); one Unicode line separator, which only an
 * editor's line break puts in a line, so a session of two lines joined by one (a command and its
 * one line of output) is said too. Inside output, where saying the line ends that output, a line
 * of fewer than three separators is said only when it starts with a command: else it is lines of
 * that output.
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
  const br = line.includes('<') ? line.split(/<br ?\/?>/i) : [];
  const escaped = line.includes('\\n') ? line.split('\\n') : [];
  if (br.length < 2 && escaped.length < 2) return null;
  return br.length >= escaped.length ? { by: 'br', parts: br } : { by: 'escape', parts: escaped };
}

/** Whether a double or single quote in the text is left open. */
function openQuote(text: string): boolean {
  let double = false;
  let single = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 && !single) double = !double;
    else if (c === 39 && !double) single = !single;
  }
  return double || single;
}

/**
 * Whether a whole text is known to hold no join (no line separator, `\n` escape or `<br` tag in
 * any case), nor an `&` whose entity could decode to one: then no line of it need be looked at,
 * provided its lines reach the splitter as they are (a plain text: see analyzeText). Some
 * searches of the text, each at memchr's speed.
 */
export function holdsNoJoins(text: string): boolean {
  if (text.includes('\u2028') || text.includes('\u2029') || text.includes('\v') || text.includes('\\n') || text.includes('&')) return false;
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    if ((text.charCodeAt(at + 1) | 32) !== 98 || (text.charCodeAt(at + 2) | 32) !== 114) continue;
    // `<br>`, `<br/>`, `<br />`, `<br >`, as pieces() splits; not `<bryan@joyent.com>`.
    let i = at + 3;
    if (text.charCodeAt(i) === 32) i++;
    if (text.charCodeAt(i) === 47) i++;
    if (text.charCodeAt(i) === 62) return false;
  }
  return true;
}

/** Whether a line may hold a joined transcript at all: long enough for MIN_JOINS pieces, or holding a join. */
export function mayBeJoined(line: string): boolean {
  return line.length >= MIN_JOINED_LENGTH || SEPARATORS.test(line) || line.includes('\\n') || /<br/i.test(line);
}

/**
 * Why the line is mdb text joined onto one line, for its diagnostic; null when it is not: it must
 * hold enough joins (MIN_JOINS; `outsideOutput`: no output is open where the line is read), and a
 * piece between them that is an mdb command or starts output.
 */
export function joinedTranscript(line: string, outsideOutput = true): string | null {
  const p = pieces(line);
  if (p === null) return null;
  const parts = p.parts.slice(0, MAX_PIECES);
  const first = readPrompt(parts[0]!);
  if (!outsideOutput && p.by === 'separator' && p.parts.length <= MIN_JOINS && first?.type !== 'command') return null;
  // Commands with no prompt are what `printf '::status\n::cpuinfo\n' | mdb -k` feeds mdb, not a
  // session's lines: between escapes, only a prompted command or output tells.
  const tells = (q: PromptLine | null, t: string) => (q?.type === 'command' && (p.by !== 'escape' || q.style !== 'bare')) || outputStartKind(t) !== null;
  const later = parts.slice(1).some((t) => tells(readPrompt(t), t));
  if (p.by === 'separator') {
    if (!later && !tells(first, parts[0]!)) return null;
  } else if (parts.length > MIN_JOINS) {
    // A first piece with a quote left open is a command whose string holds the tags or escapes
    // (`> ::printf "%d\n%d\n%d\n" a b c`): it tells nothing by itself.
    if (!later && (openQuote(parts[0]!) || !tells(first, parts[0]!))) return null;
  } else if (!later || openQuote(parts[0]!) || first?.type !== 'command' || (p.by === 'escape' && first.style === 'bare')) {
    // A few tags or escapes are a session only as one starts: a command (typed at a prompt,
    // between escapes), then mdb's words.
    return null;
  }
  return message(p.by, p.parts.length - 1);
}

/** The diagnostic for `n` joins of this kind. */
function message(by: 'br' | 'escape' | 'separator', n: number): string {
  switch (by) {
    case 'br':
      return `mdb output joined onto one line by ${n} <br> tag${n === 1 ? '' : 's'} (a page's source): put each on a line of its own to read it (sed 's/<[bB][rR] *\\/\\{0,1\\}>/\\n/g')`;
    case 'escape':
      return `mdb output joined onto one line by ${n} \\n escape${n === 1 ? '' : 's'} (text copied out of JSON or a log): unescape it to read it (printf '%b', or jq -r for JSON)`;
    case 'separator':
      return `mdb output joined onto one line by ${n} Unicode line separator${n === 1 ? '' : 's'} (U+2028, U+2029 or VT, a rich editor's line breaks): make each a newline to read it (perl -CSD -pe 's/[\\x{2028}\\x{2029}\\x0b]/\\n/g')`;
  }
}
