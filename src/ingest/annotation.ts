// A writer's note after a line of output: `99 ffffff0007e01c40 sched   <-- starved`,
// `ts_timeleft = 0xff9b0253  <== look at this`, `... # the qemu thread`, or a mark before it in
// the spaces mdb indents it with (`* 1 ffffff01d3e32580 ...`, `-->  99 ...`). Left on the line,
// the note becomes part of the last column (a process named `sched <-- starved`) or makes the
// line unreadable (a CPU row lost, and its run queue with it). mdb prints none of these marks
// there, so the note is taken off and said.

/** Arrows a writer points back with; each needs a space before it (`<<` is a here-document's). */
const ARROWS = ['<-', '<=', '\u2190'];
/** Comment marks; each needs two spaces before it and one after, as a note set apart does. */
const COMMENTS = ['# ', '// '];

/** Where the writer's note starts in the line, or -1 when it has none. */
function noteStart(line: string): number {
  let best = -1;
  for (const a of ARROWS) {
    for (let i = line.indexOf(a); i > 0; i = line.indexOf(a, i + 1)) {
      // `RUNNING <--+`: the ::cpuinfo -v margin's own arrow.
      const after = line.charCodeAt(i + a.length + (a === '<-' || a === '<=' ? runOf(line, i + a.length, line[i + 1]!) : 0));
      if (line.charCodeAt(i - 1) === 32 && after !== 43 /* + */) {
        if (best < 0 || i < best) best = i;
        break;
      }
    }
  }
  for (const c of COMMENTS) {
    const i = line.indexOf('  ' + c);
    if (i >= 0 && (best < 0 || i + 2 < best)) best = i + 2;
  }
  return best;
}

/** How many more of `ch` follow at i (`<---`, `<===`). */
function runOf(line: string, i: number, ch: string): number {
  let n = 0;
  while (line[i + n] === ch) n++;
  return n;
}

/**
 * The line without the writer's note after its output, and the note; null when the line has no
 * note or nothing before it (a line that is all note is a person's, and stays whole).
 */
export function splitAnnotation(line: string): { text: string; note: string } | null {
  if (!mayHoldNote(line)) return null;
  const at = noteStart(line);
  if (at < 0) return null;
  const text = line.slice(0, at).trimEnd();
  if (text.trim() === '') return null;
  return { text, note: line.slice(at).trim() };
}

/**
 * Where a mark can start: a space then `<` or `←`, two spaces then `#` or `//`. No quantifier, so
 * it cannot backtrack; one pass of it is several times faster than a loop in script over each
 * character, and it is asked of nearly every line the splitter takes.
 */
const NOTE_MARK = / [<\u2190]|  #|  \/\//;

/** A quick test before the search: whether a mark may start anywhere in the line. */
function mayHoldNote(line: string): boolean {
  return NOTE_MARK.test(line);
}

/** The longest part of a writer's note quoted back. */
const MAX_NOTE_SHOWN = 60;

/** What is said of a line read without the writer's note on it (the caller names the line). */
export function readWithoutNote(note: string): string {
  const shown = note.length > MAX_NOTE_SHOWN ? note.slice(0, MAX_NOTE_SHOWN) + '...' : note;
  return `read without the writer's note on it (${JSON.stringify(shown)})`;
}

/** Marks a writer points at a line with from its left (`* `, `--> `); each needs a space after it. */
const POINTERS = ['-->', '==>', '->', '=>', '*', '\u2192', '\u25ba'];

/**
 * The line of output with a writer's mark before it blanked out (the columns stay where mdb put
 * them), and the mark; null when it has none or nothing after it.
 */
export function splitLeadingMark(line: string): { text: string; note: string } | null {
  const c = line.charCodeAt(0);
  if (c !== 45 && c !== 61 && c !== 42 && c !== 0x2192 && c !== 0x25ba) return null;
  for (const p of POINTERS) {
    if (!line.startsWith(p) || line.charCodeAt(p.length) !== 32) continue;
    const rest = line.slice(p.length);
    if (rest.trim() === '') return null;
    return { text: ' '.repeat(p.length) + rest, note: p };
  }
  return null;
}
