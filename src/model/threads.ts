// The thread table of a snapshot under construction: one entry per address, in first-seen order.
import { blankThread, type Addr, type Thread } from './snapshot.ts';

export class ThreadTable {
  private byAddr = new Map<Addr, Thread>();
  /** Threads whose address the input never showed (a `$C` at a panic with no panic thread). */
  private anonymous: Thread[] = [];

  get(addr: Addr): Thread {
    let t = this.byAddr.get(addr);
    if (t === undefined) {
      const own = ownCopy(addr);
      t = blankThread(own);
      this.byAddr.set(own, t);
    }
    return t;
  }

  find(addr: Addr | null): Thread | undefined {
    return addr === null ? undefined : this.byAddr.get(addr);
  }

  addAnonymous(): Thread {
    const t = blankThread(null);
    this.anonymous.push(t);
    return t;
  }

  /** The threads that have an address, by address (the snapshot's index; see thread-index.ts). */
  byAddress(): ReadonlyMap<Addr, Thread> {
    return this.byAddr;
  }

  all(): Thread[] {
    return [...this.byAddr.values(), ...this.anonymous];
  }
}

/** Sets a field when the input showed it, remembering the line. Later sections win: they are what the engineer looked at last. */
export function setField<T extends { lines: Record<string, number> }, K extends keyof T & string>(
  entity: T,
  key: K,
  value: T[K] | null | undefined,
  line: number,
): void {
  if (value === null || value === undefined) return;
  entity[key] = value;
  entity.lines[key] = line;
}

/**
 * A copy of an address that shares no storage with the line it was read from: a slice would keep
 * its whole line alive for as long as the thread, which matters when the lines are not kept (a
 * stream of millions of threads).
 */
function ownCopy(addr: Addr): Addr {
  // Each half is short enough that V8 copies it rather than slicing; the join is a string of its own.
  const half = addr.length >> 1;
  return (addr.slice(0, half) + addr.slice(half)) as Addr;
}
