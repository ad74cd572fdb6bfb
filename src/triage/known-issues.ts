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

/** What a report offers to match on besides its signature. */
export interface MatchContext {
  /** Rules that fired, at any severity. */
  fired: ReadonlySet<string>;
  /** Key frames of every thread the report's strong findings involve (the signature's included). */
  frames: ReadonlySet<string>;
}

export function matchesIssue(issue: KnownIssue, sig: Signature, ctx: MatchContext): boolean {
  const m = issue.match;
  const frames = new Set([...sig.frames, ...ctx.frames]);
  if (!m.rules.includes(sig.rule)) return false;
  if (m.framesAll !== undefined && !m.framesAll.every((f) => frames.has(f))) return false;
  if (m.framesAny !== undefined && !m.framesAny.some((f) => frames.has(f))) return false;
  if (m.withRules !== undefined && !m.withRules.every((r) => ctx.fired.has(r))) return false;
  if (m.detailIncludes !== undefined && !(sig.detail ?? '').includes(m.detailIncludes)) return false;
  return true;
}

export function knownIssuesFor(sig: Signature, ctx: MatchContext, issues: readonly KnownIssue[] = KNOWN_ISSUES): KnownIssue[] {
  return issues.filter((i) => matchesIssue(i, sig, ctx));
}
