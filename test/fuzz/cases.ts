// One fuzz case = (seed, index) -> a corpus text with a few mutations; replayable from the pair.
import { rng } from '../../bench/gen/rng.ts';
import type { CorpusEntry } from './corpus.ts';
import { mutate } from './mutators.ts';

export interface FuzzCase {
  seed: number;
  index: number;
  fixture: string;
  applied: string[];
  text: string;
}

/** Mixes seed and index so neighbouring cases get unrelated streams (splitmix-style finaliser). */
export function caseSeed(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function makeCase(corpus: readonly CorpusEntry[], seed: number, index: number): FuzzCase {
  const r = rng(caseSeed(seed, index));
  const base = r.pick(corpus);
  const other = r.fork();
  const m = mutate(base.text, { r, other: () => other.pick(corpus).text });
  return { seed, index, fixture: base.name, applied: m.applied, text: m.text };
}
