// The thread table of a snapshot under construction: one entry per address, in first-seen order.
import { blankThread, type Addr, type Thread } from './snapshot.ts';

export class ThreadTable {
  private byAddr = new Map<Addr, Thread>();
  /** Threads whose address the input never showed (a `$C` at a panic with no panic thread). */
  private anonymous: Thread[] = [];

  get(addr: Addr): Thread {
    let t = this.byAddr.get(addr);
    if (t === undefined) {
      t = blankThread(addr);
      this.byAddr.set(addr, t);
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
