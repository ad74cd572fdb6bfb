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
 *
 * Distinct stacks are compact too: each (function, offset, saved mark) is one frame object for
 * every stack that has it, so a distinct stack costs one array of references, and stacks are found
 * again by a hash of their frames' numbers, with no per-stack key or tree node.
 */
export class SharedStacks {
  /** Interned frames: function -> offset -> frame; the saved-PC frame prints differently, so it has its own. */
  private readonly plain = new Map<string, Interned | Map<number | null, Interned>>();
  private readonly saved = new Map<string, Interned | Map<number | null, Interned>>();
  private nextId = 1;
  /** Stack hash -> the stack, or the stacks, with that hash. */
  private readonly byHash = new Map<number, StackFrame[] | StackFrame[][]>();
  /** Reused while looking a stack up, so a stack seen before allocates nothing. */
  private scratch: StackFrame[] = [];
  private scratchIds: number[] = [];

  share(frames: readonly StackFrame[]): StackFrame[] {
    this.begin();
    for (const f of frames) this.push(f.func, f.offset, f.saved === true);
    return this.end();
  }

  /** share(stackFromRecord(rec)), without building that list for a stack seen before. */
  shareRecord(rec: StackRecord): StackFrame[] {
    this.begin();
    if (rec.savedPc !== null) this.push(rec.savedPc.func, rec.savedPc.offset, true);
    for (const f of rec.frames) this.push(f.func, f.offset, false);
    return this.end();
  }

  private begin(): void {
    this.scratch.length = 0;
    this.scratchIds.length = 0;
  }

  private push(func: string, offset: number | null, saved: boolean): void {
    const table = saved ? this.saved : this.plain;
    // Most functions show one offset: the entry itself until a second one needs a Map.
    const at = table.get(func);
    let e: Interned | undefined;
    if (at === undefined) {
      e = this.intern(func, offset, saved);
      table.set(func, e);
    } else if (at instanceof Map) {
      e = at.get(offset);
      if (e === undefined) at.set(offset, (e = this.intern(func, offset, saved)));
    } else if (at.frame.offset === offset) {
      e = at;
    } else {
      e = this.intern(func, offset, saved);
      table.set(func, new Map([[at.frame.offset, at], [offset, e]]));
    }
    this.scratch.push(e.frame);
    this.scratchIds.push(e.id);
  }

  private intern(func: string, offset: number | null, saved: boolean): Interned {
    const frame: StackFrame = saved ? { func, offset, args: null, fp: null, saved: true, line: 0 } : { func, offset, args: null, fp: null, line: 0 };
    return { frame, id: this.nextId++ };
  }

  private end(): StackFrame[] {
    let h = this.scratchIds.length;
    for (const id of this.scratchIds) h = Math.imul(h ^ id, 0x9e3779b1) + 0x7f4a7c15;
    h |= 0;
    const found = this.byHash.get(h);
    if (found !== undefined) {
      // One stack under this hash (an array of frames) or several (an array of arrays).
      if (!Array.isArray(found[0])) {
        if (this.same(found as StackFrame[])) return found as StackFrame[];
        const stack = this.scratch.slice();
        this.byHash.set(h, [found as StackFrame[], stack]);
        return stack;
      }
      for (const s of found as StackFrame[][]) if (this.same(s)) return s;
      const stack = this.scratch.slice();
      (found as StackFrame[][]).push(stack);
      return stack;
    }
    const stack = this.scratch.slice();
    this.byHash.set(h, stack);
    return stack;
  }

  /** Is `stack` the one in scratch? Frames are interned, so identity is equality. */
  private same(stack: readonly StackFrame[]): boolean {
    if (stack.length !== this.scratch.length) return false;
    for (let i = 0; i < stack.length; i++) if (stack[i] !== this.scratch[i]) return false;
    return true;
  }
}

interface Interned {
  frame: StackFrame;
  id: number;
}
