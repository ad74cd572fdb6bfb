// Section reader for `::thread [-ipbsdm]`, one ThreadSummaryRecord per thread. The header decides
// the columns: without -m each option group after the first sits on its own line, led by W
// spaces, in the header and in every row. Without a header the command's options decide
// (default -i); with neither, -i.
import type { CstNode, ISerializedGast } from '../common/chevrotain.ts';
import type { Diagnostic, GrammarResult, SectionContext, SectionParser } from '../common/source.ts';
import type { ThreadSummaryRecord } from '../records.ts';
import { chosen, sub, toks } from '../frames/cst.ts';
import { lastStage } from '../frames/index.ts';
import { firstCol, firstProblem, isBlank, misplaced, renumber } from '../frames/support.ts';
import { parseThreadLine } from './api.ts';
import { COLUMN_GROUPS, type ColumnGroup } from './lexer.ts';
import { threadParser } from './parser.ts';

export { parseThreadLine } from './api.ts';
export { COLUMN_GROUPS, type ColumnGroup } from './lexer.ts';

const ORDER: ColumnGroup[] = ['p', 'i', 'b', 's', 'd'];

/** Column names per printed line, as the options select them (mdb prints groups in p i b s d order). */
export function columnLines(groups: readonly ColumnGroup[], merge: boolean): string[][] {
  const sel = ORDER.filter((g) => groups.includes(g)).map((g) => [...COLUMN_GROUPS[g]] as string[]);
  return merge ? [sel.flat()] : sel;
}

function fromCommand(ctx: SectionContext): string[][] {
  const st = lastStage(ctx);
  const flags = new Set<string>();
  if (st && st.verb === 'dcmd' && st.name === 'thread') {
    for (const a of st.args) if (a.startsWith('-')) for (const c of a.slice(1)) flags.add(c);
  }
  const groups = ORDER.filter((g) => flags.has(g));
  return columnLines(groups.length > 0 ? groups : ['i'], flags.has('m'));
}

function images(node: CstNode, name: string): string[] {
  return toks(node, name).map((t) => t.image);
}

export const parseThread: SectionParser = (lines, ctx): GrammarResult => {
  const unrecognized: Diagnostic[] = [];
  const result: GrammarResult = { records: [], unrecognized, lexErrors: [], parseErrors: [] };
  let header: string[][] | null = null;
  let cur: ThreadSummaryRecord | null = null;
  let part = 0;
  const close = (): void => {
    if (cur) result.records.push(cur);
    cur = null;
  };
  for (const { no, text } of lines) {
    if (isBlank(text)) continue;
    const { cst, ...errors } = parseThreadLine(text);
    renumber(errors, no);
    result.lexErrors.push(...errors.lexErrors);
    result.parseErrors.push(...errors.parseErrors);
    const problem = firstProblem('thread', text, no, errors);
    if (problem) {
      unrecognized.push(problem);
      continue;
    }
    const kind = chosen(cst);
    if (kind === 'headerLine') {
      const names = images(sub(cst, kind)!, 'ColumnName');
      if (names[0] === 'ADDR') {
        close();
        header = [names.slice(1)];
      } else if (header) header.push(names);
      else header = [names];
      continue;
    }
    if (kind !== 'valueLine') continue; // `mdb:` warnings (`can't read kthread_t at ...`)
    const values = images(sub(cst, kind)!, 'Value');
    const cols = header ?? fromCommand(ctx);
    const continuation = firstCol(text) > 1;
    if (continuation && !cur) {
      unrecognized.push(misplaced('thread', no, text, 'continuation line with no thread row above it'));
      continue;
    }
    const at = continuation ? part + 1 : 0;
    const vals = continuation ? values : values.slice(1);
    const names = cols[at];
    if (!names) {
      unrecognized.push(misplaced('thread', no, text, `line ${at + 1} of a row, but the header has ${cols.length}`));
      continue;
    }
    if (vals.length > names.length) {
      if (!continuation) close();
      unrecognized.push(misplaced('thread', no, text, `${vals.length} values for ${names.length} columns`));
      continue;
    }
    if (!continuation) {
      close();
      cur = { kind: 'thread', line: no, addr: values[0]!, columns: {} };
    }
    part = at;
    const target = cur!;
    // Fewer values than columns happens when SOBJ OPS is blank or trailing text was cut; keep the rest.
    vals.forEach((v, i) => (target.columns[names[i]!] = v));
  }
  close();
  return result;
};

/** Serialized grammar of a `::thread` line, for railroad diagrams. */
export function threadProductions(): ISerializedGast[] {
  return threadParser.getSerializedGastProductions();
}
