// Section reader for `::threadlist` and `::threadlist -v`, one ThreadListRecord per thread.
// In `-v` each row is followed by its PC line and a findstack block (read by the findstack
// grammar) and an empty line. Lines of only `...` (an author's elision, as in the RFD 96 design
// note) are read as elisions: no record, no diagnostic.
import type { CstNode, ISerializedGast } from '../common/chevrotain.ts';
import { hasOption, lastStage } from '../common/command-types.ts';
import { first, one } from '../common/cst.ts';
import { firstProblem, guarded, misplaced, tooLong, type LineParse } from '../common/diagnostics.ts';
import { isBlank, shown } from '../common/lines.ts';
import { isDecimalDigits, parseMdbInt } from '../common/numbers.ts';
import { emptyResult, type Diagnostic, type GrammarResult, type SectionContext, type SectionParser } from '../common/source.ts';
import type { StackRecord, ThreadListRecord } from '../records.ts';
import { FindstackAssembler } from '../findstack/assemble.ts';
import { parseFindstackLine } from '../findstack/api.ts';
import type { FindstackLineCstNode } from '../findstack/cst-types.ts';
import { parseThreadlistLine } from './api.ts';
import type { PcLineCstNode, RowCstNode, ThreadlistLineCstNode } from './cst-types.ts';
import { threadlistParser } from './parser.ts';

export { parseThreadlistLine } from './api.ts';

type Mode = 'plain' | 'verbose' | 'auto';

interface Attempt<C extends CstNode> {
  cst: C;
  problem: Diagnostic | null;
}

function modeFromCommand(ctx: SectionContext): Mode {
  const st = lastStage(ctx.command);
  if (!st || st.verb !== 'dcmd' || st.name !== 'threadlist') return 'auto';
  return hasOption(st, 'v') ? 'verbose' : 'plain';
}

function attempt<C extends CstNode>(text: string, no: number, run: () => LineParse<C>): Attempt<C> {
  const r = run();
  return { cst: r.cst, problem: firstProblem('threadlist', text, no, r) };
}

/** The problem of the attempt that read furthest into the line (its error is the most telling). */
function furthest(a: readonly Diagnostic[]): Diagnostic {
  let best = a[0]!;
  for (const x of a) if (x.col > best.col) best = x;
  return best;
}

export const parseThreadlist: SectionParser = (lines, ctx): GrammarResult => {
  let mode = modeFromCommand(ctx);
  const result = emptyResult();
  const unrecognized = result.unrecognized;
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

  /** Reads one non-blank line; returns the diagnostic it costs, or null. */
  const readOne = (text: string, no: number): Diagnostic | null => {
    const long = tooLong('threadlist', no, text);
    if (long) return long;
    const tried: Diagnostic[] = [];
    const fs = (): Attempt<FindstackLineCstNode> => attempt(text, no, () => parseFindstackLine(text));
    if (block) {
      const a = fs();
      if (!a.problem) return (block as FindstackAssembler).feed(a.cst, no, text);
      tried.push(a.problem);
    }
    const tl = mode === 'auto' ? (['verbose', 'plain'] as const) : ([mode] as const);
    for (const m of tl) {
      const a: Attempt<ThreadlistLineCstNode> = attempt(text, no, () => parseThreadlistLine(text, m));
      if (a.problem) {
        tried.push(a.problem);
        continue;
      }
      const c = a.cst.children;
      if (c.header) {
        closeRow();
        mode = one(c.header).children.CmdLwpidColumn ? 'plain' : 'verbose';
      } else if (c.row) {
        closeRow();
        const r = rowRecord(one(c.row), no);
        if (typeof r === 'string') return misplaced('threadlist', no, text, r);
        cur = r;
      } else if (c.pcLine) {
        const open = cur as ThreadListRecord | null;
        if (!open || open.pc !== null || (open.desc !== null && open.cid === null)) {
          return misplaced('threadlist', no, text, 'PC line without a `-v` thread row above it');
        }
        applyPcLine(open, one(c.pcLine));
        block = new FindstackAssembler(null);
      }
      // warnings outside a block and `...` elisions: read, nothing to keep
      return null;
    }
    // A findstack line with no PC line before it (a paste that lost lines) still belongs to the row.
    if (!block && cur && mode !== 'plain') {
      const a = fs();
      if (!a.problem) {
        block = new FindstackAssembler(null);
        return block.feed(a.cst, no, text);
      }
      tried.push(a.problem);
    }
    return furthest(tried);
  };

  for (const { no, text } of lines) {
    if (isBlank(text)) {
      closeBlock();
      continue;
    }
    guarded(unrecognized, no, 'threadlist', () => {
      const d = readOne(text, no);
      if (d) unrecognized.push(d);
    });
  }
  closeRow();
  return result;
};

/** A decimal column read exactly, within the C type's range; else why not. */
function decimalIn(what: string, image: string, min: number, max: number): number | string {
  const neg = image.startsWith('-');
  if (!isDecimalDigits(neg ? image.slice(1) : image)) return `${what} '${shown(image, 20)}' is not a decimal number`;
  const v = parseMdbInt(image, 10);
  if (v === null || v < min || v > max) return `${what} '${shown(image, 24)}' is out of range (${min}..${max})`;
  return v;
}

/** `pri_t` is a short; a class id an int. */
const PRI_MIN = -32768;
const PRI_MAX = 32767;
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

function rowRecord(row: RowCstNode, no: number): ThreadListRecord | string {
  const c = row.children;
  const rec: ThreadListRecord = {
    kind: 'threadlist',
    line: no,
    addr: one(c.addr).image,
    proc: one(c.proc).image,
    lwp: one(c.lwp).image,
    desc: null,
    cid: null,
    pri: null,
    wchan: null,
    pc: null,
    stack: null,
  };
  const desc = first(c.desc);
  if (desc) {
    rec.desc = desc.image;
    return rec;
  }
  const cid = decimalIn('CLS', one(c.cls).image, INT_MIN, INT_MAX);
  if (typeof cid === 'string') return cid;
  const pri = decimalIn('PRI', one(c.pri).image, PRI_MIN, PRI_MAX);
  if (typeof pri === 'string') return pri;
  rec.cid = cid;
  rec.pri = pri;
  rec.wchan = one(c.wchan).image;
  return rec;
}

function applyPcLine(rec: ThreadListRecord, line: PcLineCstNode): void {
  const c = line.children;
  const pc = one(c.pc).children;
  rec.pc = one(pc.func).image + (first(pc.offset)?.image ?? '');
  const label = first(c.trailer)?.image;
  const text = first(c.TrailerText)?.image ?? '';
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
