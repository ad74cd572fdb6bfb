// Section reader for `::thread [-ipbsdm]`, one ThreadSummaryRecord per thread. The header decides
// the columns: without -m each option group after the first sits on its own line, led by W
// spaces, in the header and in every row. Without a header the command's options decide
// (default -i); with neither, -i.
import { stateFromName } from '../../illumos/thread-state.ts';
import type { ISerializedGast, IToken } from '../common/chevrotain.ts';
import { hasOption, lastStage } from '../common/command-types.ts';
import { one } from '../common/cst.ts';
import { guarded, misplaced, readLine } from '../common/diagnostics.ts';
import { firstCol, isBlank, words } from '../common/lines.ts';
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
  const ws = words(text);
  return ws[0] === 'ADDR' && ADDR_LINE_COLUMNS.has(ws.slice(1).join(' '));
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
