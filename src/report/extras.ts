// What a report shows beyond the Analysis itself, worked out by the caller (the CLI) so the
// report folder needs no other stage: known issues that triage matches.

/** A known issue the report matches (as triage finds it). */
export interface KnownIssueRef {
  id: string;
  title: string;
  tickets: string[];
  /** The match rests on proof (a panic, a main finding at high or above); else the report only resembles the issue. */
  proven: boolean;
}

/** How a report introduces a known issue: a proven match names it; a resemblance says it is one. */
export function knownIssueLabel(k: KnownIssueRef): string {
  return k.proven ? 'Known issue' : 'Resembles known issue';
}

/** Why a resemblance is not named as the issue. */
export const UNPROVEN_MATCH = 'not proven: every finding it rests on is below high';

export interface ReportExtras {
  known?: readonly KnownIssueRef[];
}
