// Wait-rule test helpers: the hand-written wait fixtures through the real pipeline.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../../src/analyze.ts';
import type { Analysis } from '../../src/analysis.ts';
import type { Finding } from '../../src/rules/types.ts';

export const WAIT_RULES: readonly string[] = ['deadlock', 'wait-chain', 'lock-convoy'];

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/handwritten/waits/${name}`, import.meta.url));
}

export function analyzeFixture(name: string): Analysis {
  return analyzeText(readFileSync(fixturePath(name), 'utf8'), { source: name });
}

export function waitFindings(a: Analysis): Finding[] {
  return a.findings.filter((f) => WAIT_RULES.includes(f.rule));
}
