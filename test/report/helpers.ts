// An Analysis around the hand-built seed snapshot, for report tests that must not wait on the pipeline.
import type { Analysis } from '../../src/analysis.ts';
import { runRules } from '../../src/rules/index.ts';
import { ctx, readLines, SEED_PATH, seedSnapshot } from '../rules/helpers.ts';

export function seedAnalysis(): Analysis {
  const lines = readLines(SEED_PATH);
  const snapshot = seedSnapshot();
  const { findings, notes } = runRules(ctx(snapshot, lines));
  return {
    source: 'fixtures/seed/illumos-1532.txt',
    lines,
    accounting: { lines: lines.length, parsed: 40, prose: lines.length - 40, unrecognized: 0 },
    sections: [],
    records: [],
    snapshot,
    findings,
    notes,
    diagnostics: [],
  };
}
