// `::turnstile` output, byte for byte as grammar/turnstile reads it (mdb's genunix turnstile dcmd):
// a header `%?s %?s %5s %4s %?s %?s`, then per turnstile `%0?p %?p %5d %4d %?p %?p`: the turnstile,
// its lock (ts_sobj), ts_waiters, ts_epri, ts_inheritor and ts_prioinv; a NULL pointer prints `0`.
export interface TurnstileView {
  addr: string;
  sobj: string | null;
  waiters: number;
  epri: number;
  inheritor: string | null;
  prioinv: string | null;
}

const ptr = (p: string | null): string => p ?? '0';

/** The header line, printed once before the rows. */
export function turnstileHeader(width: 8 | 16 = 16): string {
  return `${'ADDR'.padStart(width)} ${'SOBJ'.padStart(width)} ${'WTRS'.padStart(5)} ${'EPRI'.padStart(4)} ${'ITOR'.padStart(width)} ${'PRIOINV'.padStart(width)}\n`;
}

export function renderTurnstileRow(t: TurnstileView, width: 8 | 16 = 16): string {
  return (
    [
      t.addr.padStart(width, '0'),
      ptr(t.sobj).padStart(width),
      String(t.waiters).padStart(5),
      String(t.epri).padStart(4),
      ptr(t.inheritor).padStart(width),
      ptr(t.prioinv).padStart(width),
    ].join(' ') + '\n'
  );
}
