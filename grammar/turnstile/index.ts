// `::turnstile` output into TurnstileRecords. mdb's genunix turnstile dcmd prints
// `%0?p %?p %5d %4d %?p %?p` under ADDR SOBJ WTRS EPRI ITOR PRIOINV: the turnstile, the lock it
// queues waiters for, how many wait, their highest priority, the thread that inherited it (the
// lock's owner, when a waiter outranked it) and the owner's chain of inherited priorities.
import { words } from '../common/lines.ts';
import { normalizeAddr } from '../common/numbers.ts';
import type { Diagnostic, GrammarResult, SectionParser } from '../common/source.ts';
import type { TurnstileRecord } from '../records.ts';

/** The header's columns: `            ADDR             SOBJ  WTRS EPRI             ITOR          PRIOINV`, one word each in a row. */
export const TURNSTILE_COLUMNS: readonly string[] = ['ADDR', 'SOBJ', 'WTRS', 'EPRI', 'ITOR', 'PRIOINV'];

export function isTurnstileHeader(text: string): boolean {
  const ws = words(text);
  return ws.length === TURNSTILE_COLUMNS.length && TURNSTILE_COLUMNS.every((c, i) => ws[i] === c);
}

/** `%d` of an int: an optional minus and at most 10 digits. */
function int(w: string): number | null {
  return /^-?[0-9]{1,10}$/.test(w) ? Number(w) : null;
}

/** `%?p` of a pointer that may be NULL (`0`): the address, null for NULL; undefined when not a pointer. */
function pointer(w: string): string | null | undefined {
  const a = normalizeAddr(w);
  if (a === null) return undefined;
  return /^0+$/.test(a) ? null : a;
}

export const parseTurnstile: SectionParser = (lines): GrammarResult => {
  const records: TurnstileRecord[] = [];
  const unrecognized: Diagnostic[] = [];
  for (const { no, text } of lines) {
    const ws = words(text);
    if (ws.length === 0 || isTurnstileHeader(text)) continue;
    const addr = ws.length === 6 ? pointer(ws[0]!) : undefined;
    const sobj = ws.length === 6 ? pointer(ws[1]!) : undefined;
    const waiters = ws.length === 6 ? int(ws[2]!) : null;
    const epri = ws.length === 6 ? int(ws[3]!) : null;
    const inheritor = ws.length === 6 ? pointer(ws[4]!) : undefined;
    const prioinv = ws.length === 6 ? pointer(ws[5]!) : undefined;
    if (addr == null || sobj === undefined || waiters === null || epri === null || inheritor === undefined || prioinv === undefined) {
      unrecognized.push({ line: no, col: 1, message: '::turnstile: expected ADDR SOBJ WTRS EPRI ITOR PRIOINV (pointers in hex, counts in decimal)' });
      continue;
    }
    records.push({ kind: 'turnstile', line: no, addr, sobj, waiters, epri, inheritor });
  }
  return { records, unrecognized };
};
