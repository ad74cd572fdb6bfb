// `playfair triage DIR|FILE... [--format ndjson|markdown] [--jobs N]`: one record per report,
// then the reports grouped by signature. A progress bar goes to stderr on a terminal. Exit 0, or
// 130 when stopped by SIGINT (the records written are whole and the summary says so).
import { availableParallelism } from 'node:os';
import { groupRecords } from '../triage/group.ts';
import { expandInputs } from '../triage/files.ts';
import { markdownReport, ndjsonLine, summarize } from '../triage/output.ts';
import { runPool } from '../triage/pool.ts';
import { Progress } from '../triage/progress.ts';
import type { TriageRecord } from '../triage/record.ts';
import { neutralize } from '../report/sanitize.ts';
import { parseByteSize } from '../input/index.ts';
import { EXIT_OK, EXIT_USAGE, type Command } from './io.ts';
import { parseOptions } from './options.ts';

/** Per report; triage reads many, so the limit is lower than analyze's. */
export const DEFAULT_TRIAGE_MAX_INPUT = 64 * 1024 * 1024;
const MAX_JOBS = 64;

export const runTriage: Command = async (argv, io) => {
  const opts = parseOptions(argv, {
    format: { type: 'string', short: 'f', default: 'ndjson' },
    jobs: { type: 'string', short: 'j', default: '1' },
    'max-input': { type: 'string' },
    'starvation-seconds': { type: 'string' },
    hz: { type: 'string' },
  });
  const fail = (m: string) => {
    io.stderr.write(`playfair triage: ${neutralize(m)}\n`);
    return EXIT_USAGE;
  };
  if ('error' in opts) return fail(opts.error);
  const format = opts.values['format'] as string;
  if (format !== 'ndjson' && format !== 'markdown') return fail('--format must be ndjson or markdown');
  const jobsText = opts.values['jobs'] as string;
  const jobs = jobsText === 'auto' ? availableParallelism() : Number(jobsText);
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
  if (list.files.length === 0) return fail('no report files found (directories are searched for .txt, .log, .out, .mdb, .md)');
  // Ctrl-C (or a pipe's reader going away with SIGINT) stops the run between records: every line
  // written is whole, and the summary says the run was interrupted.
  const stop = new AbortController();
  const onSigint = () => stop.abort();
  process.on('SIGINT', onSigint);
  const files = list.files;
  const rules = { ...(starvation === undefined ? {} : { starvationSeconds: starvation }), ...(hz === undefined ? {} : { assumedHz: hz }) };

  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  const progress = tty ? new Progress((s) => io.stderr.write(s), files.length) : null;
  const records: (TriageRecord | undefined)[] = new Array(files.length);
  let emitted = 0;
  let done = 0;
  const onResult = (i: number, rec: TriageRecord): void => {
    if (stop.signal.aborted) return;
    records[i] = rec;
    done++;
    // NDJSON streams in input order: write every record whose predecessors are all done.
    if (format === 'ndjson') {
      while (emitted < files.length && records[emitted] !== undefined) {
        if (progress !== null) progress.clear();
        io.stdout.write(ndjsonLine(records[emitted]!));
        emitted++;
      }
    }
    progress?.update(done);
  };
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
  io.stdout.write(format === 'ndjson' ? ndjsonLine(summary) : markdownReport(all, summary));
  return interrupted ? EXIT_INTERRUPTED : EXIT_OK;
};

/** 128 + SIGINT, as a shell reports a command stopped by Ctrl-C. */
const EXIT_INTERRUPTED = 130;
