// `playfair analyze FILE|-`: the main job. Reads the input (whole, or as a stream of lines when
// large), analyses it, writes the report to stdout as it is produced, and exits with the findings
// policy's code (0 clean, 1 findings, 2 usage, 3 nothing to judge, 4 internal error).
import type { Command } from './io.ts';
import { parseOptions, type OptionTable } from './options.ts';
import { ANALYZE_HELP } from './help-analyze.ts';
import { stat } from 'node:fs/promises';
import { InputTooLargeError, parseByteSize, readInput, readInputLines } from '../input/index.ts';
import { analyzeStream, analyzeText, type AnalyzeOptions } from '../analyze.ts';
import type { Analysis } from '../analysis.ts';
import { EXIT_INTERNAL, EXIT_NOTHING_TO_JUDGE, EXIT_OK, EXIT_USAGE, exitCodeFor, parseSeverity } from '../rules/policy.ts';
import type { ReportExtras } from '../report/extras.ts';
import { jsonReport } from '../report/json.ts';
import { textReport } from '../report/text.ts';
import { markdownReport } from '../report/markdown.ts';
import { sarifReport } from '../report/sarif.ts';
import { pump } from '../report/sink.ts';
import { notJudged, nothingToJudge } from '../report/summary.ts';
import { internalErrorCount, verdictOf } from '../analysis.ts';
import { neutralize } from '../report/sanitize.ts';
import { knownIssueRefs } from '../triage/known-refs.ts';
import { stdoutSink } from './sink.ts';

export const DEFAULT_MAX_INPUT = 256 * 1024 * 1024;
/** Files above this are read as a stream of lines in lean mode (see AnalyzeOptions.lean). */
export const STREAM_THRESHOLD = 64 * 1024 * 1024;

const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

/** The report in `format`, as pieces to write in order. */
export function reportPieces(a: Analysis, format: Format, width: number | undefined, extras: ReportExtras, compact = false): Iterable<string> {
  switch (format) {
    case 'json':
      return jsonReport(a, extras, { compact });
    case 'markdown':
      return markdownReport(a, extras, { compact });
    case 'sarif':
      return sarifReport(a);
    case 'text':
      return textReport(a, width === undefined ? {} : { width }, extras);
  }
}

export const HELP = ANALYZE_HELP;

/** Every flag analyze accepts; each must appear in HELP (test/cli/help.test.ts checks). */
export const OPTIONS: OptionTable = {
  format: { type: 'string', short: 'f', default: 'text' },
  'fail-on': { type: 'string', default: 'high' },
  'max-input': { type: 'string' },
  'starvation-seconds': { type: 'string' },
  hz: { type: 'string' },
  stream: { type: 'boolean', default: false },
  compact: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
};

export const runAnalyze: Command = async (argv, io) => {
  const opts = parseOptions(argv, OPTIONS);
  if ('error' in opts) {
    io.stderr.write(`playfair analyze: ${opts.error}\n`);
    return EXIT_USAGE;
  }
  if (opts.values['help'] === true) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  const format = opts.values['format'] as string;
  if (!(FORMATS as readonly string[]).includes(format)) {
    io.stderr.write(`playfair analyze: --format must be one of ${FORMATS.join(', ')}\n`);
    return EXIT_USAGE;
  }
  const compact = opts.values['compact'] === true;
  if (compact && format !== 'json' && format !== 'markdown') {
    io.stderr.write('playfair analyze: --compact applies to --format json or markdown\n');
    return EXIT_USAGE;
  }
  const failOn = parseSeverity(opts.values['fail-on'] as string);
  if (failOn === null) {
    io.stderr.write('playfair analyze: --fail-on must be one of critical, high, medium, low, info\n');
    return EXIT_USAGE;
  }
  const maxInputText = opts.values['max-input'] as string | undefined;
  const maxInput = maxInputText === undefined ? DEFAULT_MAX_INPUT : parseByteSize(maxInputText);
  if (maxInput === null) {
    io.stderr.write('playfair analyze: --max-input takes a size such as 64M or 1G\n');
    return EXIT_USAGE;
  }
  const numberOpt = (k: string): number | undefined | null => {
    const v = opts.values[k] as string | undefined;
    if (v === undefined) return undefined;
    const n = Number(v);
    return Number.isFinite(n) && n > 0 ? n : null;
  };
  const starvation = numberOpt('starvation-seconds');
  const hz = numberOpt('hz');
  if (starvation === null || hz === null) {
    io.stderr.write('playfair analyze: --starvation-seconds and --hz take positive numbers\n');
    return EXIT_USAGE;
  }
  if (opts.positionals.length !== 1) {
    io.stderr.write('playfair analyze: give exactly one FILE, or - for stdin\n');
    return EXIT_USAGE;
  }
  const path = opts.positionals[0]!;
  // A person who typed `analyze -` at a prompt would otherwise see nothing happen.
  if (path === '-' && io.stdin.isTTY === true) io.stderr.write(STDIN_NOTICE);
  const rules: Rules = {};
  if (starvation !== undefined) rules.starvationSeconds = starvation;
  if (hz !== undefined) rules.assumedHz = hz;
  const big = path !== '-' && (await stat(path).then((st) => st.isFile() && st.size > STREAM_THRESHOLD, () => false));
  const analysis = opts.values['stream'] === true || big ? await streamed(path, io, maxInput, rules) : await whole(path, io, maxInput, rules);
  if (typeof analysis === 'string') {
    io.stderr.write(`playfair analyze: ${analysis}\n`);
    return EXIT_USAGE;
  }
  const extras: ReportExtras = { known: knownIssueRefs(analysis) };
  await pump(reportPieces(analysis, format as Format, io.stdout.columns, extras, compact), stdoutSink(io.stdout));
  const internal = internalErrorCount(analysis);
  const code = exitCodeFor(verdictOf(analysis), failOn);
  // Text and Markdown say these things in the report; JSON and SARIF readers may not look.
  if (format === 'json' || format === 'sarif') {
    if (code === EXIT_INTERNAL) io.stderr.write(`playfair analyze: ${internal} internal error${internal === 1 ? '' : 's'}; the verdict may be incomplete\n`);
    else if (code === EXIT_NOTHING_TO_JUDGE) io.stderr.write(`playfair analyze: ${neutralize(nothingToJudge(analysis) ?? notJudged(analysis) ?? 'nothing to judge')}\n`);
  }
  return code;
};

export const STDIN_NOTICE = 'playfair analyze: reading mdb output from the terminal; paste it, then Ctrl-D on a line of its own to end\n';

type Rules = NonNullable<AnalyzeOptions['rules']>;

async function whole(path: string, io: Parameters<Command>[1], maxInput: number, rules: Rules): Promise<Analysis | string> {
  const input = await readInput(path, io, { maxInput });
  if (!input.ok) return input.message;
  return analyzeText(input.text, { source: input.name, rules });
}

/** Large inputs: one line at a time, keeping only what the snapshot and the findings need. */
async function streamed(path: string, io: Parameters<Command>[1], maxInput: number, rules: Rules): Promise<Analysis | string> {
  const input = await readInputLines(path, io, { maxInput });
  if (!input.ok) return input.message;
  try {
    return await analyzeStream(input.batches, { source: input.name, rules, lean: true, sharedStacks: true });
  } catch (e) {
    if (e instanceof InputTooLargeError) return e.message;
    throw e;
  }
}
