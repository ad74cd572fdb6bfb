// `playfair triage --help`: the triage helper's src/cli/triage.ts imports TRIAGE_HELP from here.
export const TRIAGE_HELP = `usage: playfair triage DIR|FILE... [options]

Analyses many reports (directories are searched) and groups them by failure signature: one
record per report, then the groups.

options:
  -f, --format FORMAT          table (on a terminal, the default there), ndjson (default when
                               piped) or markdown
      --fail-on SEVERITY       exit 1 when any report has a finding at or above this:
                               critical, high, medium, low, info
  -j, --jobs N|auto            reports analysed in parallel (default 1; at most 64; auto: two
                               thirds of the cores rounded up, as one worker keeps about 1.25
                               of them busy)
      --max-input SIZE         skip (as an error record) reports larger than SIZE (default 64M)
      --starvation-seconds N   how long a runnable thread may wait before it counts as starved
      --hz N                   clock ticks per second to assume when a report does not say
  -h, --help                   this text

exit codes:
  0  the reports were triaged (a report that cannot be read is an error record, not a failure)
  1  with --fail-on: a report has a finding at or above it
  2  bad usage, or no report files found
  4  internal error
  130  stopped by Ctrl-C (the records written are whole)
`;
