// The known issues a report matches, found exactly as triage finds them (same signature, same
// match context), so `analyze` and `triage` never disagree about a report.
import type { Analysis } from '../analysis.ts';
import type { KnownIssueRef } from '../report/extras.ts';
import { knownIssuesFor } from '../triage/known-issues.ts';
import { computeSignature, involvedFrames } from '../triage/signature.ts';

export function knownIssuesOf(a: Analysis): KnownIssueRef[] {
  const signature = computeSignature(a);
  const fired = new Set<string>();
  for (const f of a.findings) fired.add(f.rule);
  const ctx = { fired, frames: new Set(involvedFrames(a)) };
  return knownIssuesFor(signature, ctx).map((k) => ({ id: k.id, title: k.title, tickets: k.tickets }));
}
