// `playfair tui [FILE|-]`: the terminal UI. No FILE: stdin when it is piped, else the bundled
// seed report. Not on a terminal (CI, a pipe to a file): the text report and analyze's exit code.
import { openSync } from 'node:fs';
import { ReadStream } from 'node:tty';
import type { Command } from './io.ts';
import { EXIT_OK, EXIT_USAGE } from './io.ts';
import { readInput } from './input.ts';
import { SEED_REPORT } from './start.ts';
import type { Initial } from '../tui/App.tsx';
import { TUI_MAX_INPUT } from '../tui/limits.ts';

const USAGE = 'usage: playfair tui [FILE|-]   (keys: ? help, q quit)\n';

/** Alternate screen (the shell's screen comes back on quit) and bracketed paste on/off. */
const ENTER = '\x1b[?1049h\x1b[?2004h';
const LEAVE = '\x1b[?2004l\x1b[?1049l';

export const runTui: Command = async (argv, io) => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (argv.length > 1 || (argv[0] !== undefined && argv[0] !== '-' && argv[0].startsWith('-'))) {
    io.stderr.write(`playfair tui: ${USAGE}`);
    return EXIT_USAGE;
  }
  const stdinPiped = io.stdin.isTTY !== true;
  const path = argv[0] ?? (stdinPiped ? '-' : SEED_REPORT);

  if (io.stdout.isTTY !== true) return (await import('./analyze.ts')).runAnalyze([path], io);

  let initial: Initial;
  let keys: NodeJS.ReadStream;
  if (path === '-') {
    const input = await readInput('-', io, { maxInput: TUI_MAX_INPUT });
    if (!input.ok) {
      io.stderr.write(`playfair tui: ${input.message}\n`);
      return EXIT_USAGE;
    }
    initial = { kind: 'text', text: input.text, source: 'stdin' };
    // The dump came down the pipe; the keyboard is still the controlling terminal.
    try {
      keys = new ReadStream(openSync('/dev/tty', 'r')) as NodeJS.ReadStream;
    } catch {
      io.stderr.write('playfair tui: stdin was the dump and no terminal is available for keys; printing the report\n');
      const { analyzeText } = await import('../analyze.ts');
      const { renderText } = await import('../report/text.ts');
      const { exitCodeFor } = await import('../tui/format.ts');
      const a = analyzeText(input.text, { source: '-' });
      io.stdout.write(renderText(a, io.stdout.columns === undefined ? {} : { width: io.stdout.columns }));
      return exitCodeFor(a);
    }
  } else {
    initial = { kind: 'file', path };
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
    const app = render(React.createElement(App, { services, initial }), { stdout, stdin: keys, exitOnCtrlC: true, patchConsole: false });
    await app.waitUntilExit();
  } finally {
    process.off('exit', restore);
    restore();
    await services.close();
    if (keys !== io.stdin) keys.destroy();
  }
  return EXIT_OK;
};
