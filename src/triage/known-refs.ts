// The known issues a report matches, as the report and triage both show them, so `analyze` and
// `triage` never disagree about a report. A match is proven when the failure it names rests on
// proof: a panic, or a main finding at high or above. On medium findings alone the report only
// resembles the issue (kpreemptpri 100 with nothing proven stuck in the kernel is every
// pre-fix kernel, not illumos 1532 happening), and says so.
import type { Analysis } from '../analysis.ts';
import type { KnownIssueRef } from '../report/extras.ts';
import { severityRank, worstFinding } from '../rules/policy.ts';
import { knownIssuesFor } from './known-issues.ts';
import { computeSignature, matchContext, type Signature } from './signature.ts';

/** Whether the signature's known-issue matches rest on proof, not on a resemblance. */
export function knownMatchProven(a: Analysis, sig: Signature): boolean {
  if (sig.kind === 'panic') return true;
  if (sig.kind !== 'finding') return false;
  const worst = worstFinding(a.findings);
  return worst !== null && severityRank(worst.severity) <= severityRank('high');
}

export function knownIssueRefs(a: Analysis, sig: Signature = computeSignature(a)): KnownIssueRef[] {
  const proven = knownMatchProven(a, sig);
  return knownIssuesFor(sig, matchContext(a)).map((k) => ({ id: k.id, title: k.title, tickets: k.tickets, proven }));
}
