// `::rwlock` output into RwlockRecords: a write-locked lock's owner thread, a read-locked lock's
// reader count, and the waiters mdb lists (each marked (W) or (R)). The flag legend is skipped.
import { normalizeAddr } from '../common/numbers.ts';
import type { Diagnostic, GrammarResult, SectionParser } from '../common/source.ts';
import type { RwlockRecord } from '../records.ts';

function words(text: string): string[] {
  return text.split(/[ \t]+/).filter((w) => w.length > 0);
}

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
    if (ws.length === 0 || isRwlockHeader(text) || isLegend(text)) continue;
    // A waiter on a line of its own continues the row above.
    const cont = ws.length === 2 ? waiter(ws[0], ws[1]) : null;
    if (cont !== null && last !== null) {
      last.waiters.push({ ...cont, line: no });
      continue;
    }
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
      // B<wanted-write><write-locked><has-waiters>, the rw_wwwh low bits as mdb prints them.
      writeWanted: flags[1] === '1',
      writeLocked: flags[2] === '1',
      hasWaiters: flags[3] === '1',
      waiters: w === null ? [] : [{ ...w, line: no }],
    };
    records.push(last);
  }
  return { records, unrecognized };
};
