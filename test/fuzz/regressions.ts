// Regression fixtures: every failure the fuzzer finds is saved under fixtures/fuzz/ as JSON (JSON
// keeps NULs, lone surrogates and CRs exactly), and replayed by test/fuzz/regressions.test.ts.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpus.ts';
import { signature, type Failure } from './check.ts';

export const REGRESSION_DIR = join(ROOT, 'fixtures/fuzz');

export interface Regression {
  comment: string;
  signature: string;
  failure: Failure;
  found: { seed: number; index: number; fixture: string; mutations: string[] } | null;
  text: string;
}

export function loadRegressions(dir = REGRESSION_DIR): { file: string; reg: Regression }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, reg: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Regression }));
}

export function knownSignatures(dir = REGRESSION_DIR): Set<string> {
  return new Set(loadRegressions(dir).map((r) => r.reg.signature));
}

/** Writes the fixture unless one with the same signature exists; returns the file name or null. */
export function saveRegression(failure: Failure, text: string, found: Regression['found'], dir = REGRESSION_DIR): string | null {
  const sig = signature(failure);
  if (knownSignatures(dir).has(sig)) return null;
  mkdirSync(dir, { recursive: true });
  const h = createHash('sha256').update(sig).digest('hex').slice(0, 10);
  const file = `${failure.stage.replace(/[^a-z0-9]+/gi, '-')}-${failure.kind}-${h}.json`;
  const reg: Regression = {
    comment: 'Found by npm run fuzz; the text must analyse and render without this failure.',
    signature: sig,
    failure,
    found,
    text,
  };
  writeFileSync(join(dir, file), JSON.stringify(reg, null, 1) + '\n');
  return file;
}
