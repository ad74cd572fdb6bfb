// `playfair analyze FILE|-`: the main job.
import type { Command } from './io.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './io.ts';
import { atOrAbove, parseOptions, parseSeverity } from './options.ts';
import { stat } from 'node:fs/promises';
import { InputTooLargeError, parseByteSize, readInput, readInputLines } from './input.ts';
import { analyzeStream, analyzeText, type AnalyzeOptions } from '../analyze.ts';
import type { Analysis } from '../analysis.ts';
import type { Severity } from '../rules/types.ts';
import { renderJson } from '../report/json.ts';
import { renderText } from '../report/text.ts';
import { renderMarkdown } from '../report/markdown.ts';
import { renderSarif } from '../report/sarif.ts';

export const DEFAULT_MAX_INPUT = 256 * 1024 * 1024;
/** Files above this are read as a stream of lines in lean mode (see AnalyzeOptions.lean). */
export const STREAM_THRESHOLD = 64 * 1024 * 1024;

const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export function render(a: Analysis, format: Format, width?: number): string {
  switch (format) {
    case 'json':
      return renderJson(a);
    case 'markdown':
      return renderMarkdown(a);
    case 'sarif':
      return JSON.stringify(renderSarif(a), null, 2) + '\n';
    case 'text':
      return renderText(a, width === undefined ? {} : { width });
  }
}

export function exitCodeFor(a: Analysis, failOn: Severity): number {
  return a.findings.some((f) => atOrAbove(f.severity, failOn)) ? EXIT_FINDINGS : EXIT_OK;
}

export const runAnalyze: Command = async (argv, io) => {
  const opts = parseOptions(argv, {
    format: { type: 'string', short: 'f', default: 'text' },
    'fail-on': { type: 'string', default: 'high' },
    'max-input': { type: 'string' },
    'starvation-seconds': { type: 'string' },
    hz: { type: 'string' },
    stream: { type: 'boolean', default: false },
  });
  if ('error' in opts) {
    io.stderr.write(`playfair analyze: ${opts.error}\n`);
    return EXIT_USAGE;
  }
  const format = opts.values['format'] as string;
  if (!(FORMATS as readonly string[]).includes(format)) {
    io.stderr.write(`playfair analyze: --format must be one of ${FORMATS.join(', ')}\n`);
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
  const rules = { ...(starvation === undefined ? {} : { starvationSeconds: starvation }), ...(hz === undefined ? {} : { assumedHz: hz }) };
  const big = path !== '-' && (await stat(path).then((st) => st.isFile() && st.size > STREAM_THRESHOLD, () => false));
  const analysis = opts.values['stream'] === true || big ? await streamed(path, io, maxInput, rules) : await whole(path, io, maxInput, rules);
  if (typeof analysis === 'string') {
    io.stderr.write(`playfair analyze: ${analysis}\n`);
    return EXIT_USAGE;
  }
  io.stdout.write(render(analysis, format as Format, io.stdout.columns));
  return exitCodeFor(analysis, failOn);
};

type Rules = AnalyzeOptions['rules'];

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
