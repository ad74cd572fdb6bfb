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
  return [{ func: s.func, offset: s.offset, args: [], fp: s.sp, saved: true, line: s.line }, ...rec.frames];
}

/** Frames of a `::stacks` group (no frame pointers, no arguments), innermost first; one array for every member. */
export function stackFromGroup(rec: StacksGroupRecord): StackFrame[] {
  return rec.frames;
}
