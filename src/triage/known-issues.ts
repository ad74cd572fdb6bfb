// Known issues: data (known-issues.json) mapping signatures to tickets.
import type { Signature } from './signature.ts';
import data from './known-issues.json' with { type: 'json' };

export interface KnownIssueMatch {
  rules: string[];
  framesAll?: string[];
  framesAny?: string[];
  withRules?: string[];
  detailIncludes?: string;
}

export interface KnownIssue {
  id: string;
  title: string;
  tickets: string[];
  urls: string[];
  match: KnownIssueMatch;
}

export const KNOWN_ISSUES: readonly KnownIssue[] = (data as { issues: KnownIssue[] }).issues;

export function matchesIssue(issue: KnownIssue, sig: Signature, firedRules: ReadonlySet<string>): boolean {
  const m = issue.match;
  if (!m.rules.includes(sig.rule)) return false;
  if (m.framesAll !== undefined && !m.framesAll.every((f) => sig.frames.includes(f))) return false;
  if (m.framesAny !== undefined && !m.framesAny.some((f) => sig.frames.includes(f))) return false;
  if (m.withRules !== undefined && !m.withRules.every((r) => firedRules.has(r))) return false;
  if (m.detailIncludes !== undefined && !(sig.detail ?? '').includes(m.detailIncludes)) return false;
  return true;
}

export function knownIssuesFor(sig: Signature, firedRules: ReadonlySet<string>, issues: readonly KnownIssue[] = KNOWN_ISSUES): KnownIssue[] {
  return issues.filter((i) => matchesIssue(i, sig, firedRules));
}
