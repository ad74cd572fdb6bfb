// What an address before a dcmd names in the snapshot: a thread, a CPU (by id or cpu_t address),
// or a thread's class data. mdb reads the address in hex unless it has a radix prefix (`0t12`).
import { parseMdbBigInt } from '../../grammar/common/numbers.ts';
import { toAddr, type Addr } from '../../illumos/index.ts';
import type { Analysis } from '../analysis.ts';
import type { Cpu, Thread } from '../model/snapshot.ts';

export type Found<T> = { ok: true; value: T } | { ok: false; error: string };

/** The address an expression evaluates to; symbols need a symbol table a paste does not have. */
export function evalAddr(text: string): Found<Addr> {
  const v = parseMdbBigInt(text, 16);
  if (v === null || v < 0n) return { ok: false, error: `failed to evaluate '${text}': unknown symbol name (a pasted dump has no symbol table)` };
  return { ok: true, value: toAddr(v.toString(16))! };
}

export function threadAt(a: Analysis, addr: Addr): Found<Thread> {
  const t = a.snapshot.threads.find((x) => x.addr === addr);
  return t ? { ok: true, value: t } : { ok: false, error: `thread ${addr} is not in this dump` };
}

/** The thread whose class data (`t_cldata`) is at `addr`: a `tsproc_t` address. */
export function threadByCldata(a: Analysis, addr: Addr): Found<Thread> {
  const t = a.snapshot.threads.find((x) => x.cldata === addr);
  return t ? { ok: true, value: t } : { ok: false, error: `no thread in this dump has class data at ${addr}` };
}

/** `ADDR::cpuinfo`: like mdb, a small value is a CPU id, else a cpu_t address. */
export function cpuAt(a: Analysis, addr: Addr): Found<Cpu> {
  const n = BigInt('0x' + addr);
  const byId = n <= BigInt(Number.MAX_SAFE_INTEGER) ? a.snapshot.cpus.find((c) => c.id === Number(n)) : undefined;
  const c = byId ?? a.snapshot.cpus.find((x) => x.addr === addr);
  return c ? { ok: true, value: c } : { ok: false, error: `CPU ${addr} is not in this dump (neither a CPU id nor a cpu_t address it shows)` };
}

export function cpuById(a: Analysis, id: number): Cpu | null {
  return a.snapshot.cpus.find((c) => c.id === id) ?? null;
}
