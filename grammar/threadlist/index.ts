// Section reader for `::threadlist` and `::threadlist -v`, one ThreadListRecord per thread.
// In `-v` each row is followed by its PC line and a findstack block (read by the findstack
// grammar) and an empty line. Lines of only `...` (an author's elision, as in the RFD 96 design
// note) are read as elisions: no record, no diagnostic.
import type { CstNode, ILexingError, IRecognitionException, ISerializedGast } from '../common/chevrotain.ts';
import { isDecimalDigits } from '../common/numbers.ts';
import type { Diagnostic, GrammarResult, SectionContext, SectionParser } from '../common/source.ts';
import type { StackRecord, ThreadListRecord } from '../records.ts';
import { chosen, sub, tok } from '../frames/cst.ts';
import { lastStage } from '../frames/index.ts';
import { firstProblem, isBlank, misplaced, renumber } from '../frames/support.ts';
import { FindstackAssembler } from '../findstack/assemble.ts';
import { parseFindstackLine } from '../findstack/api.ts';
import { parseThreadlistLine } from './api.ts';
import { threadlistParser } from './parser.ts';

export { parseThreadlistLine } from './api.ts';

type Mode = 'plain' | 'verbose' | 'auto';

interface Attempt {
  cst: CstNode;
  lexErrors: ILexingError[];
  parseErrors: IRecognitionException[];
  problem: Diagnostic | null;
}

function modeFromCommand(ctx: SectionContext): Mode {
  const st = lastStage(ctx);
  if (!st || st.verb !== 'dcmd' || st.name !== 'threadlist') return 'auto';
  return st.args.includes('-v') ? 'verbose' : 'plain';
}

function attempt(what: string, text: string, no: number, run: () => { cst: CstNode; lexErrors: ILexingError[]; parseErrors: IRecognitionException[] }): Attempt {
  const r = run();
  renumber(r, no);
  return { ...r, problem: firstProblem(what, text, no, r) };
}

/** The attempt that read furthest into the line (its error is the most telling). */
function furthest(a: Attempt[]): Attempt {
  let best = a[0]!;
  for (const x of a) if ((x.problem?.col ?? Infinity) > (best.problem?.col ?? Infinity)) best = x;
  return best;
}

export const parseThreadlist: SectionParser = (lines, ctx): GrammarResult => {
  let mode = modeFromCommand(ctx);
  const unrecognized: Diagnostic[] = [];
  const result: GrammarResult = { records: [], unrecognized, lexErrors: [], parseErrors: [] };
  let cur: ThreadListRecord | null = null;
  let block: FindstackAssembler | null = null;

  const closeBlock = (): void => {
    if (block && cur) cur.stack = pickStack(block.finish(), cur.addr);
    block = null;
  };
  const closeRow = (): void => {
    closeBlock();
    if (cur) result.records.push(cur);
    cur = null;
  };
  const keep = (a: Attempt): void => {
    result.lexErrors.push(...a.lexErrors);
    result.parseErrors.push(...a.parseErrors);
  };

  for (const { no, text } of lines) {
    if (isBlank(text)) {
      closeBlock();
      continue;
    }
    const tried: Attempt[] = [];
    const fs = (): Attempt => attempt('threadlist', text, no, () => parseFindstackLine(text));
    if (block) {
      const a = fs();
      tried.push(a);
      if (!a.problem) {
        keep(a);
        const d = (block as FindstackAssembler).feed(a.cst, no, text);
        if (d) unrecognized.push(d);
        continue;
      }
    }
    const tl = mode === 'auto' ? (['verbose', 'plain'] as const) : ([mode] as const);
    let done = false;
    for (const m of tl) {
      const a = attempt('threadlist', text, no, () => parseThreadlistLine(text, m));
      tried.push(a);
      if (a.problem) continue;
      keep(a);
      done = true;
      const kind = chosen(a.cst);
      const node = kind ? sub(a.cst, kind)! : a.cst;
      if (kind === 'header') {
        closeRow();
        mode = tok(node, 'CmdLwpidColumn') ? 'plain' : 'verbose';
      } else if (kind === 'row') {
        closeRow();
        const r = rowRecord(node, no);
        if (typeof r === 'string') unrecognized.push(misplaced('threadlist', no, text, r));
        else cur = r;
      } else if (kind === 'pcLine') {
        const open = cur as ThreadListRecord | null;
        if (!open || open.pc !== null || open.desc !== null && open.cid === null) {
          unrecognized.push(misplaced('threadlist', no, text, 'PC line without a `-v` thread row above it'));
        } else {
          applyPcLine(open, node);
          block = new FindstackAssembler(null);
        }
      }
      // warnings outside a block and `...` elisions: read, nothing to keep
      break;
    }
    if (done) continue;
    // A findstack line with no PC line before it (a paste that lost lines) still belongs to the row.
    if (!block && cur && mode !== 'plain') {
      const a = fs();
      tried.push(a);
      if (!a.problem) {
        keep(a);
        block = new FindstackAssembler(null);
        const d = block.feed(a.cst, no, text);
        if (d) unrecognized.push(d);
        continue;
      }
    }
    const worst = furthest(tried);
    keep(worst);
    unrecognized.push(worst.problem!);
  }
  closeRow();
  return result;
};

function rowRecord(row: CstNode, no: number): ThreadListRecord | string {
  const rec: ThreadListRecord = {
    kind: 'threadlist',
    line: no,
    addr: tok(row, 'addr')!.image,
    proc: tok(row, 'proc')!.image,
    lwp: tok(row, 'lwp')!.image,
    desc: null,
    cid: null,
    pri: null,
    wchan: null,
    pc: null,
    stack: null,
  };
  const desc = tok(row, 'desc');
  if (desc) {
    rec.desc = desc.image;
    return rec;
  }
  const cls = tok(row, 'cls')!.image;
  const pri = tok(row, 'pri')!.image;
  const neg = pri.startsWith('-');
  if (!isDecimalDigits(cls)) return `CLS '${cls.slice(0, 20)}' is not a decimal number`;
  if (!isDecimalDigits(neg ? pri.slice(1) : pri)) return `PRI '${pri.slice(0, 20)}' is not a decimal number`;
  rec.cid = Number.parseInt(cls, 10);
  rec.pri = Number.parseInt(pri, 10);
  rec.wchan = tok(row, 'wchan')!.image;
  return rec;
}

function applyPcLine(rec: ThreadListRecord, line: CstNode): void {
  const pc = sub(line, 'pc')!;
  rec.pc = tok(pc, 'func')!.image + (tok(pc, 'offset')?.image ?? '');
  const label = tok(line, 'trailer')?.image;
  const text = tok(line, 'TrailerText')?.image ?? '';
  // Pre-2018 trailers carry what the plain listing's CMD/LWPID column shows, spelled the same way.
  if (label === 'TASKQ:') rec.desc = 'tq:' + text;
  else if (label === 'THREAD:' || label === 'CMD:') rec.desc = text;
}

function pickStack(recs: StackRecord[], addr: string): StackRecord | null {
  return recs.find((r) => r.thread === addr) ?? recs[0] ?? null;
}

/** Serialized grammar of a threadlist line, for railroad diagrams. */
export function threadlistProductions(): ISerializedGast[] {
  return threadlistParser.getSerializedGastProductions();
}
