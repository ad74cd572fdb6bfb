// `npm start` / `playfair start [--fail-on SEV] [FILE]`: the main job on the bundled seed report
// (or FILE), so a newcomer sees a real analysis at once.
import { fileURLToPath } from 'node:url';
import type { Command } from './io.ts';
import { EXIT_OK, EXIT_USAGE } from './io.ts';
import { parseOptions, type OptionTable } from './options.ts';
import { parseSeverity } from '../rules/policy.ts';
import { START_HELP } from './help-tui.ts';

export const SEED_REPORT = fileURLToPath(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url));

export const HELP = START_HELP;

/** Every flag start accepts; each must appear in HELP (test/cli/help.test.ts checks). */
export const OPTIONS: OptionTable = {
  'fail-on': { type: 'string', default: 'high' },
  help: { type: 'boolean', short: 'h', default: false },
};

export const runStart: Command = async (argv, io) => {
  const opts = parseOptions(argv, OPTIONS);
  const usage = (m: string): number => {
    io.stderr.write(`playfair start: ${m}\n`);
    return EXIT_USAGE;
  };
  if ('error' in opts) return usage(opts.error);
  if (opts.values['help'] === true) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  const failOn = opts.values['fail-on'] as string;
  if (parseSeverity(failOn) === null) return usage('--fail-on must be one of critical, high, medium, low, info');
  if (opts.positionals.length > 1) return usage('give at most one FILE');
  const file = opts.positionals[0];
  // On a terminal, the TUI (with no FILE it opens the example and says so in its header);
  // otherwise (CI, a pipe) the text report and analyze's exit code.
  if (io.stdout.isTTY === true && io.stdin.isTTY === true) return (await import('./tui.ts')).runTui(['--fail-on', failOn, ...(file === undefined ? [] : ['--', file])], io);
  return (await import('./analyze.ts')).runAnalyze(['--fail-on', failOn, '--', file ?? SEED_REPORT], io);
};
