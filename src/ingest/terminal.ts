// What a terminal capture or a web page adds to a copied line that mdb never printed: escape
// sequences (colour, cursor, title) from a `script` log or a coloured shell prompt, and
// non-breaking or other Unicode spaces where a browser or mail client turned mdb's ASCII spaces.
// Each Unicode space becomes one ASCII space, so columns do not move. The arrows of the
// `::cpuinfo -v` margin (`<--+`, `+-->`) that a word processor or mail client autocorrected to a
// dash or an arrow (`<–+`, `+—>`, `←+`, `+→`) get their ASCII back, which puts the columns after
// them back too; a dash or arrow anywhere else stays. Escape sequences are
// removed only from a line that starts with one (a coloured line or prompt, a title, a cleared
// line): mdb prints none of its own, so one inside a line that starts plainly is the data's (a
// process that named itself with escapes) and stays, for the reports to show escaped. A line
// typed at an mdb prompt is the exception: its echo is the line editor's, so it reads as the
// screen showed it (typedLine); so is mdb's pager prompt erased in a `script` log (afterPager).
import { startsWithPrompt } from './prompt.ts';

const ESC = 0x1b;
/** The one-character CSI of 8-bit terminals (C1), as text decodes it. */
const C1_CSI = 0x9b;
const BEL = 0x07;

/** Whether the code is a space a browser or mail client writes for an ASCII one. */
function isWideSpace(c: number): boolean {
  // NO-BREAK SPACE, EN QUAD .. HAIR SPACE, NARROW NO-BREAK SPACE, MEDIUM MATHEMATICAL SPACE.
  return c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f;
}

/**
 * Invisible characters a copy can carry that stand for nothing at all: zero-width space, non-joiner
 * and joiner, word joiner, BOM, and the soft hyphen a page puts into long words (`&shy;`) as a hint
 * where to break them, which a copy of a hex address keeps.
 */
function isInvisible(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad;
}

const EN_DASH = 0x2013;
const EM_DASH = 0x2014;
const LEFT_ARROW = 0x2190;
const RIGHT_ARROW = 0x2192;

/**
 * What an autocorrected margin arrow at i stood for (`--`, `<--`, `-->`), or null when the
 * character is not one or does not stand between the margin's `<`/`+` and `+`/`>`.
 */
function marginArrow(line: string, i: number): string | null {
  const c = line.charCodeAt(i);
  const before = line.charCodeAt(i - 1);
  const after = line.charCodeAt(i + 1);
  if (c === EN_DASH || c === EM_DASH) return (before === 0x3c && after === 0x2b) || (before === 0x2b && after === 0x3e) ? '--' : null;
  if (c === LEFT_ARROW) return after === 0x2b ? '<--' : null;
  if (c === RIGHT_ARROW) return before === 0x2b ? '-->' : null;
  return null;
}

/**
 * Characters readable() may change, for a quick test of a whole text or line before reading it
 * character by character. One class, no quantifier: it cannot backtrack.
 */
const FOREIGN = /[\x08\x1b\x9b\u00a0\u00ad\u2000-\u200d\u2013\u2014\u202f\u205f\u2060\u2190\u2192\ufeff]/;

/** FOREIGN's characters one by one: a search for one character is far faster than a class on a long text. */
const FOREIGN_CHARS = ['\x08', '\x1b', '\x9b', '\u00a0', '\u00ad', '\u2013', '\u2014', '\u202f', '\u205f', '\u2060', '\u2190', '\u2192', '\ufeff'];
for (let c = 0x2000; c <= 0x200d; c++) FOREIGN_CHARS.push(String.fromCharCode(c));

/** Whether readable() may change anything in the text: one search of a whole text (16 MiB: about a millisecond). */
export function hasForeign(text: string): boolean {
  for (const c of FOREIGN_CHARS) if (text.indexOf(c) >= 0) return true;
  return false;
}

/**
 * Where the escape sequence starting at i ends (the index after it), or i when none starts there
 * or it is cut off by the end of the line (then it stays, and the line reads as it is).
 * `oscCut`: an OSC earlier in the line found no end, so none after it can (no BEL or ST is left).
 */
function escapeEnd(line: string, i: number, oscCut: boolean): number {
  const c = line.charCodeAt(i);
  let k: number;
  if (c === C1_CSI) k = i + 1;
  else if (c !== ESC) return i;
  else {
    const next = line.charCodeAt(i + 1);
    // OSC (`ESC ]`: a window title), ended by BEL or ST (`ESC \`).
    if (next === 0x5d) {
      if (oscCut) return i;
      for (let j = i + 2; j < line.length; j++) {
        const d = line.charCodeAt(j);
        if (d === BEL) return j + 1;
        if (d === ESC && line.charCodeAt(j + 1) === 0x5c) return j + 2;
      }
      return i;
    }
    // Character set selection (`ESC ( B`): three characters.
    if (next === 0x28 || next === 0x29) return i + 3 <= line.length ? i + 3 : i;
    // CSI (`ESC [`); any other `ESC` + one of @ to _ is a two-character sequence (`ESC =`, `ESC >` too).
    if (next !== 0x5b) return next >= 0x3d && next <= 0x5f ? i + 2 : i;
    k = i + 2;
  }
  // CSI: parameter bytes 0x30-0x3f, intermediate bytes 0x20-0x2f, one final byte 0x40-0x7e.
  while (k < line.length && line.charCodeAt(k) >= 0x30 && line.charCodeAt(k) <= 0x3f) k++;
  while (k < line.length && line.charCodeAt(k) >= 0x20 && line.charCodeAt(k) <= 0x2f) k++;
  const f = line.charCodeAt(k);
  return f >= 0x40 && f <= 0x7e ? k + 1 : i;
}

/** Whether the line's first character other than a space starts an escape sequence. */
function startsWithEscape(line: string): boolean {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  const c = line.charCodeAt(i);
  return (c === ESC || c === C1_CSI) && escapeEnd(line, i, false) > i;
}

/**
 * The line as mdb printed it: a line typed at a prompt as the screen showed it, Unicode spaces
 * read as ASCII spaces, zero-width characters dropped, autocorrected margin arrows put back, and,
 * when the line starts with an escape sequence, every escape sequence removed. The line
 * itself (the same string) when nothing changes. Linear: each character is looked at a bounded
 * number of times (an OSC with no end is looked for once).
 */
export function readable(text: string): string {
  if (!FOREIGN.test(text)) return text;
  const output = afterPager(text);
  const line = typedLine(output) ?? output;
  const escapes = startsWithEscape(line);
  let out = '';
  let from = 0;
  let oscCut = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (isWideSpace(c)) {
      out += line.slice(from, i) + ' ';
      from = i + 1;
    } else if (isInvisible(c)) {
      out += line.slice(from, i);
      from = i + 1;
    } else if (c === EN_DASH || c === EM_DASH || c === LEFT_ARROW || c === RIGHT_ARROW) {
      const ascii = marginArrow(line, i);
      if (ascii === null) continue;
      out += line.slice(from, i) + ascii;
      from = i + 1;
    } else if (escapes && (c === ESC || c === C1_CSI)) {
      const end = escapeEnd(line, i, oscCut);
      if (end === i) {
        if (c === ESC && line.charCodeAt(i + 1) === 0x5d) oscCut = true;
        continue;
      }
      out += line.slice(from, i);
      from = end;
      i = end - 1;
    }
  }
  return out + line.slice(from);
}

const BS = 0x08;

/** mdb's pager prompt (mdb_io.c), written when a page is full. */
const PAGER_PROMPT = '>> More [<space>, <cr>, q, n, c, a] ? ';

/**
 * The line after mdb's pager prompt in a `script` log: once a key is read, the pager writes
 * backspaces, spaces and backspaces over its prompt and the output goes on on the same row, so
 * the log holds both on one line. The line itself when it starts with no prompt erased so.
 */
function afterPager(line: string): string {
  let from = 0;
  while (line.startsWith(PAGER_PROMPT, from)) {
    let i = from + PAGER_PROMPT.length;
    const erase = i;
    while (line.charCodeAt(i) === BS) i++;
    if (i === erase) break;
    while (line.charCodeAt(i) === 32) i++;
    while (line.charCodeAt(i) === BS) i++;
    from = i;
  }
  return from === 0 ? line : line.slice(from);
}

/**
 * A command line as the screen showed it when a `script` log or console capture holds what mdb's
 * line editor wrote while it was typed (mdb_termio.c, with the terminal's codes): a backspace
 * echoes `BS space BS`; completing a dcmd with Tab or recalling one from history moves back over
 * the whole line, clears it (`ESC [K`) and writes the prompt and the command again; a key typed
 * inside the line uses insert mode (`ESC [4h`). Null when the line holds no backspace or escape,
 * does not show an mdb or kmdb prompt once followed, or moves in a way one line cannot show
 * (another row, the whole screen). The work is bounded by a multiple of the line's length.
 */
export function typedLine(line: string): string | null {
  if (line.indexOf('\x08') < 0 && line.indexOf('\x1b') < 0 && line.indexOf('\x9b') < 0) return null;
  const shown = screenLine(line);
  return shown !== null && startsWithPrompt(shown) ? shown : null;
}

/** The characters one terminal row holds after the line is written to it from column 0; null when it leaves the row. */
function screenLine(line: string): string | null {
  const cells: string[] = [];
  let x = 0;
  let insert = false;
  let work = 0;
  const budget = 8 * line.length + 256;
  for (let i = 0; i < line.length; ) {
    if (work > budget) return null;
    const c = line.charCodeAt(i);
    if (c === BS) {
      if (x > 0) x--;
      i++;
      continue;
    }
    if (c === ESC || c === C1_CSI) {
      const end = escapeEnd(line, i, false);
      if (end === i) return null;
      const csi = c === C1_CSI || line.charCodeAt(i + 1) === 0x5b;
      if (csi) {
        const params = line.slice(c === C1_CSI ? i + 1 : i + 2, end - 1);
        const n = params === '' || !/^[0-9]+$/.test(params) ? 1 : Math.max(1, Number(params));
        work += Math.min(n, budget);
        switch (line.charAt(end - 1)) {
          case 'K': // erase in line: 0 (or none) to its end, 1 to the cursor, 2 all
            if (params === '' || params === '0') cells.length = Math.min(cells.length, x);
            else if (params === '1') for (let k = 0; k <= x && k < cells.length; k++) cells[k] = ' ';
            else if (params === '2') cells.length = 0;
            break;
          case 'C':
            x += n;
            break;
          case 'D':
            x = Math.max(0, x - n);
            break;
          case 'G':
            x = n - 1;
            break;
          case 'P':
            if (x < cells.length) cells.splice(x, n);
            work += cells.length;
            break;
          case '@': {
            if (n > budget) return null;
            const tail = cells.splice(x);
            for (let k = 0; k < n && tail.length > 0; k++) cells.push(' ');
            for (const t of tail) cells.push(t);
            work += cells.length;
            break;
          }
          case 'h':
          case 'l':
            if (params === '4') insert = line.charAt(end - 1) === 'h';
            break;
          case 'A':
          case 'B':
          case 'E':
          case 'F':
          case 'H':
          case 'f':
          case 'J':
            return null;
        }
      }
      i = end;
      continue;
    }
    // Other control characters (a bell, DEL) show nothing.
    if ((c < 32 && c !== 9) || c === 0x7f) {
      i++;
      continue;
    }
    const ch = line.charAt(i);
    if (x > budget) return null;
    while (cells.length < x) cells.push(' ');
    if (insert) {
      cells.splice(x, 0, ch);
      work += cells.length - x;
    } else cells[x] = ch;
    x++;
    work++;
    i++;
  }
  return cells.join('');
}
