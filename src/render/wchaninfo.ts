// `::wchaninfo [-v]` output, byte for byte as grammar/wchaninfo reads it (mdb's genunix wchaninfo
// dcmd): a header `%-?s %-4s %8s` (with -v `   %-?s %s` more), then per channel `%0?p %4s %8d`;
// with -v the first waiter follows `:  ` and each other is indented under it, `%0?p %s`.
export interface WchanView {
  addr: string;
  /** `cond`, `sema`, or mdb's `??`. */
  type: string;
  count: number;
  waiters: { thread: string; proc: string }[];
}

/** mdb indents a further waiter by sizeof (uintptr_t) * 2 + 17: under the first. */
function waiterIndent(width: 8 | 16): number {
  return width + 17;
}

export function wchaninfoHeader(verbose: boolean, width: 8 | 16 = 16): string {
  const head = `${'ADDR'.padEnd(width)} ${'TYPE'.padEnd(4)} ${'NWAITERS'.padStart(8)}`;
  return verbose ? `${head}   ${'THREAD'.padEnd(width)} PROC` : head;
}

/** One channel's lines (without newlines). */
export function wchaninfoLines(c: WchanView, verbose: boolean, width: 8 | 16 = 16): string[] {
  const row = `${c.addr.padStart(width, '0')} ${c.type.padStart(4)} ${String(c.count).padStart(8)}`;
  if (!verbose) return [row];
  return c.waiters.map((w, i) => {
    const who = `${w.thread.padStart(width, '0')} ${w.proc}`;
    return i === 0 ? `${row}:  ${who}` : `${' '.repeat(waiterIndent(width))}${who}`;
  });
}
