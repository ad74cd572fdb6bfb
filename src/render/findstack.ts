// `::findstack [-v]` text, byte for byte as mdb prints it (findstack.c print_stack, amd64 $C/$C0).
//
// What unknown values render as:
// - `sp` null: the saved-PC frame's stack pointer (mdb prints the same value in both places), else `?`;
// - `desc` null with `withDesc`: ` ()`, as mdb prints when it cannot build a description;
// - a frame with `fp` null (frames that came from `$c` or `::stacks`): no frame-pointer column;
// - `args` null under `verbose`: `()`.
// Text is returned as given (not neutralized): callers that show it on a terminal neutralize it.
import type { StackFrame } from '../model/snapshot.ts';
import { formatOffset } from '../../grammar/common/numbers.ts';

export interface FindstackView {
  addr: string;
  /** 2018+ thread description, without the parentheses. */
  desc?: string | null;
  /** Thread is TS_FREE. */
  free?: boolean;
  sp: string | null;
  stack: readonly StackFrame[];
}

export interface FindstackOptions {
  /** `-v`: print the arguments (`$C`); else `()` (`$C0`). */
  verbose: boolean;
  /** Print the 2018+ ` (desc)` part; defaults to whether `desc` is set. */
  withDesc?: boolean;
  /** Pointer width in hex digits: 16 for 64-bit mdb, 8 for 32-bit. Default 16. */
  addrWidth?: 8 | 16;
}

function zeroPad(hex: string, w: number): string {
  return hex.length >= w ? hex : '0'.repeat(w - hex.length) + hex;
}

/** One block, every line ending in a newline (no blank line after it). */
export function renderFindstack(t: FindstackView, opts: FindstackOptions): string {
  const w = opts.addrWidth ?? 16;
  const saved = t.stack.find((f) => f.saved === true);
  const sp = t.sp ?? saved?.fp ?? '?';
  const withDesc = opts.withDesc ?? (t.desc !== undefined && t.desc !== null);
  let out = `stack pointer for thread ${t.addr}${t.free ? ' (TS_FREE)' : ''}${withDesc ? ` (${t.desc ?? ''})` : ''}: ${sp}\n`;
  for (const f of t.stack) {
    const pc = f.func + formatOffset(f.offset);
    if (f.saved) {
      out += `[ ${zeroPad(f.fp ?? sp, w)} ${pc}() ]\n`;
      continue;
    }
    const fp = f.fp !== null ? zeroPad(f.fp, w) + ' ' : '';
    const args = opts.verbose && f.args ? f.args.join(', ') : '';
    out += `  ${fp}${pc}(${args})\n`;
  }
  return out;
}
