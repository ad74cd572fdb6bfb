// A small seeded generator (mulberry32): the simulator's only source of randomness, so a run is
// fully determined by its seed.

export class Rng {
  private s: number;

  constructor(seed: number) {
    this.s = seed >>> 0;
  }

  /** Next 32-bit unsigned value. */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform integer in [lo, hi] (hi may be Infinity: then lo... is never drawn, Infinity is returned). */
  int(lo: number, hi: number): number {
    if (hi === lo) return lo;
    if (hi === Infinity) return Infinity;
    return lo + (this.next() % (hi - lo + 1));
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.next() % xs.length] as T;
  }
}
