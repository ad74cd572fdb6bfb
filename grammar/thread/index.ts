// Section reader for `::thread [-ipbsdm]`, one ThreadSummaryRecord per thread. The header decides
// the columns: without -m each option group after the first sits on its own line, led by W
// spaces, in the header and in every row. Without a header the command's options decide
// (default -i); with neither, -i.
import { stateFromName } from '../../illumos/thread-state.ts';
import type { ISerializedGast, IToken } from '../common/chevrotain.ts';
import { hasOption, lastStage } from '../common/command-types.ts';
import { one } from '../common/cst.ts';
import { guarded, misplaced, readLine } from '../common/diagnostics.ts';
import { firstCol, isBlank, shown, words } from '../common/lines.ts';
import { isPaddedPointer } from '../common/numbers.ts';
import { emptyResult, type GrammarResult, type SectionContext, type SectionParser } from '../common/source.ts';
import type { ThreadSummaryRecord } from '../records.ts';
import { parseThreadLine } from './api.ts';
import { COLUMN_GROUPS, type ColumnGroup } from './lexer.ts';
import { threadParser } from './parser.ts';

export { parseThreadLine } from './api.ts';
export { COLUMN_GROUPS, type ColumnGroup } from './lexer.ts';

const ORDER: ColumnGroup[] = ['p', 'i', 'b', 's', 'd'];

/** Column names per printed line, as the options select them (mdb prints groups in p i b s d order). */
function columnLines(groups: readonly ColumnGroup[], merge: boolean): string[][] {
  const sel = ORDER.filter((g) => groups.includes(g)).map((g) => [...COLUMN_GROUPS[g]] as string[]);
  return merge ? [sel.flat()] : sel;
}

/**
 * What a `::thread` header line starting with ADDR can hold after it: the first option group the
 * options select, or with -m every selected group on the one line, always in mdb's order.
 */
const ADDR_LINE_COLUMNS: ReadonlySet<string> = new Set(
  Array.from({ length: (1 << ORDER.length) - 1 }, (_, m) => ORDER.filter((_, i) => ((m + 1) >> i) & 1).flatMap((g) => COLUMN_GROUPS[g]).join(' ')).flatMap(
    // -d printed no SWITCH before illumos 3501 (2013), and SWITCH is the last column whenever -d is chosen.
    (h) => (h.endsWith(' SWITCH') ? [h, h.slice(0, -' SWITCH'.length)] : [h]),
  ),
);

/**
 * `            ADDR    STATE  FLG PFLG SFLG   PRI  EPRI PIL             INTR`, or another option
 * group's columns after ADDR. Whole groups only: other dcmds print `ADDR STATE ...` too (`::spa`,
 * `::vdev`), and their rows are not threads.
 */
export function isThreadHeader(text: string): boolean {
  return threadHeaderColumns(text)?.addr === true;
}

/** Column names that hold a space, by their first word. */
const TWO_WORD_NAMES: ReadonlyMap<string, readonly string[]> = new Map([
  ['SOBJ', ['OPS']],
  ['SIG', ['PEND', 'HELD']],
]);

/** One line of each option group's header, as a group's own line prints it without -m. */
const GROUP_LINES: ReadonlySet<string> = new Set(Object.values(COLUMN_GROUPS).map((g) => g.join(' ')));

/**
 * The columns a whole `::thread` header line names, or null when it is none: `addr` for the line
 * that starts with ADDR (`names` are the columns after it), else a later option group's own line.
 */
export function threadHeaderColumns(text: string): { addr: boolean; names: string[] } | null {
  const ws = words(text);
  const names: string[] = [];
  for (let i = ws[0] === 'ADDR' ? 1 : 0; i < ws.length; i++) {
    const w = ws[i]!;
    const second = ws[i + 1];
    if (second !== undefined && TWO_WORD_NAMES.get(w)?.includes(second) === true) {
      names.push(w + ' ' + second);
      i++;
    } else names.push(w);
  }
  if (ws[0] === 'ADDR') return ADDR_LINE_COLUMNS.has(names.join(' ')) ? { addr: true, names } : null;
  return GROUP_LINES.has(names.join(' ')) ? { addr: false, names } : null;
}

/** Whether a line of these words can start a `::thread` row (see notRowStart). */
export function startsThreadRow(values: readonly string[]): boolean {
  return values.length > 0 && notRowStart(values) === null;
}

/**
 * A `::thread` header line a wrap cut short (`            ADDR    STATE  FLG ... PIL             INT`):
 * ADDR, at least three whole columns of a header mdb prints, then the next one, perhaps cut.
 */
export function isCutThreadHeader(text: string): boolean {
  const ws = words(text);
  // Three whole columns before the cut one: `ADDR PROC LWP C` may be ::threadlist -v's `LWP CLS`.
  if (ws[0] !== 'ADDR' || ws.length < 5) return false;
  const shown = ws.slice(1).join(' ');
  for (const h of ADDR_LINE_COLUMNS) if (h.length > shown.length && h.startsWith(shown)) return true;
  return false;
}

function fromCommand(ctx: SectionContext): string[][] {
  const last = lastStage(ctx.command);
  const st = last && last.verb === 'dcmd' && last.name === 'thread' ? last : null;
  const groups = ORDER.filter((g) => hasOption(st, g));
  return columnLines(groups.length > 0 ? groups : ['i'], hasOption(st, 'm'));
}

function images(list: readonly IToken[]): string[] {
  return list.map((t) => t.image);
}

/** Closes a row: the STATE column, when shown, read as a thread state (null for a spelling that is none). */
function settle(rec: ThreadSummaryRecord): ThreadSummaryRecord {
  const s = rec.columns['STATE'];
  rec.state = s === undefined ? null : stateFromName(s);
  return rec;
}

/**
 * Why a line at column 0 cannot start a row, or null when it can. mdb prints a row's address
 * zero-padded to the pointer width (`%0?lx`: 16 digits, 8 on a 32-bit target) and the first
 * group's values beside it, so a shorter word, or an address alone, is the rest of a line a wrap
 * cut (`n/` and `a`; `99  0  0  n/a` moved down by `fold -s`), and read as a row it would make a
 * thread of it.
 */
function notRowStart(values: readonly string[]): string | null {
  const a = values[0]!;
  if (!isPaddedPointer(a)) return `${shown(a)} is not a thread address as mdb prints one (16 or 8 hex digits): not a row`;
  if (values.length === 1) return 'a thread address with no column beside it: not a row';
  return null;
}

export const parseThread: SectionParser = (lines, ctx): GrammarResult => {
  const result = emptyResult();
  const unrecognized = result.unrecognized;
  let header: string[][] | null = null;
  // The header's own lines after the first stand at column 0: the paste lost its indentation, so a
  // row's lines are told by their place after the row's first line, not by their indent.
  let flat = false;
  let cur: ThreadSummaryRecord | null = null;
  let part = 0;
  const close = (): void => {
    if (cur) result.records.push(settle(cur));
    cur = null;
  };
  for (const { no, text } of lines) {
    if (isBlank(text)) continue;
    guarded(unrecognized, no, 'thread', () => {
      const r = readLine('thread', text, no, parseThreadLine);
      if (r.problem) {
        unrecognized.push(r.problem);
        return;
      }
      const c = r.cst.children;
      if (c.headerLine) {
        const names = images(one(c.headerLine).children.ColumnName);
        if (names[0] === 'ADDR') {
          close();
          header = [names.slice(1)];
          flat = false;
        } else if (header) {
          header.push(names);
          flat = firstCol(text) <= 1;
        } else header = [names];
        return;
      }
      if (!c.valueLine) return; // `mdb:` warnings (`can't read kthread_t at ...`)
      const values = images(one(c.valueLine).children.Value);
      const cols = header ?? fromCommand(ctx);
      const continuation = flat ? cur !== null && part + 1 < cols.length : firstCol(text) > 1;
      if (continuation && !cur) {
        unrecognized.push(misplaced('thread', no, text, 'continuation line with no thread row above it'));
        return;
      }
      const at = continuation ? part + 1 : 0;
      const vals = continuation ? values : values.slice(1);
      const names = cols[at];
      if (!names) {
        unrecognized.push(misplaced('thread', no, text, `line ${at + 1} of a row, but the header has ${cols.length}`));
        return;
      }
      if (vals.length > names.length) {
        if (!continuation) close();
        unrecognized.push(misplaced('thread', no, text, `${vals.length} values for ${names.length} columns`));
        return;
      }
      if (!continuation) {
        close();
        const why = notRowStart(values);
        if (why !== null) {
          unrecognized.push(misplaced('thread', no, text, why));
          return;
        }
        cur = { kind: 'thread', line: no, addr: values[0]!, state: null, columns: {} };
      }
      part = at;
      const target = cur!;
      // Fewer values than columns happens when SOBJ OPS is blank or trailing text was cut; keep the rest.
      vals.forEach((v, i) => (target.columns[names[i]!] = v));
    });
  }
  close();
  return result;
};

/** Serialized grammar of a `::thread` line, for railroad diagrams. */
export function threadProductions(): ISerializedGast[] {
  return threadParser.getSerializedGastProductions();
}
