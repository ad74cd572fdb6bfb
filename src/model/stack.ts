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
  private readonly byShape = new Map<string, StackFrame[]>();

  share(frames: readonly StackFrame[]): StackFrame[] {
    let shape = '';
    for (const f of frames) shape += `${f.saved === true ? '[' : ''}${f.func}+${f.offset ?? ''}\n`;
    let shared = this.byShape.get(shape);
    if (shared === undefined) {
      shared = frames.map((f) => (f.saved === true ? { func: f.func, offset: f.offset, args: null, fp: null, saved: true, line: 0 } : { func: f.func, offset: f.offset, args: null, fp: null, line: 0 }));
      this.byShape.set(shape, shared);
    }
    return shared;
  }

  /** How many distinct stacks were seen. */
  get size(): number {
    return this.byShape.size;
  }
}
