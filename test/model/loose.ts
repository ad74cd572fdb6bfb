// Test helper: hand-built snapshots written with plain strings for addresses. `Loose<T>` is T with
// every branded Addr a string; `brand` takes the strings as written (tests use stand-ins like `t1`).
import type { Addr } from '../../illumos/index.ts';

export type Loose<T> = T extends Addr
  ? string
  : T extends readonly (infer U)[]
    ? Loose<U>[]
    : T extends object
      ? { [K in keyof T]: Loose<T[K]> }
      : T;

/**
 * A hand-built value typed as the snapshot's. Only the types change: the addresses are kept
 * exactly as the test wrote them, so its expected texts still hold.
 */
export function brand<T>(value: Loose<T>): T {
  return value as T;
}

/** One address as written (a test's stand-in names are not hex). */
export function asAddr(text: string): Addr {
  return text as Addr;
}
