// Reads the CST of one line into a typed line shape, with values converted. Which CPU a line
// belongs to is not decided here (assemble.ts does that).
import type { IToken } from '../common/chevrotain.ts';
import { first, one, onlyToken } from '../common/cst.ts';
import { MAX_PIL } from '../../illumos/priorities.ts';
import { parseMdbInt } from '../common/numbers.ts';
import type { CpuRecord } from '../records.ts';
import type {
  BlockContentCstNode,
  CpuRowCstNode,
  HeaderCstNode,
  LineCstNode,
  ProcNameCstNode,
  VerboseLineCstNode,
} from './cst-types.ts';
import { snapAddrWidth, type AddrWidth } from './layout.ts';

/** A CPU row: the record's own columns, as the row prints them. */
export type RowLine = { kind: 'row' } & Pick<
  CpuRecord,
  'id' | 'addr' | 'flags' | 'nrun' | 'bspl' | 'pri' | 'runrun' | 'kprunrun' | 'switchTicks' | 'thread' | 'proc'
>;

export type BlockLine =
  | { kind: 'connector' }
  | { kind: 'pilHeader' }
  | { kind: 'queueHeader' }
  | { kind: 'pilRow'; pil: number; thread: string }
  | { kind: 'pinned'; thread: string; proc: string }
  | { kind: 'queueRow'; pri: number; thread: string; proc: string };

export type CpuinfoLine =
  | { kind: 'blank' }
  | { kind: 'header'; width: AddrWidth }
  | RowLine
  | { kind: 'wrappedProc'; proc: string }
  | { kind: 'verbose'; flag: string | null; block: BlockLine | null };

/** A value that lexed and parsed but cannot be used (a number too large), with its column (1-based). */
export interface ValueError {
  kind: 'error';
  col: number;
  message: string;
}

class Bad extends Error {
  constructor(
    readonly col: number,
    message: string,
  ) {
    super(message);
  }
}

/** What a C type of the column can hold: values outside it are diagnosed, not used. */
interface Range {
  min: number;
  max: number;
}
const INT: Range = { min: -2147483648, max: 2147483647 };
const UINT: Range = { min: 0, max: 4294967295 };
/** pri_t is a short. */
const PRI_T: Range = { min: -32768, max: 32767 };
/** Interrupt levels up to MAX_PIL; 0 is not refused (nothing shows mdb cannot print it). */
const PIL: Range = { min: 0, max: MAX_PIL };

/** A column read exactly (past 2^53 it could not be) and within `range` when given; else a diagnostic at it. */
function num(t: IToken, radix: 10 | 16, what: string, range?: Range): number {
  const v = parseMdbInt(t.image, radix);
  if (v === null) throw new Bad(t.startOffset + 1, `${what} out of range`);
  if (range !== undefined && (v < range.min || v > range.max)) throw new Bad(t.startOffset + 1, `${what} out of range (${range.min}..${range.max})`);
  return v;
}

/** The text of a name from its first word to its last, spaces inside kept (`u_comm` may have them). */
function nameText(n: ProcNameCstNode, text: string): string {
  const words = n.children.NameWord;
  const head = one(words);
  const last = words[words.length - 1]!;
  return text.slice(head.startOffset, last.startOffset + last.image.length);
}

function readRow(n: CpuRowCstNode, text: string): RowLine {
  const c = n.children;
  const pri = onlyToken(one(c.priCell).children);
  const sw = onlyToken(one(c.switchCell).children);
  const proc = first(c.procName);
  return {
    kind: 'row',
    id: num(one(c.CpuId), 10, 'ID', INT),
    addr: one(c.addr).image,
    flags: num(one(c.flags), 16, 'FLG', UINT),
    nrun: num(one(c.nrun), 10, 'NRUN', INT),
    bspl: num(one(c.bspl), 10, 'BSPL', INT),
    pri: pri.image === '-' ? null : num(pri, 10, 'PRI', PRI_T),
    runrun: onlyToken(one(c.runrun).children).image === 'yes',
    kprunrun: onlyToken(one(c.kprunrun).children).image === 'yes',
    // Ticks past 2^53 cannot be held exactly: num() refuses them with a diagnostic.
    switchTicks: sw.image === '-' ? null : num({ ...sw, image: sw.image.slice(2) }, 10, 'SWITCH'),
    thread: one(c.thread).image,
    proc: proc === undefined ? null : nameText(proc, text),
  };
}

function readBlock(n: BlockContentCstNode, text: string): BlockLine {
  const c = n.children;
  if (c.pilHeader) return { kind: 'pilHeader' };
  if (c.queueHeader) return { kind: 'queueHeader' };
  if (c.connector) return { kind: 'connector' };
  if (c.pilRow) {
    const b = one(c.pilRow).children;
    return { kind: 'pilRow', pil: num(one(b.pil), 10, 'PIL', PIL), thread: one(b.thread).image };
  }
  if (c.pinnedRow) {
    const b = one(c.pinnedRow).children;
    return { kind: 'pinned', thread: one(b.thread).image, proc: nameText(one(b.procName), text) };
  }
  const b = one(c.queueRow).children;
  return { kind: 'queueRow', pri: num(one(b.pri), 10, 'PRI', PRI_T), thread: one(b.thread).image, proc: nameText(one(b.procName), text) };
}

function readVerbose(n: VerboseLineCstNode, text: string): CpuinfoLine {
  const m = first(n.children.margin);
  const b = first(n.children.blockContent);
  const flag = m === undefined ? undefined : first(m.children.FlagName);
  return { kind: 'verbose', flag: flag === undefined ? null : flag.image, block: b === undefined ? null : readBlock(b, text) };
}

function readHeader(n: HeaderCstNode): CpuinfoLine {
  // ADDR is left-aligned in W and FLG (3 wide) follows one space later.
  const gap = one(n.children.FLG).startOffset - one(n.children.ADDR).startOffset - 1;
  return { kind: 'header', width: snapAddrWidth(gap) };
}

/** Reads a parsed `line` node; `text` is the line it came from. */
export function readLine(cst: LineCstNode, text: string): CpuinfoLine | ValueError {
  try {
    const c = cst.children;
    if (c.header) return readHeader(one(c.header));
    if (c.cpuRow) return readRow(one(c.cpuRow), text);
    if (c.wrappedProc) return { kind: 'wrappedProc', proc: nameText(one(one(c.wrappedProc).children.procName), text) };
    if (c.verboseLine) return readVerbose(one(c.verboseLine), text);
    return { kind: 'blank' };
  } catch (e) {
    if (e instanceof Bad) return { kind: 'error', col: e.col, message: e.message };
    throw e;
  }
}
