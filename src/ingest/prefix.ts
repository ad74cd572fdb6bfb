// Prefixes a tool put before every line of a pasted session: a comment mark (`# `, `// `), a
// tab, a bar (`| `), a line number (`cat -n`, `nl`, `grep -n`, `less -N`, vim), a time stamp
// (`ts`, a logging terminal, a console server), or a block's indentation (Markdown, a list item,
// reST, mail). A run of such lines carries mdb text once its prefix is taken off; the run ends at
// the first line without it (the splitter lets the rest of a line a wrap cut through).
import { ownIndents } from './shapes.ts';
import { bracketStamp, isDigit, isoStamp, monthStamp } from './stamps.ts';

/** A prefix being stripped from a run of lines. */
export interface RunPrefix {
  /** The line without the prefix, or null when it does not carry it (the run has ended). */
  strip(line: string): string | null;
}

/** Marks that stand before every line of a session pasted as comments, quoted with a bar, or indented by a tab. */
const MARKS = ['# ', '// ', '| ', '\t'];

/** A fixed mark. A line of the mark alone with its trailing space trimmed is a blank line of the run. */
class Mark implements RunPrefix {
  constructor(private readonly text: string) {}

  strip(line: string): string | null {
    if (line.startsWith(this.text)) return line.slice(this.text.length);
    return line === this.text.trimEnd() ? '' : null;
  }
}

/** What may stand between a line number and the line (`cat -n` and `nl` use a tab, `grep -n` a colon); tried in this order. */
const NUMBER_SEPARATORS = ['\t', ' | ', '| ', ': ', ':', '  ', ' '];
/** The tab stop `cat -n` and `nl` reach with their tab, and `less -N` with its space: column 8. */
const TAB_STOP = 8;
const MAX_NUMBER_DIGITS = 9;
/** Columns `less -N` right-aligns its line numbers in, before one space. */
const LESS_NUMBER_WIDTH = 7;

/**
 * The number ending at `end`, and `sep` after it, fill the first 8 columns: `less -N`'s 7 columns
 * and a space, or `cat -n`'s and `nl`'s 6 and the tab a terminal showed as two spaces. Then it is a
 * listing's before any output: mdb right-aligns no number that wide at the start of a line (a
 * `::cpuinfo` ID takes 3), and a frame pointer all of digits is 8 or 16 wide.
 */
function isTabStopNumber(line: string, end: number, sep: string): boolean {
  return end >= LESS_NUMBER_WIDTH - 1 && end + sep.length === TAB_STOP && line.charCodeAt(0) === 32;
}

/** A line number at the start of the line (after spaces) and the index after its digits; null when there is none. */
function readNumber(line: string): { n: number; end: number } | null {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  const start = i;
  while (i - start <= MAX_NUMBER_DIGITS && line.charCodeAt(i) >= 48 && line.charCodeAt(i) <= 57) i++;
  if (i === start || i - start > MAX_NUMBER_DIGITS) return null;
  return { n: Number(line.slice(start, i)), end: i };
}

/**
 * Line numbers: each line must carry the next number, then the separator the first one had, so a
 * column of CPU ids or counts never passes for one. `nl` leaves blank lines unnumbered.
 */
class Numbers implements RunPrefix {
  constructor(
    private next: number,
    private sep: string,
  ) {}

  strip(line: string): string | null {
    const r = readNumber(line);
    if (r === null) return line.trim() === '' ? '' : null;
    if (r.n !== this.next) return null;
    // A blank line's number may have lost the separator's trailing space to an editor.
    if (r.end === line.length || line.slice(r.end) === this.sep.trimEnd()) {
      this.next++;
      return '';
    }
    if (!line.startsWith(this.sep, r.end)) {
      // `grep -n` puts a bare `:` before the line; a first line that started with a space read as
      // `: `. A later line with text right after the colon says which it was.
      if (this.sep !== ': ' || line.charCodeAt(r.end) !== 58 || line.charCodeAt(r.end + 1) === 32) return null;
      this.sep = ':';
    }
    this.next++;
    return line.slice(r.end + this.sep.length);
  }
}

const STAMPS = [bracketStamp, isoStamp, monthStamp];

/** A time stamp of one shape before every line. */
class Stamps implements RunPrefix {
  constructor(private readonly shape: (line: string) => number) {}

  strip(line: string): string | null {
    const n = this.shape(line);
    return n < 0 ? null : line.slice(n);
  }
}

/**
 * A prefix a line may carry, the text after it, and what mdb text may follow it: output only, or
 * either a command or output; `strict`: only a command at an mdb prompt or a line that starts
 * output and looks like no output row (a column header, a thread's stack header).
 */
interface Candidate {
  prefix: RunPrefix;
  text: string;
  before: 'output' | 'either';
  strict: boolean;
}

/**
 * Indentation before every line of a block: Markdown's indented code block (four spaces), a fenced
 * block inside a list item (three), a reStructuredText literal block or a mail client's indent.
 */
const MIN_BLOCK_INDENT = 2;
const MAX_BLOCK_INDENT = 8;

/**
 * The block's indentation, when the line is the first line of output indented by one: the line's
 * leading spaces less what mdb put there itself, if that leaves 2 to 8. The exact amount matters:
 * a column reader tells a row's continuation lines by their indent, and a line of the block with
 * fewer spaces than the prefix ends the run.
 */
function blockIndent(line: string): number | null {
  let lead = 0;
  while (line.charCodeAt(lead) === 32) lead++;
  if (lead < MIN_BLOCK_INDENT) return null;
  for (const own of ownIndents(line.slice(lead))) {
    const n = lead - own;
    if (n >= MIN_BLOCK_INDENT && n <= MAX_BLOCK_INDENT) return n;
  }
  return null;
}

/**
 * Every prefix the line could start a run of, most specific first. With `codeBlock`, a block's
 * indentation too, before output only: a typed command's section takes its prompt's indentation
 * off itself.
 */
function candidates(line: string, codeBlock: boolean): Candidate[] {
  const out: Candidate[] = [];
  const c = line.charCodeAt(0);
  if (c === 35 || c === 47 || c === 124 || c === 9) {
    for (const m of MARKS) if (line.startsWith(m)) out.push({ prefix: new Mark(m), text: line.slice(m.length), before: 'either', strict: false });
    return out;
  }
  const r = isDigit(c) || c === 32 ? readNumber(line) : null;
  // Listings number from 1; a 0 is a CPU id or a digit cut off a wrapped address.
  if (r !== null && r.n >= 1) {
    for (const sep of NUMBER_SEPARATORS) {
      if (!line.startsWith(sep, r.end)) continue;
      // Two spaces are a tab a terminal expanded, so only up to its stop.
      if (sep === '  ' && !isTabStopNumber(line, r.end, sep)) continue;
      out.push({ prefix: new Numbers(r.n + 1, sep), text: line.slice(r.end + sep.length), before: 'either', strict: sep === ' ' && !isTabStopNumber(line, r.end, sep) });
    }
  }
  for (const shape of STAMPS) {
    const n = shape(line);
    if (n > 0) out.push({ prefix: new Stamps(shape), text: line.slice(n), before: 'either', strict: false });
  }
  // Last: a line number after spaces (`cat -n`) is the numbers' run, or lines past 99 would end it.
  const indent = codeBlock ? blockIndent(line) : null;
  if (indent !== null) out.push({ prefix: new Mark(' '.repeat(indent)), text: line.slice(indent), before: 'output', strict: false });
  return out;
}

/**
 * The prefixes a line starts runs of, outermost first (at most `max`: a numbered listing of a
 * session pasted as comments has two), with the line's text inside them, when that text is mdb's:
 * a command (`isCommand`) or the first line of output pasted without one (`isOutput`). A number
 * followed by a single space (vim's `:set number`, `awk '{print NR, $0}'`) asks both strictly: an
 * mdb prompt, not a shell line, and a header, not a row. `  0 fffffffffbc486e0 ...`, a `::cpuinfo`
 * row, is a CPU id and a space, `  1 TS ...` a `::class` slot, and `3 mdb` the end of a row a wrap
 * cut (a THREAD's last digit and its process); no output line is a number before a column header.
 * A number that fills the first 8 columns with its separator (`less -N`; `cat -n` with its tab shown
 * as spaces) is a listing's before any output (isTabStopNumber). `codeBlock`: the line is
 * outside any section, so its indentation may be a block's (inside one, indentation is the
 * output's own: frames, `::print` members).
 */
export function learnPrefixes(
  line: string,
  isCommand: (text: string, strict: boolean) => boolean,
  isOutput: (text: string, strict: boolean) => boolean,
  max = 1,
  codeBlock = false,
): { prefixes: RunPrefix[]; text: string } | null {
  if (max <= 0) return null;
  for (const k of candidates(line, codeBlock)) {
    if ((k.before !== 'output' && isCommand(k.text, k.strict)) || isOutput(k.text, k.strict)) return { prefixes: [k.prefix], text: k.text };
    const inner = learnPrefixes(k.text, isCommand, isOutput, max - 1);
    if (inner !== null) return { prefixes: [k.prefix, ...inner.prefixes], text: inner.text };
  }
  return null;
}
