// JSON.stringify(value, null, 2), written piece by piece: arrays the size of the data (threads,
// run queues, evidence) are never turned into one string, and LazyArray lets a report map a
// data-sized array element by element instead of building a copy. Compact mode gives
// JSON.stringify(value) instead: no whitespace at all.

/** An array whose elements are made (`map`) only when written. */
export class LazyArray<T> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T, index: number) => unknown,
  ) {}

  /** For JSON.stringify and tests that want the plain value. */
  toJSON(): unknown[] {
    const out: unknown[] = new Array<unknown>(this.items.length);
    for (let i = 0; i < this.items.length; i++) out[i] = this.map(this.items[i]!, i);
    return out;
  }
}

/**
 * Values small enough to hand to JSON.stringify whole: this many nodes. Large enough that a thread
 * with its stack is one call (pieces per frame cost more in garbage than they save), small enough
 * that no piece is a data-sized string.
 */
const SMALL_NODES = 1024;

type Obj = Record<string, unknown>;

const NOT_SMALL = Symbol('not small');

/**
 * `v` ready for JSON.stringify when it has at most `budget` nodes: LazyArrays inside made plain
 * (mapped once; objects are copied only when something inside them changed), or NOT_SMALL.
 */
function small(v: unknown, budget: { left: number }): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (--budget.left < 0) return NOT_SMALL;
  if (v instanceof LazyArray) {
    if (v.items.length > budget.left) return NOT_SMALL;
    const out: unknown[] = new Array<unknown>(v.items.length);
    for (let i = 0; i < v.items.length; i++) {
      const x = small(v.map(v.items[i], i), budget);
      if (x === NOT_SMALL) return NOT_SMALL;
      out[i] = x;
    }
    return out;
  }
  if (Array.isArray(v)) {
    if (v.length > budget.left) return NOT_SMALL;
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const x = small(v[i], budget);
      if (x === NOT_SMALL) return NOT_SMALL;
      if (x !== v[i]) (out ??= v.slice())[i] = x;
    }
    return out ?? v;
  }
  // Dates and the like: JSON.stringify calls their toJSON itself.
  if (hasToJson(v)) return v;
  let out: Obj | null = null;
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    const x0 = (v as Obj)[k];
    const x = small(x0, budget);
    if (x === NOT_SMALL) return NOT_SMALL;
    if (x !== x0) (out ??= { ...(v as Obj) })[k] = x;
  }
  return out ?? v;
}

function hasToJson(v: object): v is { toJSON(): unknown } {
  return typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/**
 * JSON.stringify(v, null, 2) as it reads at `indent` (an even number of spaces): stringified inside
 * one array per level of indent, then cut out of them, so V8 writes the indentation and no second
 * pass over the text adds it line by line.
 */
function indented(v: unknown, indent: string): string {
  const k = indent.length >> 1;
  let wrapped = v;
  for (let j = 0; j < k; j++) wrapped = [wrapped];
  const s = JSON.stringify(wrapped, null, 2);
  // Level j (1..k) opens with `[` and a newline and 2j spaces, and closes with a newline, 2(j-1) spaces and `]`.
  return k === 0 ? s : s.slice(2 * k + k * (k + 1), s.length - (2 * k + k * (k - 1)));
}

/** `indent` is null in compact mode (no whitespace). */
function* value(v: unknown, indent: string | null): Generator<string> {
  if (v !== null && typeof v === 'object' && !(v instanceof LazyArray) && !Array.isArray(v) && hasToJson(v)) v = v.toJSON();
  if (v === null || typeof v !== 'object') {
    yield JSON.stringify(v) ?? 'null';
    return;
  }
  const plain = small(v, { left: SMALL_NODES });
  if (plain !== NOT_SMALL) {
    if (indent === null) {
      yield JSON.stringify(plain);
      return;
    }
    yield indented(plain, indent);
    return;
  }
  const inner = indent === null ? null : indent + '  ';
  const open = inner === null ? '' : '\n' + inner;
  const close = indent === null ? '' : '\n' + indent;
  if (v instanceof LazyArray || Array.isArray(v)) {
    const items: readonly unknown[] = v instanceof LazyArray ? v.items : v;
    const map = v instanceof LazyArray ? v.map : null;
    if (items.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < items.length; i++) {
      yield i > 0 ? ',' + open : open;
      const x = map === null ? items[i] : map(items[i], i);
      if (omitted(x)) yield 'null';
      else yield* value(x, inner);
    }
    yield close + ']';
    return;
  }
  let first = true;
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    const x = (v as Obj)[k];
    if (omitted(x)) continue;
    yield (first ? '{' : ',') + open + JSON.stringify(k) + (inner === null ? ':' : ': ');
    first = false;
    yield* value(x, inner);
  }
  yield first ? '{}' : close + '}';
}

/** The pieces of `JSON.stringify(v, null, 2)` (compact: `JSON.stringify(v)`), followed by a newline. */
export function* jsonPieces(v: unknown, compact = false): Generator<string> {
  yield* value(v, compact ? null : '');
  yield '\n';
}

/** `v` with every LazyArray made a plain array, for callers that read the document as an object. */
export function materialize(v: unknown): unknown {
  if (v instanceof LazyArray) return materialize(v.toJSON());
  if (Array.isArray(v)) {
    const out: unknown[] = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = materialize(v[i]);
    return out;
  }
  if (v === null || typeof v !== 'object') return v;
  const out: Obj = {};
  for (const k of Object.keys(v)) out[k] = materialize((v as Obj)[k]);
  return out;
}
