// The result of analysing one input: the public shape behind `analyze --format json`.
import type { Diagnostic } from '../grammar/common/source.ts';
import type { MdbRecord } from '../grammar/records.ts';
import type { Accounting, Section } from './ingest/types.ts';
import type { DispatcherSnapshot } from './model/snapshot.ts';
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
  diagnostics: Diagnostic[];
}
