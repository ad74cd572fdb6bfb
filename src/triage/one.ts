// Triage of one file: read it, analyse it, make its record. Never throws.
import { analyzeText } from '../analyze.ts';
import { readInput } from '../input/index.ts';
import type { RuleOptions } from '../rules/types.ts';
import { errorRecord, triageRecord, type TriageRecord } from './record.ts';

export interface TriageOptions {
  maxInput: number;
  rules?: Partial<RuleOptions>;
}

const NO_STDIN = { stdin: process.stdin };

export async function triageFile(file: string, opts: TriageOptions): Promise<TriageRecord> {
  try {
    const input = await readInput(file, NO_STDIN, { maxInput: opts.maxInput });
    if (!input.ok) return errorRecord(file, input.message);
    const a = analyzeText(input.text, { source: file, lean: true, ...(opts.rules !== undefined ? { rules: opts.rules } : {}) });
    return triageRecord(file, a);
  } catch (e) {
    // A pipeline bug on one report must not stop the batch: the report gets an error record.
    return errorRecord(file, `internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
