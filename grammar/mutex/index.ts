// `::mutex` output into MutexRecords: an adaptive mutex's owner (the HELD thread) and whether
// threads wait on it; a spin mutex's held flag and saved SPLs.
import { words } from '../common/lines.ts';
import { normalizeAddr } from '../common/numbers.ts';
import type { Diagnostic, GrammarResult, SectionParser } from '../common/source.ts';
import type { MutexRecord } from '../records.ts';

/** The header's columns: `            ADDR  TYPE             HELD MINSPL OLDSPL WAITERS`, one word each in a row. */
export const MUTEX_COLUMNS: readonly string[] = ['ADDR', 'TYPE', 'HELD', 'MINSPL', 'OLDSPL', 'WAITERS'];

export function isMutexHeader(text: string): boolean {
  const ws = words(text);
  return ws.length === MUTEX_COLUMNS.length && ws[0] === 'ADDR' && ws[1] === 'TYPE' && ws[2] === 'HELD' && ws[5] === 'WAITERS';
}

function yesNo(w: string): boolean | null {
  return w === 'yes' ? true : w === 'no' ? false : null;
}

function spl(w: string): number | null {
  return /^[0-9]{1,3}$/.test(w) ? Number(w) : null;
}

export const parseMutex: SectionParser = (lines): GrammarResult => {
  const records: MutexRecord[] = [];
  const unrecognized: Diagnostic[] = [];
  for (const { no, text } of lines) {
    const ws = words(text);
    if (ws.length === 0 || isMutexHeader(text)) continue;
    const addr = ws.length === 6 ? normalizeAddr(ws[0]!) : null;
    const [, type, held, minspl, oldspl, waiters] = ws as [string, string, string, string, string, string];
    if (addr === null || (type !== 'adapt' && type !== 'spin')) {
      unrecognized.push({ line: no, col: 1, message: '::mutex: expected ADDR TYPE HELD MINSPL OLDSPL WAITERS' });
      continue;
    }
    // Adaptive: HELD is the owner thread or `no` (mdb prints `%?s` "no" for an unowned one; `-` is
    // accepted too), WAITERS yes/no. Spin: HELD yes/no, SPLs, WAITERS `-`.
    const free = held === 'no' || held === '-';
    const owner = type === 'adapt' && !free ? normalizeAddr(held) : null;
    if (type === 'adapt' && !free && owner === null) {
      unrecognized.push({ line: no, col: 1, message: '::mutex: HELD of an adaptive mutex must be a thread or no' });
      continue;
    }
    records.push({
      kind: 'mutex',
      line: no,
      addr,
      type,
      owner,
      held: type === 'spin' ? yesNo(held) : owner !== null,
      minspl: spl(minspl),
      oldspl: spl(oldspl),
      waiters: yesNo(waiters),
    });
  }
  return { records, unrecognized };
};
