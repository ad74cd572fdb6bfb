// `::rwlock` output into RwlockRecords: a write-locked lock's owner thread, a read-locked lock's
// reader count, and the waiters mdb lists (each marked (W) or (R)). The layout is mdb's genunix
// rwlock dcmd: `%?p %*p  B%c%c%c` then one waiter per line, the first after the flags and the rest
// after the legend lines (`|   | |`, `WRITE_LOCKED ------+ |`) or alone; the legend is skipped.
import { words } from '../common/lines.ts';
import { normalizeAddr } from '../common/numbers.ts';
import type { Diagnostic, GrammarResult, SectionParser } from '../common/source.ts';
import type { RwlockRecord } from '../records.ts';

/** `            ADDR      OWNER/COUNT FLAGS          WAITERS` */
export function isRwlockHeader(text: string): boolean {
  const ws = words(text);
  return ws.length === 4 && ws[0] === 'ADDR' && ws[1] === 'OWNER/COUNT' && ws[2] === 'FLAGS' && ws[3] === 'WAITERS';
}

/** The legend under a row: `||`, `WRITE_LOCKED ------+|`: bars, dashes, pluses and an upper-case flag name. */
function isLegend(text: string): boolean {
  const t = text.trim();
  let i = 0;
  while (i < t.length && /[A-Z_]/.test(t[i]!)) i++;
  const rest = t.slice(i);
  return rest.length > 0 && /^[-+| \t]+$/.test(rest);
}

/** `ffffff000f4a9c40 (W)`: a waiter and what it waits for; null when the words are not that. */
function waiter(a: string | undefined, b: string | undefined): { thread: string; writer: boolean } | null {
  if (a === undefined || (b !== '(W)' && b !== '(R)')) return null;
  const t = normalizeAddr(a);
  return t === null ? null : { thread: t, writer: b === '(W)' };
}

export const parseRwlock: SectionParser = (lines): GrammarResult => {
  const records: RwlockRecord[] = [];
  const unrecognized: Diagnostic[] = [];
  let last: RwlockRecord | null = null;
  for (const { no, text } of lines) {
    const ws = words(text);
    if (ws.length === 0 || isRwlockHeader(text)) continue;
    // A waiter at the end of a legend line, or on a line of its own, continues the row above.
    const n = ws.length;
    const tail = n >= 2 ? waiter(ws[n - 2], ws[n - 1]) : null;
    if (tail !== null && last !== null && (n === 2 || isLegend(ws.slice(0, n - 2).join(' ')))) {
      last.waiters.push({ ...tail, line: no });
      continue;
    }
    if (isLegend(text)) continue;
    const addr = normalizeAddr(ws[0] ?? '');
    const flags = ws[2] ?? '';
    if (addr === null || ws.length < 3 || !/^B[01]{3}$/.test(flags)) {
      unrecognized.push({ line: no, col: 1, message: '::rwlock: expected ADDR OWNER/COUNT FLAGS [WAITER (W|R)]' });
      continue;
    }
    // OWNER/COUNT: the writer thread, `READERS=n` (or a bare count) when read-locked, `-` when free.
    const oc = ws[1]!;
    const readers = /^READERS=([0-9]{1,9})$/.exec(oc) ?? /^([0-9]{1,9})$/.exec(oc);
    const owner = oc === '-' || readers !== null ? null : normalizeAddr(oc);
    if (oc !== '-' && readers === null && owner === null) {
      unrecognized.push({ line: no, col: 1, message: '::rwlock: OWNER/COUNT must be a thread, READERS=n or -' });
      continue;
    }
    const w = waiter(ws[3], ws[4]);
    last = {
      kind: 'rwlock',
      line: no,
      addr,
      owner,
      readers: readers === null ? null : Number(readers[1]),
      // B<bit 2><bit 1><bit 0> of rw_wwwh: RW_WRITE_LOCKED 4, RW_WRITE_WANTED 2, RW_HAS_WAITERS 1.
      writeLocked: flags[1] === '1',
      writeWanted: flags[2] === '1',
      hasWaiters: flags[3] === '1',
      waiters: w === null ? [] : [{ ...w, line: no }],
    };
    records.push(last);
  }
  return { records, unrecognized };
};
