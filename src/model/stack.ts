// Stack records (grammar output) to the snapshot's StackFrame lists.
import type { StackRecord, StacksGroupRecord } from '../../grammar/records.ts';
import type { StackFrame } from './snapshot.ts';

/**
 * Frames of a `::findstack` / `$C` / `$c` record, innermost first. The bracketed saved-PC line, when
 * present, comes first with `saved: true`, its stack pointer in `fp` and `args` [] (it prints `()`).
 */
export function stackFromRecord(rec: StackRecord): StackFrame[] {
  const out: StackFrame[] = [];
  if (rec.savedPc) {
    const s = rec.savedPc;
    out.push({ func: s.func, offset: s.offset, args: [], fp: s.sp, saved: true, line: s.line });
  }
  for (const f of rec.frames) {
    out.push({ func: f.func, offset: f.offset, args: f.args ? [...f.args] : null, fp: f.fp, line: f.line });
  }
  return out;
}

/** Frames of a `::stacks` group (no frame pointers, no arguments), innermost first. */
export function stackFromGroup(rec: StacksGroupRecord): StackFrame[] {
  return rec.frames.map((f) => ({ func: f.func, offset: f.offset, args: null, fp: null, line: f.line }));
}
