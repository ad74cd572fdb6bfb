// `::stacks` text, byte for byte as mdb prints it (findstack.c): header, group line, `-a` member
// rows, frames at W+1 spaces, an empty line after every group.
//
// What unknown values render as:
// - a group whose `thread` is null (a chunk that started mid-group): no group line, frames only;
// - `state` / `sobj` null on a printed group line: `?`; `count` null: `?` right-aligned;
// - frames marked `saved` (the findstack bracket line) are skipped: `::stacks` never lists them;
// - `failure` is printed as given (`<thread not in memory>`, `... truncated ...`) after the frames.
// Text is returned as given (not neutralized).
import type { StacksGroupRecord } from '../../grammar/records.ts';
import { formatOffset } from '../../grammar/common/numbers.ts';
import type { StackFrame } from '../model/snapshot.ts';
import { stackFromGroup } from '../model/stack.ts';

export interface StacksGroupView {
  thread: string | null;
  /** Other threads of the group, printed by `-a` with COUNT `-`. */
  members?: readonly string[];
  state: string | null;
  sobj: string | null;
  count: number | null;
  stack: readonly StackFrame[];
  failure?: string | null;
}

export interface StacksOptions {
  /** Pointer width in hex digits: 16 for 64-bit mdb, 8 for 32-bit. Default 16. */
  addrWidth?: 8 | 16;
  /** `once` (default) before the first group, `each` before every group (`-a`), or `none`. */
  header?: 'once' | 'each' | 'none';
}

/** A parsed group as the renderer takes it. */
export function stacksView(rec: StacksGroupRecord): StacksGroupView {
  return {
    thread: rec.thread,
    members: rec.members.map((m) => m.thread),
    state: rec.stateText,
    sobj: rec.sobj,
    count: rec.count,
    stack: stackFromGroup(rec),
    failure: rec.failure,
  };
}

export function stacksHeader(w: number): string {
  return `${'THREAD'.padEnd(w)} ${'STATE'.padEnd(8)} ${'SOBJ'.padEnd(w)} ${'COUNT'.padStart(8)}\n`;
}

export function renderStacks(groups: readonly StacksGroupView[], opts: StacksOptions = {}): string {
  const w = opts.addrWidth ?? 16;
  const mode = opts.header ?? 'once';
  const indent = ' '.repeat(w + 1);
  let out = '';
  groups.forEach((g, i) => {
    if (mode === 'each' || (mode === 'once' && i === 0)) out += stacksHeader(w);
    const row = (thread: string, count: string): string =>
      `${thread.padEnd(w)} ${(g.state ?? '?').padEnd(8)} ${(g.sobj ?? '?').padEnd(w)} ${count.padStart(8)}\n`;
    if (g.thread !== null) out += row(g.thread, g.count === null ? '?' : String(g.count));
    for (const m of g.members ?? []) out += row(m, '-');
    for (const f of g.stack) if (!f.saved) out += indent + f.func + formatOffset(f.offset) + '\n';
    if (g.failure) out += indent + g.failure + '\n';
    out += '\n';
  });
  return out;
}
