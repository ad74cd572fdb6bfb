// Analyses around hand-built snapshots, for triage tests that do not depend on the pipeline.
import type { Analysis } from '../../src/analysis.ts';
import { emptySnapshot, type DispatcherSnapshot } from '../../src/model/snapshot.ts';
import { asAddr } from '../model/loose.ts';
import { runRules } from '../../src/rules/index.ts';
import { blankLines, ctx, mkThread } from '../rules/helpers.ts';

export function analysisOf(snapshot: DispatcherSnapshot = emptySnapshot(), parsed = 10, lines: string[] = blankLines(200)): Analysis {
  const { findings, notes } = runRules(ctx(snapshot, lines));
  return {
    source: 'test',
    lines,
    accounting: { lines: lines.length, parsed, prose: lines.length - parsed, unrecognized: 0 },
    sections: [],
    records: [],
    snapshot,
    findings,
    notes,
    diagnostics: [],
  };
}

/** A panic whose thread's stack is `frames` (innermost first). */
export function panicAnalysis(message: string, frames: string[]): Analysis {
  const s = emptySnapshot();
  s.panic = { message, cpu: 0, thread: asAddr('p0'), lines: {} };
  if (frames.length > 0) s.threads.push(mkThread('p0', { stack: frames.map((func, i) => ({ func, offset: 1, args: [], fp: null, line: i + 1 })) }));
  return analysisOf(s);
}
