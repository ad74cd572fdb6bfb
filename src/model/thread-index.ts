// A snapshot's threads by address, built once per snapshot however many rules and views ask; the
// builder hands over the table it built them with, so a large dump is not indexed a second time.
import type { Addr, DispatcherSnapshot, Thread } from './snapshot.ts';

interface Index {
  /** The array the index was made from: a snapshot whose threads were replaced or added to is indexed again. */
  threads: readonly Thread[];
  length: number;
  byAddr: ReadonlyMap<Addr, Thread>;
}

const indexes = new WeakMap<DispatcherSnapshot, Index>();

export function threadsByAddr(snap: DispatcherSnapshot): ReadonlyMap<Addr, Thread> {
  const i = indexes.get(snap);
  if (i !== undefined && i.threads === snap.threads && i.length === snap.threads.length) return i.byAddr;
  const byAddr = new Map<Addr, Thread>();
  for (const t of snap.threads) if (t.addr !== null && !byAddr.has(t.addr)) byAddr.set(t.addr, t);
  indexes.set(snap, { threads: snap.threads, length: snap.threads.length, byAddr });
  return byAddr;
}

/** The builder's own table, when it holds exactly the snapshot's threads that have an address. */
export function seedThreadIndex(snap: DispatcherSnapshot, byAddr: ReadonlyMap<Addr, Thread>): void {
  indexes.set(snap, { threads: snap.threads, length: snap.threads.length, byAddr });
}
