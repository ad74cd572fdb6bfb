// Triage of one report: read it, analyse it, make its record. Never throws.
import { internalError } from '../../grammar/common/source.ts';
import { analyzeText } from '../analyze.ts';
import type { RuleOptions } from '../rules/types.ts';
import type { ReportRef } from './files.ts';
import { readReport } from './read.ts';
import { errorRecord, triageRecord, type TriageRecord } from './record.ts';

export interface TriageOptions {
  maxInput: number;
  rules?: Partial<RuleOptions>;
}

export async function triageFile(ref: ReportRef, opts: TriageOptions): Promise<TriageRecord> {
  if (ref.error !== undefined) return errorRecord(ref.name, ref.error);
  try {
    // A Buffer path comes back from a worker as a plain Uint8Array.
    const path = typeof ref.path === 'string' ? ref.path : Buffer.from(ref.path);
    const input = readReport(path, opts.maxInput);
    if (!input.ok) return errorRecord(ref.name, input.message);
    const a = analyzeText(input.text, { source: ref.name, lean: true, ...(opts.rules !== undefined ? { rules: opts.rules } : {}) });
    return triageRecord(ref.name, a);
  } catch (e) {
    // A pipeline bug on one report must not stop the batch: the report gets an error record.
    const err = internalError(e);
    return errorRecord(ref.name, `internal error: ${err.message}`, err);
  }
}
