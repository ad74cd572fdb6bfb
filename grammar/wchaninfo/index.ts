// `::wchaninfo [-v]` output into WchanRecords. mdb's genunix wchaninfo dcmd walks the sleep queues
// (condition variables and semaphores, never turnstiles) and prints `%0?p %4s %8d` (ADDR TYPE
// NWAITERS); with -v each waiter follows, the first after `:  ` on the row, the others alone on
// their lines indented under it, as `%0?p %s` (the thread and its process's u_comm).
import { normalizeAddr } from '../common/numbers.ts';
import { words } from '../common/lines.ts';
import type { Diagnostic, GrammarResult, SectionParser } from '../common/source.ts';
import type { WchanRecord } from '../records.ts';

/** `ADDR             TYPE NWAITERS` or, with -v, `... NWAITERS   THREAD           PROC`. */
export function isWchaninfoHeader(text: string): boolean {
  const ws = words(text);
  const head = ws[0] === 'ADDR' && ws[1] === 'TYPE' && ws[2] === 'NWAITERS';
  return head && (ws.length === 3 || (ws.length === 5 && ws[3] === 'THREAD' && ws[4] === 'PROC'));
}

const TYPES: ReadonlySet<string> = new Set(['cond', 'sema', '??']);

/** The text after the first `n` words of a line, trimmed (u_comm may hold spaces). */
function after(text: string, n: number): string {
  let rest = text.trimStart();
  for (let i = 0; i < n; i++) {
    const sp = rest.search(/[ \t]/);
    rest = sp < 0 ? '' : rest.slice(sp).trimStart();
  }
  return rest.trimEnd();
}

export const parseWchaninfo: SectionParser = (lines): GrammarResult => {
  const records: WchanRecord[] = [];
  const unrecognized: Diagnostic[] = [];
  let last: WchanRecord | null = null;
  const bad = (no: number, why: string) => unrecognized.push({ line: no, col: 1, message: `::wchaninfo: ${why}` });
  for (const { no, text } of lines) {
    const ws = words(text);
    if (ws.length === 0 || isWchaninfoHeader(text)) continue;
    const addr = normalizeAddr(ws[0]!);
    if (ws.length >= 3 && addr !== null && TYPES.has(ws[1]!)) {
      // `ADDR TYPE N` or, with -v, `ADDR TYPE N:  THREAD PROC`.
      const verbose = ws[2]!.endsWith(':');
      const count = verbose ? ws[2]!.slice(0, -1) : ws[2]!;
      if (!/^[0-9]{1,9}$/.test(count) || (verbose ? ws.length < 4 : ws.length !== 3)) {
        bad(no, 'expected ADDR TYPE NWAITERS[:  THREAD PROC]');
        last = null;
        continue;
      }
      const waiter = verbose ? normalizeAddr(ws[3]!) : null;
      if (verbose && waiter === null) {
        bad(no, 'THREAD after `:` must be a thread address');
        last = null;
        continue;
      }
      const type = ws[1] === '??' ? null : (ws[1] as 'cond' | 'sema');
      last = { kind: 'wchaninfo', line: no, addr, type, count: Number(count), waiters: waiter === null ? [] : [{ thread: waiter, proc: after(text, 4) || null, line: no }] };
      records.push(last);
      continue;
    }
    // A further waiter of the row above: `THREAD PROC`, indented.
    if (last !== null && last.waiters.length > 0 && addr !== null && text.startsWith(' ')) {
      last.waiters.push({ thread: addr, proc: after(text, 1) || null, line: no });
      continue;
    }
    bad(no, 'expected ADDR TYPE NWAITERS, or a waiter (THREAD PROC) under a -v row');
  }
  return { records, unrecognized };
};
