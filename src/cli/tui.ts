// `playfair tui [--fail-on SEV] [FILE|-]`: the terminal UI. No FILE: stdin when it is piped, else
// the bundled seed report. Not on a terminal (CI, a pipe to a file): the text report and analyze's
// exit code. An input that cannot be read is a one-line error and exit 2, as for `analyze`.
import { openSync } from 'node:fs';
import { ReadStream } from 'node:tty';
import type { Command } from './io.ts';
import { EXIT_OK, EXIT_USAGE } from './io.ts';
import { readInput } from '../input/index.ts';
import { SEED_REPORT } from './start.ts';
import { exitCodeFor, parseSeverity } from '../rules/policy.ts';
import type { Severity } from '../rules/types.ts';
import { verdictOf, type Analysis } from '../analysis.ts';
import type { Initial } from '../tui/App.tsx';
import { TUI_MAX_INPUT } from '../tui/limits.ts';
import { parseOptions, type OptionTable } from './options.ts';
import { TUI_HELP } from './help-tui.ts';

export const HELP = TUI_HELP;

/** Every flag tui accepts; each must appear in HELP (test/cli/help.test.ts checks). */
export const OPTIONS: OptionTable = {
  'fail-on': { type: 'string', default: 'high' },
  help: { type: 'boolean', short: 'h', default: false },
};

/** Said when no FILE was given and stdin is a terminal: the bundled example is what opens. */
export const EXAMPLE_NOTICE = 'no FILE given: this is the bundled example (illumos #1532); o opens another';

/** Alternate screen (the shell's screen comes back on quit) and bracketed paste on/off. */
const ENTER = '\x1b[?1049h\x1b[?2004h';
const LEAVE = '\x1b[?2004l\x1b[?1049l';

type Args = { ok: true; failOn: Severity; file: string | undefined; help: boolean } | { ok: false; error: string };

function parseArgs(argv: string[]): Args {
  const opts = parseOptions(argv, OPTIONS);
  if ('error' in opts) return { ok: false, error: opts.error };
  if (opts.values['help'] === true) return { ok: true, failOn: 'high', file: undefined, help: true };
  const failOn = parseSeverity(opts.values['fail-on'] as string);
  if (failOn === null) return { ok: false, error: '--fail-on must be one of critical, high, medium, low, info' };
  if (opts.positionals.length > 1) return { ok: false, error: 'give at most one FILE (or - for stdin)' };
  return { ok: true, failOn, file: opts.positionals[0], help: false };
}

/** The exit code policy.ts gives an analysis at `failOn`. */
export function tuiExitCode(a: Analysis, failOn: Severity): number {
  return exitCodeFor(verdictOf(a), failOn);
}

export const runTui: Command = async (argv, io) => {
  const args = parseArgs(argv);
  if (!args.ok) {
    io.stderr.write(`playfair tui: ${args.error}\n`);
    return EXIT_USAGE;
  }
  if (args.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  const stdinPiped = io.stdin.isTTY !== true;
  const path = args.file ?? (stdinPiped ? '-' : SEED_REPORT);

  if (io.stdout.isTTY !== true) {
    if (args.file === undefined && path === SEED_REPORT) io.stderr.write(`playfair tui: ${EXAMPLE_NOTICE.split(';')[0]}\n`);
    return (await import('./analyze.ts')).runAnalyze(['--fail-on', args.failOn, '--', path], io);
  }

  // Read before the screen opens: a missing, binary or directory input is an error line, not an
  // empty TUI.
  const input = await readInput(path, io, { maxInput: TUI_MAX_INPUT });
  if (!input.ok) {
    io.stderr.write(`playfair tui: ${input.message}\n`);
    return EXIT_USAGE;
  }
  const initial: Initial = { kind: 'text', text: input.text, source: path === '-' ? 'stdin' : path };
  const notice = args.file === undefined && path === SEED_REPORT ? EXAMPLE_NOTICE : undefined;
  let keys: NodeJS.ReadStream;
  if (path === '-') {
    // The dump came down the pipe; the keyboard is still the controlling terminal.
    try {
      keys = new ReadStream(openSync('/dev/tty', 'r')) as NodeJS.ReadStream;
    } catch {
      io.stderr.write('playfair tui: stdin was the dump and no terminal is available for keys; printing the report\n');
      const { analyzeText } = await import('../analyze.ts');
      const { renderText } = await import('../report/text.ts');
      const a = analyzeText(input.text, { source: '-' });
      io.stdout.write(renderText(a, io.stdout.columns === undefined ? {} : { width: io.stdout.columns }));
      return tuiExitCode(a, args.failOn);
    }
  } else {
    keys = io.stdin as NodeJS.ReadStream;
  }

  // Ink holds every frame until exit when CI is set (is-in-ci); on a terminal the screen must
  // draw, so the flag is cleared before Ink is loaded.
  delete process.env['CI'];
  delete process.env['CONTINUOUS_INTEGRATION'];
  // React's development build times every render and copies changed props for its profiler,
  // which for an Analysis of 50,000 threads stalls the screen for seconds; use the production one.
  process.env['NODE_ENV'] ??= 'production';
  const [{ default: React }, { render }, { App }, { realServices }] = await Promise.all([
    import('react'),
    import('ink'),
    import('../tui/App.tsx'),
    import('../tui/wiring.ts'),
  ]);
  const stdout = io.stdout as NodeJS.WriteStream;
  const services = realServices();
  stdout.write(ENTER);
  const restore = (): void => {
    stdout.write(LEAVE);
  };
  process.once('exit', restore);
  try {
    const app = render(React.createElement(App, { services, initial, ...(notice ? { notice } : {}) }), { stdout, stdin: keys, exitOnCtrlC: true, patchConsole: false });
    await app.waitUntilExit();
  } finally {
    process.off('exit', restore);
    restore();
    await services.close();
    if (keys !== io.stdin) keys.destroy();
  }
  return EXIT_OK;
};
