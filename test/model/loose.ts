// Test helper: hand-built snapshots written with plain strings for addresses. `Loose<T>` is T with
// every branded Addr a string; `brand` runs each address field through illumos's toAddr.
import { addr, type Addr } from '../../illumos/index.ts';

export type Loose<T> = T extends Addr
  ? string
  : T extends readonly (infer U)[]
    ? Loose<U>[]
    : T extends object
      ? { [K in keyof T]: Loose<T[K]> }
      : T;

/** The fields of snapshot entities that hold addresses (Cpu, its pil/pinned/runq entries, Thread, Panic). */
const ADDRESS_KEYS: ReadonlySet<string> = new Set(['addr', 'thread', 'procAddr', 'cldata', 'wchan']);

/** A hand-built value with its address strings normalised (throws on one that is not hex: a test's mistake). */
export function brand<T>(value: Loose<T>): T {
  return walk(value) as T;
}

function walk(v: unknown, key: string | null = null): unknown {
  if (typeof v === 'string') return key !== null && ADDRESS_KEYS.has(key) ? addr(v) : v;
  if (Array.isArray(v)) return v.map((x) => walk(x));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = k === 'lines' ? x : walk(x, k);
    return out;
  }
  return v;
}
