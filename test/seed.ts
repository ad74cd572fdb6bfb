// The seed report (fixtures/seed/illumos-1532.txt) through the real pipeline: the one seed
// Analysis every test helper uses, so no test keeps a hand-written copy that can drift from what
// playfair actually reads (43 parsed lines, four findings).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../src/analyze.ts';
import type { Analysis } from '../src/analysis.ts';

export const SEED_PATH = fileURLToPath(new URL('../fixtures/seed/illumos-1532.txt', import.meta.url));
export const SEED_TEXT = readFileSync(SEED_PATH, 'utf8');
/** The name reports show for the seed. */
export const SEED_SOURCE = 'fixtures/seed/illumos-1532.txt';

/** A fresh Analysis of the seed (callers may change it). */
export function seedAnalysis(): Analysis {
  return analyzeText(SEED_TEXT, { source: SEED_SOURCE });
}
