// Reading frames out of the typed CSTs of the stack grammars (findstack, stacks, threadlist and
// frames share the frame rules, so their `pc` and `frame` nodes have one shape).
import { first, one } from '../common/cst.ts';
import { isPaddedPointer, parseOffset } from '../common/numbers.ts';
import type { Frame } from '../records.ts';
import type { FrameCstNode, PcCstNode } from './cst-types.ts';

/** `{func, offset}` from a `pc` node; a leading `~` (tail call, see isTailCall) is not part of the name. */
export function pcFromCst(pc: PcCstNode): { func: string; offset: number | null } {
  const c = pc.children;
  const off = first(c.offset);
  const image = one(c.func).image;
  return { func: image.startsWith('~') ? image.slice(1) : image, offset: off ? parseOffset(off.image) : null };
}

/** A `~` before the name of a `pc` node: the frame was reached by a tail call. */
export function isTailCall(pc: PcCstNode): boolean {
  return one(pc.children.func).image.startsWith('~');
}

/** A Frame from a `frame` node (`[fp ]pc[(args)]`). */
export function frameFromCst(frame: FrameCstNode, line: number): Frame {
  const c = frame.children;
  const pc = one(c.pc);
  const { func, offset } = pcFromCst(pc);
  const args = first(c.frameArgs);
  const f: Frame = {
    fp: first(c.fp)?.image ?? null,
    func,
    offset,
    args: args ? (args.children.arg ?? []).map((t) => t.image) : null,
    line,
  };
  if (isTailCall(pc)) f.tailCall = true;
  return f;
}

/**
 * A frame pointer alone on its line (`  ffffff0008e3aaa0`): `$C` and `::findstack` print every
 * frame with its `(...)`, so a word as wide as a pointer with nothing after it is a line a wrap
 * cut, not a function spelled with hex letters. The message to give it, or null.
 */
export function lonePointer(frame: FrameCstNode, what: string): string | null {
  const c = frame.children;
  if (c.fp !== undefined || c.frameArgs !== undefined) return null;
  const pc = one(c.pc).children;
  const word = one(pc.func).image;
  return pc.offset === undefined && isPaddedPointer(word) ? `${what}: ${word} is a frame pointer with no function after it (a line a wrap cut?)` : null;
}

/** A `pc`-only frame (`::stacks`, which prints no frame pointer and no arguments). */
export function pcFrame(pc: PcCstNode, line: number): Frame {
  const { func, offset } = pcFromCst(pc);
  const f: Frame = { fp: null, func, offset, args: null, line };
  if (isTailCall(pc)) f.tailCall = true;
  return f;
}
