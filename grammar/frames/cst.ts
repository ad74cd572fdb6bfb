// Reading values out of the CSTs the stack grammars build. Shared by findstack, stacks,
// threadlist and frames.
import type { CstElement, CstNode, IToken } from '../common/chevrotain.ts';
import { parseOffset } from '../common/numbers.ts';
import type { Frame } from '../records.ts';

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

/** The i-th token stored under `name` (a token type or a LABEL), if any. */
export function tok(node: CstNode, name: string, i = 0): IToken | undefined {
  const list = node.children[name];
  const e = list?.[i];
  return e !== undefined && isToken(e) ? e : undefined;
}

/** All tokens stored under `name`. */
export function toks(node: CstNode, name: string): IToken[] {
  const list = node.children[name] ?? [];
  return list.filter(isToken);
}

/** The first sub-node stored under `name`, if any. */
export function sub(node: CstNode, name: string): CstNode | undefined {
  const e = node.children[name]?.[0];
  return e !== undefined && !isToken(e) ? e : undefined;
}

/** The name of the single rule (or token) a line-level OR chose. */
export function chosen(node: CstNode): string | undefined {
  return Object.keys(node.children)[0];
}

/** `{func, offset}` from a `pc` node; a leading `~` (tail call, see isTailCall) is not part of the name. */
export function pcFromCst(pc: CstNode): { func: string; offset: number | null } {
  const image = tok(pc, 'func')?.image ?? '';
  const off = tok(pc, 'offset');
  return { func: image.startsWith('~') ? image.slice(1) : image, offset: off ? parseOffset(off.image) : null };
}

/** A `~` before the name of a `pc` node: the frame was reached by a tail call. */
export function isTailCall(pc: CstNode): boolean {
  return tok(pc, 'func')?.image.startsWith('~') === true;
}

/** A Frame from a `frame` node (`[fp ]pc[(args)]`). */
export function frameFromCst(frame: CstNode, line: number): Frame {
  const pc = sub(frame, 'pc');
  const { func, offset } = pc ? pcFromCst(pc) : { func: '', offset: null };
  const tailCall = pc !== undefined && isTailCall(pc);
  const args = sub(frame, 'frameArgs');
  const f: Frame = {
    fp: tok(frame, 'fp')?.image ?? null,
    func,
    offset,
    args: args ? toks(args, 'arg').map((t) => t.image) : null,
    line,
  };
  if (tailCall) f.tailCall = true;
  return f;
}

/** A `pc`-only frame (`::stacks`, which prints no frame pointer and no arguments). */
export function pcFrame(pc: CstNode, line: number): Frame {
  const { func, offset } = pcFromCst(pc);
  const f: Frame = { fp: null, func, offset, args: null, line };
  if (isTailCall(pc)) f.tailCall = true;
  return f;
}
