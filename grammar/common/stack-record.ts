// The one place a StackRecord starts out: every stack-printing grammar fills in from here.
import type { StackRecord } from '../records.ts';

export function blankStackRecord(line: number, source: StackRecord['source'], thread: string | null = null): StackRecord {
  return { kind: 'stack', line, thread, threadDesc: null, free: false, sp: null, savedPc: null, frames: [], failure: null, source };
}
