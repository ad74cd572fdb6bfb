// Reading frames out of the typed CSTs of the stack grammars (findstack, stacks, threadlist and
// frames share the frame rules, so their `pc` and `frame` nodes have one shape).
import { first, one } from '../common/cst.ts';
import { parseOffset } from '../common/numbers.ts';
import type { Frame } from '../records.ts';
import type { FrameCstNode, PcCstNode } from './cst-types.ts';

/** `{func, offset}` from a `pc` node. */
export function pcFromCst(pc: PcCstNode): { func: string; offset: number | null } {
  const c = pc.children;
  const off = first(c.offset);
  return { func: one(c.func).image, offset: off ? parseOffset(off.image) : null };
}

/** A Frame from a `frame` node (`[fp ]pc[(args)]`). */
export function frameFromCst(frame: FrameCstNode, line: number): Frame {
  const c = frame.children;
  const { func, offset } = pcFromCst(one(c.pc));
  const args = first(c.frameArgs);
  return {
    fp: first(c.fp)?.image ?? null,
    func,
    offset,
    args: args ? (args.children.arg ?? []).map((t) => t.image) : null,
    line,
  };
}

/** A `pc`-only frame (`::stacks`, which prints no frame pointer and no arguments). */
export function pcFrame(pc: PcCstNode, line: number): Frame {
  const { func, offset } = pcFromCst(pc);
  return { fp: null, func, offset, args: null, line };
}
