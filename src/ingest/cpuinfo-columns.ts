// Rebuilding the columns of `::cpuinfo [-v]` output whose runs of spaces were squeezed (a web
// page's copy) or shifted (a quote marker too many): the grammar tells the `-v` margin from the
// blocks by column, but a row's fields and a block line's words are unambiguous in order.
import type { SourceLine } from '../../grammar/common/source.ts';
import { CPU_FLAGS } from '../../illumos/index.ts';
import { words } from '../../grammar/common/lines.ts';
import { joinCutLines, mergeJoined, MIN_WRAP_WIDTH, widthsSoFar, wordDidNotFit, type Rejoined, type WidthSoFar } from './width-wrap.ts';
import { ADDR_WIDTHS, CPUINFO_FLAGDELT, CPUINFO_THRDELT, flagNameEnd, snapAddrWidth, type AddrWidth } from '../../grammar/cpuinfo/layout.ts';

const FLAG_NAMES: ReadonlySet<string> = new Set(CPU_FLAGS.map((f) => f.name));

/** The header as mdb prints it for address width `w` (trailing spaces aside). */
export function canonicalHeader(w: AddrWidth): string {
  return ` ID ${'ADDR'.padEnd(w)} FLG NRUN BSPL PRI RNRN KRNRN SWITCH ${'THREAD'.padEnd(w)} PROC`;
}

function isHeader(ws: readonly string[]): boolean {
  return ws[0] === 'ID' && ws[1] === 'ADDR' && ws[2] === 'FLG';
}

function isDecimal(w: string | undefined): boolean {
  return w !== undefined && w.length > 0 && w.length <= 12 && /^[0-9]+$/.test(w);
}
function isHex(w: string | undefined): boolean {
  return w !== undefined && w.length > 0 && w.length <= 16 && /^[0-9a-f]+$/.test(w);
}
function isYesNo(w: string | undefined): boolean {
  return w === 'yes' || w === 'no';
}

/** A CPU row's words: ID ADDR FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD [PROC...]. */
function isRow(ws: readonly string[]): boolean {
  const pri = ws[5];
  const sw = ws[8];
  return (
    ws.length >= 10 &&
    isDecimal(ws[0]) &&
    isHex(ws[1]) &&
    isHex(ws[2]) &&
    isDecimal(ws[3]) &&
    isDecimal(ws[4]) &&
    pri !== undefined &&
    (pri === '-' || isDecimal(pri.startsWith('-') ? pri.slice(1) : pri)) &&
    isYesNo(ws[6]) &&
    isYesNo(ws[7]) &&
    sw !== undefined &&
    (sw === '-' || /^t--?[0-9]+$/.test(sw)) &&
    isHex(ws[9])
  );
}

function row(ws: readonly string[], w: AddrWidth): string {
  const [id, addr, flg, nrun, bspl, pri, rnrn, krnrn, sw, thread] = ws as [string, string, string, string, string, string, string, string, string, string];
  const swCell = sw === '-' ? '-'.padEnd(6) : 't-' + sw.slice(2).padEnd(4);
  const proc = ws.slice(10).join(' ');
  return (
    `${id.padStart(3)} ${addr.padEnd(w)} ${flg.padStart(3)} ${nrun.padStart(4)} ${bspl.padStart(4)} ${pri.padStart(3)} ` +
    `${rnrn.padStart(4)} ${krnrn.padStart(5)} ${swCell} ${thread.padEnd(w)}` +
    (proc === '' ? ' ' : ` ${proc}`)
  );
}

/** The address width of the rows after a header (their ADDR words), or null when none follows. */
function widthBelow(lines: readonly SourceLine[], from: number): AddrWidth | null {
  for (let i = from; i < lines.length; i++) {
    const ws = words(lines[i]!.text);
    if (isHeader(ws)) return null;
    if (isRow(ws)) return snapAddrWidth(ws[1]!.length);
  }
  return null;
}

function headerIsCanonical(text: string, w: AddrWidth): boolean {
  return text.trimEnd() === canonicalHeader(w);
}

/** A `-v` line put back in its columns: the margin (flag name or bar), then the blocks beside it. */
function verbose(ws: readonly string[], w: AddrWidth, marginBarNext: boolean): string {
  let margin = '';
  let rest = ws;
  const first = ws[0];
  if (first !== undefined && FLAG_NAMES.has(first)) {
    margin = first.padStart(flagNameEnd(w));
    rest = ws.slice(1);
    if (rest[0] === '<--+') {
      margin += ' <--+';
      rest = rest.slice(1);
    }
  } else if (first === '|' && marginBarNext) {
    margin = '|'.padStart(CPUINFO_FLAGDELT(w) + 1);
    rest = ws.slice(1);
  }
  if (rest.length === 0) return margin;
  return margin.padEnd(CPUINFO_THRDELT(w)) + rest.join(' ');
}

/**
 * The section's lines with the columns of every CPU block rebuilt whose header is not where mdb
 * puts it; blocks under a header in place are left exactly as they are. Line numbers are kept.
 */
export function rebuildCpuinfoColumns(lines: readonly SourceLine[]): readonly SourceLine[] {
  let out: SourceLine[] | null = null;
  let width: AddrWidth | null = null;
  /** The next line under a row starts with the margin's bar. */
  let marginBarNext = false;
  /** The row had no PROC: the next line may be its name, wrapped by an old mdb. */
  let procMayFollow = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const ws = words(l.text);
    if (isHeader(ws)) {
      // In place for the width of the rows below it, or left: a header spaced for another width
      // (tabs expanded at their stops can put FLG where a 32-bit header has it) is rebuilt.
      const below = widthBelow(lines, i + 1);
      width = below === null || headerIsCanonical(l.text, below) ? null : below;
      if (width !== null) {
        out ??= lines.slice(0, i);
        out.push({ no: l.no, text: canonicalHeader(width) });
        continue;
      }
    } else if (width !== null && ws.length > 0) {
      let text: string;
      if (isRow(ws)) {
        text = row(ws, width);
        marginBarNext = true;
        procMayFollow = ws.length === 10;
      } else if (procMayFollow && ws[0] !== '|' && !FLAG_NAMES.has(ws[0]!)) {
        // mdb wrapped the name to column 0 of its own line.
        text = ws.join(' ');
        procMayFollow = false;
      } else {
        text = verbose(ws, width, marginBarNext);
        marginBarNext = false;
        procMayFollow = false;
      }
      out ??= lines.slice(0, i);
      out.push({ no: l.no, text });
      continue;
    }
    out?.push(l);
  }
  return out ?? lines;
}

/** A process name mdb prints in full: `u_comm` holds at most MAXCOMLEN (16) characters. */
const MAX_COMM = 16;
/** PROC cells that are never a cut name. */
const WHOLE_PROC: ReadonlySet<string> = new Set(['(idle)', '-', '?']);

/** A header (words `ws`) without PROC, and `joined` with the next line the whole header: then `joined`. */
function headerRest(ws: readonly string[], joined: string): string | null {
  const jw = words(joined);
  return !ws.includes('PROC') && isHeader(jw) && jw.length === 11 && jw[10] === 'PROC' ? joined : null;
}

/**
 * The line this one becomes with `next` joined on, when `next` is provably the rest of a row or
 * header cut by a wrap; else null. A row always ends with PROC (a name, `(idle)`, `-` or `?`), so
 * a row without one is incomplete; a THREAD has as many digits as ADDR. With `wrapSeen` (another
 * line of the section was provably cut at this width) a name cut in two is joined too: a row's
 * PROC or a `-v` block line's, at column 0 of the next line, at most 16 characters in all.
 */
function rejoined(head: string, next: string, wrapSeen: boolean): string | null {
  const ws = words(head);
  const nextWords = words(next);
  const joined = head + next;
  // `... THREAD` + `  PROC`, or `... THR` + `EAD           PROC`.
  if (isHeader(ws)) return headerRest(ws, joined);
  const blockHeader = blockHeaderRest(head, joined);
  if (blockHeader !== null) return blockHeader ? joined : null;
  // A row that ends with a space had its PROC wrapped by an old mdb: the grammar reads that line.
  if (head.endsWith(' ')) return null;
  // (Before the cut on the space: a 16-digit thread cut after 8 digits looks like a 32-bit one.)
  if (blockThreadCut(ws, next, nextWords)) return joined;
  const block = blockCutBeforeName(ws, next, nextWords);
  if (block !== null) return block ? joined : null;
  const row = isRow(ws);
  // Cut before its THREAD (`... no t-662060` + `0 ffffff01d5a600c0`): the two make a whole row,
  // a THREAD as wide as ADDR. (A run-queue line, `60 ffffff0007dbac40 sch`, starts like a row too: it falls through.)
  if (!row && ws.length < 10 && isDecimal(ws[0]) && isHex(ws[1])) {
    const jw = words(joined);
    if (isRow(jw) && (jw.length === 10 || jw.length === 11) && jw[9]!.length === jw[1]!.length) return joined;
  }
  if (row && ws.length === 10) {
    const addr = ws[1]!;
    const thread = ws[9]!;
    // The row's own trailing space, alone on the next line (an old mdb then wrapped PROC too); the
    // splitter hands a line of spaces on as an empty one, so the space is put back.
    if (nextWords.length === 0) return next.length <= 2 && thread.length === addr.length ? head + ' ' : null;
    const rest = nextWords[0]!;
    // Cut inside THREAD: the next line starts with exactly the digits it lacks, then at most PROC.
    if (thread.length < addr.length) return next.startsWith(rest) && isHex(rest) && thread.length + rest.length === addr.length && nextWords.length <= 2 ? joined : null;
    // Cut on the space before PROC: the next line is that space and the name.
    return next === ' ' + rest ? joined : null;
  }
  // A name cut in two: only where the section shows a wrap at this width.
  const last = ws[ws.length - 1];
  if (!wrapSeen || last === undefined || nextWords.length !== 1 || !next.startsWith(nextWords[0]!) || WHOLE_PROC.has(last)) return null;
  const nameAt = row ? 10 : ws.length - 1;
  // PRI THREAD PROC, or `- THREAD PROC` for the thread an interrupt pinned.
  const blockLine = !row && ws.length >= 3 && isBlockThreadAt(ws, ws.length - 2);
  return (row ? ws.length === 11 : blockLine) && nameAt === ws.length - 1 && last.length + nextWords[0]!.length <= MAX_COMM ? joined : null;
}

/**
 * The line this one becomes with `next` joined on, when a wrap at a space (`fold -s`, a mail
 * client's, before the widest line) provably cut it there; else null. A header without PROC and
 * a row without THREAD are never whole, so the next line is their rest when the two make a whole
 * header or row (a THREAD as wide as ADDR). With `wrapSeen`, a `-v` block line left ending with a
 * space after its THREAD (or with no space, where the name would not have fit at `width`) has its
 * name alone at column 0 of the next line.
 */
function softRejoined(head: string, next: string, wrapSeen: boolean, width: number): string | null {
  const ws = words(head);
  if (ws.length === 0) return null;
  // fold -s keeps the space on the line it cut; a client that dropped it needs one back.
  const joined = head.endsWith(' ') || next.startsWith(' ') ? head + next : head + ' ' + next;
  if (isHeader(ws)) return headerRest(ws, joined);
  // A PIL or run-queue header left without its last words, which went to the next line.
  if (blockHeaderRest(head, joined) === true) return joined;
  if (ws.length < 10 && isDecimal(ws[0]) && isHex(ws[1])) {
    // (A run-queue line, `60 ffffff0007dbac40`, starts like a row too: it falls through.)
    const jw = words(joined);
    if (isRow(jw) && (jw.length === 10 || jw.length === 11) && jw[9]!.length === jw[1]!.length) return joined;
  }
  const nextWords = words(next);
  const name = nextWords[0];
  if (blockThreadMovedDown(head, ws, next, nextWords)) return joined;
  // A copy that stripped trailing spaces took the space's evidence along: the name must not have fit.
  const cutAtSpace = head.endsWith(' ') || wordDidNotFit(head, next, width);
  if (!wrapSeen || !cutAtSpace || nextWords.length !== 1 || name === undefined || !next.startsWith(name) || name.length > MAX_COMM) return null;
  const n = ws.length;
  // PRI THREAD [PROC], or PIL THREAD [PROC] with `-` for the PIL of the thread an interrupt pinned.
  return !isRow(ws) && n >= 2 && isBlockThreadAt(ws, n - 1) ? joined : null;
}

/** What stands before a thread in a `-v` block line: its PRI or PIL, or `-` for the thread an interrupt pinned. */
function isBlockLead(w: string | undefined): boolean {
  return isDecimal(w) || w === '-';
}

/** Word `i` of a `-v` block line is a thread (hex) after its PRI, PIL or `-`. */
function isBlockThreadAt(ws: readonly string[], i: number): boolean {
  return isHex(ws[i]) && isBlockLead(ws[i - 1]);
}

/** A thread as wide as mdb prints one under some header (ADDR_WIDTHS). */
function isThreadWidth(w: string): boolean {
  return (ADDR_WIDTHS as readonly number[]).includes(w.length);
}

/**
 * A `-v` queue or pinned line (`PRI THREAD NAME`, `- THREAD NAME`) cut on the space before its name:
 * the next line is that space and the name. Null when the line is no such block line.
 */
function blockCutBeforeName(ws: readonly string[], next: string, nextWords: readonly string[]): boolean | null {
  const n = ws.length;
  if (n < 2 || isRow(ws) || !isBlockThreadAt(ws, n - 1) || !isThreadWidth(ws[n - 1]!)) return null;
  const name = nextWords[0];
  return nextWords.length === 1 && name !== undefined && next === ' ' + name && name.length <= MAX_COMM;
}

/**
 * A `-v` PIL, pinned or queue line cut inside its THREAD (`9 ffffff00` + `076cbc40`): the next
 * line, at column 0, is the hex digits it lacks, then at most a name, and the two make a thread
 * as wide as mdb prints one.
 */
function blockThreadCut(ws: readonly string[], next: string, nextWords: readonly string[]): boolean {
  const n = ws.length;
  const rest = nextWords[0];
  if (n < 2 || rest === undefined || nextWords.length > 2 || !next.startsWith(rest) || !isHex(rest)) return false;
  return !isRow(ws) && isBlockThreadAt(ws, n - 1) && isThreadWidth(ws[n - 1]! + rest);
}

/** The headers of a `-v` line's PIL and run-queue blocks, after their `+-->`, as words. */
const BLOCK_HEADERS: readonly string[] = ['PIL THREAD', 'PRI THREAD PROC'];

/**
 * A `-v` block's header (`+--> PIL THREAD`, `+-->  PRI THREAD           PROC`) cut before its end:
 * true when `joined` is it whole; false when `head` holds it whole already; null when `head` is no such line.
 */
function blockHeaderRest(head: string, joined: string): boolean | null {
  const at = head.lastIndexOf('+-->');
  if (at < 0) return null;
  const tail = words(head.slice(at + 4)).join(' ');
  if (BLOCK_HEADERS.includes(tail)) return false;
  if (!BLOCK_HEADERS.some((h) => h.startsWith(tail))) return null;
  return BLOCK_HEADERS.includes(words(joined.slice(at + 4)).join(' '));
}

/**
 * A `-v` PIL or run-queue line cut before its thread: it ends with the PIL or PRI (or the `-` of a
 * pinned thread), which mdb never prints last, and the next line, at column 0 (1 after a cut just
 * before the space), is a thread as wide as mdb prints one, then at most a name. Read apart, the
 * block loses the thread, and a rule the interrupt thread over idle would have quieted speaks.
 */
function blockThreadMovedDown(head: string, ws: readonly string[], next: string, nextWords: readonly string[]): boolean {
  const last = ws[ws.length - 1];
  const thread = nextWords[0];
  // At column 0, or 1 when a fixed-width wrap cut just before the space (then the line has none at its end).
  if (last === undefined || thread === undefined || nextWords.length > 2) return false;
  if (next.startsWith(' ') && (next.startsWith('  ') || head.endsWith(' '))) return false;
  if (!isBlockLead(last) || isRow(ws) || isHeader(ws)) return false;
  return isHex(thread) && isThreadWidth(thread);
}

/**
 * Rows and headers that a wrap cut in two, joined again: at a fixed width (a terminal's copy,
 * `fold`), a line as long as the section's widest whose next line is provably its rest
 * (see rejoined); at a space (`fold -s`, a mail client), see softRejoined. `joined` maps each head's line number to the continuation line joined onto
 * it, which reads as the head does.
 */
export function rejoinCutRows(lines: readonly SourceLine[], widthAt: WidthSoFar = widthsSoFar(lines)): Rejoined {
  // A `::cpuinfo` section comes whole (never in parts): its widest line, wherever it is, is the width.
  const width = widthAt(Number.MAX_SAFE_INTEGER);
  if (width < MIN_WRAP_WIDTH) return { lines, joined: new Map() };
  const pass = (wrapSeen: boolean) =>
    joinCutLines(lines, ({ text: head }, { text: next }) => (head.length === width ? rejoined(head, next, wrapSeen) : null) ?? softRejoined(head, next, wrapSeen, width));
  const first = pass(false);
  // A provable cut shows the section was wrapped: then names cut in two are joined as well.
  if (first.joined.size === 0) return first;
  const second = pass(true);
  // A line cut in three (a row and its name, under 47 columns): two pieces joined, whose second
  // ran to the width, and the rest of the name on the next line.
  const text = new Map(lines.map((l) => [l.no, l.text]));
  const third = joinCutLines(second.lines, ({ no, text: head }, { text: next }) => {
    const cont = second.joined.get(no);
    const last = cont === undefined ? undefined : text.get(cont[cont.length - 1]!);
    return last !== undefined && last.length === width ? rejoined(head, next, true) : null;
  });
  return third.joined.size === 0 ? second : { lines: third.lines, joined: mergeJoined(second.joined, third.joined) };
}
