// Reads the CST of one line into a typed line shape, with values converted. Which CPU a line
// belongs to is not decided here (assemble.ts does that).
import type { CstNode, IToken } from '../common/chevrotain.ts';
import { parseMdbInt } from '../common/numbers.ts';
import type { CpuRecord } from '../records.ts';
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

function node(n: CstNode, name: string): CstNode | undefined {
  return (n.children[name] as CstNode[] | undefined)?.[0];
}
function tok(n: CstNode, name: string): IToken | undefined {
  return (n.children[name] as IToken[] | undefined)?.[0];
}
function must<T>(v: T | undefined): T {
  // The parser only builds these nodes complete; a missing child is a grammar bug, not bad input.
  if (v === undefined) throw new Bad(1, 'internal: incomplete line');
  return v;
}
/** The only token child of a node whose children are alternatives of one token each. */
function onlyToken(n: CstNode): IToken {
  for (const k of Object.keys(n.children)) {
    const t = (n.children[k] as IToken[])[0];
    if (t !== undefined) return t;
  }
  throw new Bad(1, 'internal: empty node');
}

function num(t: IToken, radix: 10 | 16, what: string): number {
  const v = parseMdbInt(t.image, radix);
  if (v === null) throw new Bad(t.startOffset + 1, `${what} out of range`);
  return v;
}

/** The text of a name from its first word to its last, spaces inside kept (`u_comm` may have them). */
function nameText(n: CstNode, text: string): string {
  const words = n.children['NameWord'] as IToken[];
  const first = words[0]!;
  const last = words[words.length - 1]!;
  return text.slice(first.startOffset, last.startOffset + last.image.length);
}

function readRow(n: CstNode, text: string): RowLine {
  const pri = onlyToken(must(node(n, 'priCell')));
  const sw = onlyToken(must(node(n, 'switchCell')));
  const proc = node(n, 'procName');
  return {
    kind: 'row',
    id: num(must(tok(n, 'CpuId')), 10, 'ID'),
    addr: must(tok(n, 'addr')).image,
    flags: num(must(tok(n, 'flags')), 16, 'FLG'),
    nrun: num(must(tok(n, 'nrun')), 10, 'NRUN'),
    bspl: num(must(tok(n, 'bspl')), 10, 'BSPL'),
    pri: pri.image === '-' ? null : num(pri, 10, 'PRI'),
    runrun: onlyToken(must(node(n, 'runrun'))).image === 'yes',
    kprunrun: onlyToken(must(node(n, 'kprunrun'))).image === 'yes',
    switchTicks: sw.image === '-' ? null : num({ ...sw, image: sw.image.slice(2) }, 10, 'SWITCH'),
    thread: must(tok(n, 'thread')).image,
    proc: proc === undefined ? null : nameText(proc, text),
  };
}

function readBlock(n: CstNode, text: string): BlockLine {
  const kind = Object.keys(n.children)[0];
  const b = must(node(n, kind ?? ''));
  switch (kind) {
    case 'pilHeader':
      return { kind: 'pilHeader' };
    case 'queueHeader':
      return { kind: 'queueHeader' };
    case 'connector':
      return { kind: 'connector' };
    case 'pilRow':
      return { kind: 'pilRow', pil: num(must(tok(b, 'pil')), 10, 'PIL'), thread: must(tok(b, 'thread')).image };
    case 'pinnedRow':
      return { kind: 'pinned', thread: must(tok(b, 'thread')).image, proc: nameText(must(node(b, 'procName')), text) };
    case 'queueRow':
      return {
        kind: 'queueRow',
        pri: num(must(tok(b, 'pri')), 10, 'PRI'),
        thread: must(tok(b, 'thread')).image,
        proc: nameText(must(node(b, 'procName')), text),
      };
    default:
      throw new Bad(1, 'internal: unknown block line');
  }
}

function readVerbose(n: CstNode, text: string): CpuinfoLine {
  const m = node(n, 'margin');
  const b = node(n, 'blockContent');
  const flag = m === undefined ? undefined : tok(m, 'FlagName');
  return { kind: 'verbose', flag: flag === undefined ? null : flag.image, block: b === undefined ? null : readBlock(b, text) };
}

function readHeader(n: CstNode): CpuinfoLine {
  // ADDR is left-aligned in W and FLG (3 wide) follows one space later.
  const gap = must(tok(n, 'FLG')).startOffset - must(tok(n, 'ADDR')).startOffset - 1;
  return { kind: 'header', width: snapAddrWidth(gap) };
}

/** Reads a parsed `line` node; `text` is the line it came from. */
export function readLine(cst: CstNode, text: string): CpuinfoLine | ValueError {
  try {
    const kind = Object.keys(cst.children)[0];
    if (kind === undefined) return { kind: 'blank' };
    const n = must(node(cst, kind));
    switch (kind) {
      case 'header':
        return readHeader(n);
      case 'cpuRow':
        return readRow(n, text);
      case 'wrappedProc':
        return { kind: 'wrappedProc', proc: nameText(must(node(n, 'procName')), text) };
      case 'verboseLine':
        return readVerbose(n, text);
      default:
        return { kind: 'error', col: 1, message: 'internal: unknown line' };
    }
  } catch (e) {
    if (e instanceof Bad) return { kind: 'error', col: e.col, message: e.message };
    throw e;
  }
}
