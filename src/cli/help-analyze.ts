// `playfair analyze --help`: kept apart from analyze.ts so `playfair help analyze` loads no analyser.
export const ANALYZE_HELP = `usage: playfair analyze FILE|- [options]

Reads mdb output (a file, or - for stdin), finds dispatcher problems, and writes the report to stdout.

options:
  -f, --format FORMAT          text (default), json, markdown or sarif
      --fail-on SEVERITY       exit 1 when a finding is at or above this: critical, high (default),
                               medium, low, info
      --compact                Markdown: fix and references once, findings as a list;
                               JSON: schema v2, stacks shared
      --max-input SIZE         refuse inputs larger than SIZE (default 256M; e.g. 64M, 1G)
      --stream                 read the input as a stream of lines (lean mode); files over 64M
                               are always streamed
      --starvation-seconds N   how long a runnable thread may wait before it counts as starved
      --hz N                   clock ticks per second to assume when the dump does not say
  -h, --help                   this text

exit codes:
  0  clean: no finding at or above --fail-on
  1  a finding at or above --fail-on
  2  bad usage, or unreadable input (missing, a directory, binary, too large), or the report
     could not be written (a full disk)
  3  nothing to judge: no mdb output could be read from the input, none of it was dispatcher
     state, or no CPU could be read from the ::cpuinfo output it shows
  4  internal error: playfair itself failed; the verdict may be incomplete
`;
