// `playfair triage DIR|FILE... [--format table|ndjson|markdown] [--fail-on SEV] [--jobs N]`: one
// record per report, then the reports grouped by signature: a table on a terminal, NDJSON when
// piped. A progress bar goes to stderr on a terminal. Exit 0; 1 with --fail-on when a report has a
// finding at or above it; 4 when playfair failed on a report; 130 when stopped by SIGINT.
import { availableParallelism } from 'node:os';
import { groupRecords } from '../triage/group.ts';
import { expandInputs } from '../triage/files.ts';
import { markdownReport, ndjsonLine, summarize } from '../triage/output.ts';
import { runPool } from '../triage/pool.ts';
import { Progress } from '../triage/progress.ts';
import { triageTable } from '../triage/table.ts';
import { TRIAGE_HELP } from './help-triage.ts';
import { atOrAbove, parseSeverity } from '../rules/policy.ts';
import type { Severity } from '../rules/types.ts';
import type { TriageRecord } from '../triage/record.ts';
import { neutralize } from '../report/sanitize.ts';
import { parseByteSize } from '../input/index.ts';
import { EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, type Command } from './io.ts';
import { parseOptions } from './options.ts';

/** Per report; triage reads many, so the limit is lower than analyze's. */
export const DEFAULT_TRIAGE_MAX_INPUT = 64 * 1024 * 1024;
const MAX_JOBS = 64;

/**
 * Workers for `--jobs auto`: one worker keeps about 1.25 cores busy (V8 compiles and collects on
 * threads of its own, even with bin/playfair.js's slower tier-up), so one per core over-commits
 * them. Two thirds of the cores, rounded up: on two cores two workers beat one (measured with 400
 * and 3,000 small reports and eight 4 MiB ones), which they did not before that tier-up.
 */
export function autoJobs(cores: number): number {
  return Math.max(1, Math.min(MAX_JOBS, Math.ceil((cores * 2) / 3)));
}

export const HELP = TRIAGE_HELP;

/** Triage's flags; each is described in HELP (test/cli/help.test.ts checks). */
export const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'fail-on': { type: 'string' },
  jobs: { type: 'string', short: 'j', default: '1' },
  'max-input': { type: 'string' },
  'starvation-seconds': { type: 'string' },
  hz: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Format = 'table' | 'ndjson' | 'markdown';

/** The exit code of a finished run: an internal error outranks findings at or above --fail-on. */
export function triageExitCode(records: readonly TriageRecord[], failOn: Severity | null): number {
  if (records.some((r) => (r.internalErrors ?? 0) > 0)) return EXIT_INTERNAL;
  if (failOn !== null && records.some((r) => r.findings.some((f) => atOrAbove(f.severity, failOn)))) return EXIT_FINDINGS;
  return EXIT_OK;
}

export const runTriage: Command = async (argv, io) => {
  const opts = parseOptions(argv, { ...OPTIONS });
  const fail = (m: string) => {
    io.stderr.write(`playfair triage: ${neutralize(m)}\n`);
    return EXIT_USAGE;
  };
  if ('error' in opts) return fail(opts.error);
  if (opts.values['help'] === true) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  const formatText = opts.values['format'] as string | undefined;
  // A table for a person at a terminal; NDJSON (the stable contract) for a pipe or a file.
  const stdoutTty = (io.stdout as { isTTY?: boolean }).isTTY === true;
  const format: Format | null = formatText === undefined ? (stdoutTty ? 'table' : 'ndjson') : formatText === 'table' || formatText === 'ndjson' || formatText === 'markdown' ? formatText : null;
  if (format === null) return fail('--format must be table, ndjson or markdown');
  const failOnText = opts.values['fail-on'] as string | undefined;
  const failOn = failOnText === undefined ? null : parseSeverity(failOnText);
  if (failOn === null && failOnText !== undefined) return fail('--fail-on takes critical, high, medium, low or info');
  const jobsText = opts.values['jobs'] as string;
  const jobs = jobsText === 'auto' ? autoJobs(availableParallelism()) : Number(jobsText);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS) return fail(`--jobs takes a whole number from 1 to ${MAX_JOBS}, or auto`);
  const maxText = opts.values['max-input'] as string | undefined;
  const maxInput = maxText === undefined ? DEFAULT_TRIAGE_MAX_INPUT : parseByteSize(maxText);
  if (maxInput === null) return fail('--max-input takes a size such as 64M or 1G');
  const num = (k: string): number | undefined | null => {
    const v = opts.values[k] as string | undefined;
    if (v === undefined) return undefined;
    const n = Number(v);
    return Number.isFinite(n) && n > 0 ? n : null;
  };
  const starvation = num('starvation-seconds');
  const hz = num('hz');
  if (starvation === null || hz === null) return fail('--starvation-seconds and --hz take positive numbers');
  if (opts.positionals.length === 0) return fail('give a directory or report files');

  const list = await expandInputs(opts.positionals);
  if (!list.ok) return fail(list.message);
  if (list.files.length === 0) return fail('no files found in the directories given');
  // Ctrl-C (or a pipe's reader going away with SIGINT) stops the run between records: every line
  // written is whole, and the summary says the run was interrupted.
  const stop = new AbortController();
  const onSigint = () => stop.abort();
  process.on('SIGINT', onSigint);
  const files = list.files;
  const rules = { ...(starvation === undefined ? {} : { starvationSeconds: starvation }), ...(hz === undefined ? {} : { assumedHz: hz }) };

  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  const totalBytes = files.reduce((n, f) => n + (f.size ?? 0), 0);
  const progress = tty ? new Progress((s) => io.stderr.write(s), files.length, totalBytes) : null;
  const records: (TriageRecord | undefined)[] = new Array(files.length);
  let emitted = 0;
  let done = 0;
  let bytesDone = 0;
  let waitingOn = 0;
  const onResult = (i: number, rec: TriageRecord): void => {
    if (stop.signal.aborted) return;
    records[i] = rec;
    done++;
    bytesDone += files[i]!.size ?? 0;
    while (waitingOn < files.length && records[waitingOn] !== undefined) waitingOn++;
    // NDJSON streams in input order: write every record whose predecessors are all done.
    if (format === 'ndjson') {
      while (emitted < files.length && records[emitted] !== undefined) {
        if (progress !== null) progress.clear();
        io.stdout.write(ndjsonLine(records[emitted]!));
        emitted++;
      }
    }
    progress?.update(done, bytesDone, files[waitingOn]?.name);
  };
  progress?.update(0, 0, files[0]?.name, true);
  try {
    await runPool(files, { maxInput, rules }, jobs, onResult, { signal: stop.signal });
  } finally {
    process.off('SIGINT', onSigint);
  }
  progress?.clear();
  const interrupted = stop.signal.aborted;
  // Interrupted NDJSON: the summary covers the records written, which are those in input order.
  const all = (interrupted && format === 'ndjson' ? records.slice(0, emitted) : records).filter((r): r is TriageRecord => r !== undefined);
  const summary = summarize(all, groupRecords(all), interrupted ? { of: files.length } : undefined);
  io.stdout.write(format === 'ndjson' ? ndjsonLine(summary) : format === 'table' ? triageTable(summary) : markdownReport(all, summary));
  return interrupted ? EXIT_INTERRUPTED : triageExitCode(all, failOn);
};

/** 128 + SIGINT, as a shell reports a command stopped by Ctrl-C. */
const EXIT_INTERRUPTED = 130;
