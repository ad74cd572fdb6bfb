// One triage record per report: file, signature, known issues, findings in brief, input quality.
import type { InternalError } from '../../grammar/common/source.ts';
import { internalErrorCount, type Analysis } from '../analysis.ts';
import { sortedFindings } from '../rules/policy.ts';
import type { Severity } from '../rules/types.ts';
import type { KnownIssueRef } from '../report/extras.ts';
import { knownIssueRefs } from './known-refs.ts';
import { rateQuality, type Quality } from './quality.ts';
import { computeSignature, internalSignature, unreadableSignature, type Signature } from './signature.ts';

export interface BriefFinding {
  rule: string;
  severity: Severity;
  confidence: 'certain' | 'inferred';
  title: string;
  cpu?: number;
  threads?: string[];
}

export interface TriageRecord {
  type: 'report';
  file: string;
  signature: Signature;
  known: KnownIssueRef[];
  worst: Severity | null;
  findings: BriefFinding[];
  quality: Quality;
  /** Set when the file could not be read or analysed; the record still counts. */
  error?: string;
  /**
   * How many times playfair itself failed on this report (internal diagnostics and rule notes,
   * or 1 for an analysis that died): its verdict may be incomplete. Absent when 0.
   */
  internalErrors?: number;
  /** The stack of the exception that ended the analysis, for an error record of an internal error. */
  stack?: string;
}

export function triageRecord(file: string, a: Analysis): TriageRecord {
  const signature = computeSignature(a);
  const findings = sortedFindings(a.findings).map((f) => ({
    rule: f.rule,
    severity: f.severity,
    confidence: f.confidence,
    title: f.title,
    ...(f.cpu !== undefined ? { cpu: f.cpu } : {}),
    ...(f.threads !== undefined ? { threads: f.threads } : {}),
  }));
  return {
    type: 'report',
    file,
    signature,
    known: knownIssueRefs(a, signature),
    worst: findings[0]?.severity ?? null,
    findings,
    quality: rateQuality(a),
    ...(internalErrorCount(a) > 0 ? { internalErrors: internalErrorCount(a) } : {}),
  };
}

/** A report that could not be read or analysed; `internal` when playfair itself failed on it. */
export function errorRecord(file: string, message: string, internal?: InternalError): TriageRecord {
  return {
    ...(internal !== undefined ? { internalErrors: 1, stack: internal.stack } : {}),
    type: 'report',
    file,
    signature: internal !== undefined ? internalSignature() : unreadableSignature(),
    known: [],
    worst: null,
    findings: [],
    quality: { rating: 'none', reasons: [message], lines: 0, parsed: 0, unrecognized: 0 },
    error: message,
  };
}
