// What a report shows beyond the Analysis itself, worked out by the caller (the CLI) so the
// report folder needs no other stage: known issues that triage matches.

/** A known issue the report matches (as triage finds it). */
export interface KnownIssueRef {
  id: string;
  title: string;
  tickets: string[];
}

export interface ReportExtras {
  known?: readonly KnownIssueRef[];
}
