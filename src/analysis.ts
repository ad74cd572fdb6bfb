// The result of analysing one input: the public shape behind `analyze --format json`.
import type { Diagnostic } from '../grammar/common/source.ts';
import type { MdbRecord } from '../grammar/records.ts';
import type { Accounting, Section } from './ingest/types.ts';
import type { DispatcherSnapshot } from './model/snapshot.ts';
import { dispatcherJudged } from './model/coverage.ts';
import type { Verdict } from './rules/policy.ts';
import type { Finding, RuleNote } from './rules/types.ts';

export interface Analysis {
  /** Input name as given (`-` for stdin). */
  source: string;
  lines: string[];
  accounting: Accounting;
  sections: Section[];
  records: MdbRecord[];
  snapshot: DispatcherSnapshot;
  findings: Finding[];
  notes: RuleNote[];
  /** Lines not read, each with why; those of kind 'internal' are playfair's own failures. */
  diagnostics: Diagnostic[];
}

/**
 * How many times playfair itself failed in this analysis: diagnostics and rule notes of kind
 * 'internal'. Not 0 means the verdict may be incomplete (a section unread, a rule skipped),
 * whatever the findings say.
 */
export function internalErrorCount(a: Pick<Analysis, 'diagnostics' | 'notes'>): number {
  let n = 0;
  for (const d of a.diagnostics) if (d.kind === 'internal') n++;
  for (const x of a.notes) if (x.kind === 'internal') n++;
  return n;
}

/** What the findings policy needs to pick an exit code: `exitCodeFor(verdictOf(a), failOn)`. */
export function verdictOf(a: Analysis): Verdict {
  return { findings: a.findings, notes: a.notes, internalErrors: internalErrorCount(a), parsedLines: a.accounting.parsed, dispatcherState: dispatcherJudged(a.sections, a.snapshot) };
}
