// Stack records (grammar output) to the snapshot's StackFrame lists.
import type { StackRecord, StacksGroupRecord } from '../../grammar/records.ts';
import type { StackFrame } from './snapshot.ts';

// A record's frames already have a StackFrame's shape and are never changed after parsing, so the
// snapshot shares them instead of copying: on a large dump the frames are most of the memory.

/**
 * Frames of a `::findstack` / `$C` / `$c` record, innermost first. The bracketed saved-PC line, when
 * present, comes first with `saved: true`, its stack pointer in `fp` and `args` [] (it prints `()`).
 */
export function stackFromRecord(rec: StackRecord): StackFrame[] {
  if (!rec.savedPc) return rec.frames;
  const s = rec.savedPc;
  const saved: StackFrame = { func: s.func, offset: s.offset, args: [], fp: s.sp, saved: true, line: s.line };
  return [saved].concat(rec.frames);
}

/** Frames of a `::stacks` group (no frame pointers, no arguments), innermost first; one array for every member. */
export function stackFromGroup(rec: StacksGroupRecord): StackFrame[] {
  return rec.frames;
}

/**
 * Shared stacks, for inputs too large to keep every frame: threads whose stacks have the same
 * functions and offsets get one frame list between them, as `::stacks` groups them. A shared frame
 * keeps only what the threads have in common: no frame pointer, no arguments (null), and line 0,
 * "not kept", since each thread's frame sat on a line of its own. The thread's `lines.stack` still
 * gives its own `stack pointer` line.
 */
export class SharedStacks {
  // A trie over (saved mark, function, offset), one level per frame: a stack seen before is found
  // with a few lookups of interned strings, without building a key for it.
  private readonly root = new ShapeNode();

  share(frames: readonly StackFrame[]): StackFrame[] {
    let node = this.root;
    for (const f of frames) node = node.child(f.func, f.offset, f.saved === true);
    return node.stack ?? this.keep(node, frames);
  }

  /** share(stackFromRecord(rec)), without building that list for a stack seen before. */
  shareRecord(rec: StackRecord): StackFrame[] {
    let node = this.root;
    if (rec.savedPc !== null) node = node.child(rec.savedPc.func, rec.savedPc.offset, true);
    for (const f of rec.frames) node = node.child(f.func, f.offset, false);
    return node.stack ?? this.keep(node, stackFromRecord(rec));
  }

  /** The first thread with this stack: its frames, stripped to what every thread shares. */
  private keep(node: ShapeNode, frames: readonly StackFrame[]): StackFrame[] {
    const stack = frames.map((f): StackFrame => (f.saved === true ? { func: f.func, offset: f.offset, args: null, fp: null, saved: true, line: 0 } : { func: f.func, offset: f.offset, args: null, fp: null, line: 0 }));
    node.stack = stack;
    return stack;
  }
}

type Branches = Map<string, Map<number | null, ShapeNode>>;

class ShapeNode {
  stack: StackFrame[] | null = null;
  // Made on first use: most nodes have one child or none, and a dump of unlike stacks has many nodes.
  private next: Branches | null = null;
  /** The saved-PC frame prints differently, so it is part of the shape: it has a branch of its own. */
  private nextSaved: Branches | null = null;

  child(func: string, offset: number | null, saved: boolean): ShapeNode {
    const next = saved ? (this.nextSaved ??= new Map()) : (this.next ??= new Map());
    let byOffset = next.get(func);
    if (byOffset === undefined) {
      byOffset = new Map();
      next.set(func, byOffset);
    }
    let node = byOffset.get(offset);
    if (node === undefined) {
      node = new ShapeNode();
      byOffset.set(offset, node);
    }
    return node;
  }
}
