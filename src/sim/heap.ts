// The event queue: a binary min-heap over parallel typed arrays, so pushing and popping allocate
// nothing. Order: tick, then phase, then `sub` (the CPU id for clock steps), then insertion order.
// Every index read below is within `size` (or is slot 0 of a non-empty heap), hence the `!`s.

export const PHASE_A = 0; // interrupts, timed wake-ups
export const PHASE_B = 1; // per-CPU clock step
export const PHASE_C = 2; // once-a-second and SDC updates
export const PHASE_D = 3; // idle CPUs retrying a steal

export class EventHeap {
  size = 0;
  private seq = 0;
  private key: Float64Array;
  private sub: Float64Array;
  private ord: Float64Array;
  private kindA: Int32Array;
  private aA: Int32Array;
  private bA: Int32Array;
  // The most recently popped event.
  tick = 0;
  phase = 0;
  kind = 0;
  a = 0;
  b = 0;

  constructor(capacity = 1024) {
    this.key = new Float64Array(capacity);
    this.sub = new Float64Array(capacity);
    this.ord = new Float64Array(capacity);
    this.kindA = new Int32Array(capacity);
    this.aA = new Int32Array(capacity);
    this.bA = new Int32Array(capacity);
  }

  push(tick: number, phase: number, sub: number, kind: number, a: number, b: number): void {
    if (this.size === this.key.length) this.grow();
    let i = this.size++;
    const k = tick * 4 + phase;
    const o = this.seq++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(k, sub, o, this.key[p]!, this.sub[p]!, this.ord[p]!)) break;
      this.move(p, i);
      i = p;
    }
    this.key[i] = k;
    this.sub[i] = sub;
    this.ord[i] = o;
    this.kindA[i] = kind;
    this.aA[i] = a;
    this.bA[i] = b;
  }

  /** Tick of the earliest event, or Infinity. */
  peekTick(): number {
    return this.size === 0 ? Infinity : Math.floor(this.key[0]! / 4);
  }

  /** Removes the earliest event into tick/phase/kind/a/b. */
  pop(): void {
    const k0 = this.key[0]!;
    this.tick = Math.floor(k0 / 4);
    this.phase = k0 - this.tick * 4;
    this.kind = this.kindA[0]!;
    this.a = this.aA[0]!;
    this.b = this.bA[0]!;
    const n = --this.size;
    if (n === 0) return;
    const k = this.key[n]!, s = this.sub[n]!, o = this.ord[n]!;
    const kd = this.kindA[n]!, a = this.aA[n]!, b = this.bA[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && less(this.key[c + 1]!, this.sub[c + 1]!, this.ord[c + 1]!, this.key[c]!, this.sub[c]!, this.ord[c]!)) c++;
      if (!less(this.key[c]!, this.sub[c]!, this.ord[c]!, k, s, o)) break;
      this.move(c, i);
      i = c;
    }
    this.key[i] = k;
    this.sub[i] = s;
    this.ord[i] = o;
    this.kindA[i] = kd;
    this.aA[i] = a;
    this.bA[i] = b;
  }

  private move(from: number, to: number): void {
    this.key[to] = this.key[from]!;
    this.sub[to] = this.sub[from]!;
    this.ord[to] = this.ord[from]!;
    this.kindA[to] = this.kindA[from]!;
    this.aA[to] = this.aA[from]!;
    this.bA[to] = this.bA[from]!;
  }

  private grow(): void {
    const n = this.key.length * 2;
    const g = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const x = make(n);
      x.set(old);
      return x;
    };
    this.key = g(this.key, (m) => new Float64Array(m));
    this.sub = g(this.sub, (m) => new Float64Array(m));
    this.ord = g(this.ord, (m) => new Float64Array(m));
    this.kindA = g(this.kindA, (m) => new Int32Array(m));
    this.aA = g(this.aA, (m) => new Int32Array(m));
    this.bA = g(this.bA, (m) => new Int32Array(m));
  }
}

function less(k1: number, s1: number, o1: number, k2: number, s2: number, o2: number): boolean {
  if (k1 !== k2) return k1 < k2;
  if (s1 !== s2) return s1 < s2;
  return o1 < o2;
}
