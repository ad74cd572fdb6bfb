// `ADDR::mutex` output, byte for byte as grammar/mutex reads it (mdb's mutex dcmd): a header, then
// ADDR (%?p), TYPE (%5s), HELD (the owner %?p, or `no`; a spin mutex's yes/no), MINSPL and OLDSPL
// (%6s, `-` for an adaptive mutex), WAITERS (%7s yes/no, `-` for a spin mutex).
import type { MutexRecord } from '../../grammar/records.ts';

export interface MutexRenderOptions {
  /** Pointer width: 16 on 64-bit mdb, 8 on 32-bit. */
  addrWidth?: 8 | 16;
}

export type MutexView = Pick<MutexRecord, 'addr' | 'type' | 'owner' | 'held' | 'minspl' | 'oldspl' | 'waiters'>;

const yn = (b: boolean | null): string => (b === null ? '-' : b ? 'yes' : 'no');
const num = (n: number | null): string => (n === null ? '-' : String(n));

/** The header line `::mutex` prints before its row. */
export function mutexHeader(width: 8 | 16 = 16): string {
  return `${'ADDR'.padStart(width)} ${'TYPE'.padStart(5)} ${'HELD'.padStart(width)} MINSPL OLDSPL WAITERS\n`;
}

/** One `ADDR::mutex` block: header and row. */
export function renderMutex(m: MutexView, opts: MutexRenderOptions = {}): string {
  const w = opts.addrWidth ?? 16;
  const held = m.type === 'spin' ? yn(m.held) : m.owner ?? 'no';
  const row = [
    m.addr.padStart(w, '0'),
    m.type.padStart(5),
    held.padStart(w),
    num(m.minspl).padStart(6),
    num(m.oldspl).padStart(6),
    (m.type === 'spin' ? '-' : yn(m.waiters)).padStart(7),
  ].join(' ');
  return mutexHeader(w) + row + '\n';
}
