// Every real sample against its golden JSON (fixtures/real/golden/, checked by eye when written).
// Regenerate after an intended change with UPDATE_GOLDEN=1 and read the diff before committing.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { renderJson } from '../../src/report/json.ts';
import type { Finding } from '../../src/rules/types.ts';

const dir = new URL('../../fixtures/real/', import.meta.url);
const goldenDir = new URL('golden/', dir);
const samples = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

function golden(name: string) {
  const a = analyzeText(readFileSync(new URL(name, dir), 'utf8'), { source: name });
  // The document as written (LazyArrays made plain), as a reader of the JSON gets it.
  const j = JSON.parse(renderJson(a)) as { accounting: unknown; sections: unknown; snapshot: unknown; findings: Finding[]; diagnostics: unknown };
  return {
    accounting: j.accounting,
    sections: j.sections,
    snapshot: j.snapshot,
    findings: j.findings.map((f) => ({ rule: f.rule, severity: f.severity, confidence: f.confidence, evidence: f.evidence.map((e) => e.line) })),
    diagnostics: j.diagnostics,
  };
}

describe('real samples match their golden JSON', () => {
  it('has a sample for every golden and the other way round', () => {
    if (process.env['UPDATE_GOLDEN']) return;
    const goldens = readdirSync(goldenDir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '.txt'));
    expect(goldens.sort()).toEqual(samples);
  });

  for (const name of samples) {
    it(name, () => {
      const actual = golden(name);
      const file = new URL(name.replace(/\.txt$/, '.json'), goldenDir);
      if (process.env['UPDATE_GOLDEN']) {
        mkdirSync(goldenDir, { recursive: true });
        writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
      }
      expect(existsSync(file), `no golden for ${name}: run with UPDATE_GOLDEN=1 and check it by eye`).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
