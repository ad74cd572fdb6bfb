// playfair's command line: one subcommand per face of the pipeline.
import { internalError } from '../../grammar/common/source.ts';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from '../rules/policy.ts';
import { wantsHelp } from './options.ts';
import { neutralize } from '../report/sanitize.ts';
import { processIO, type CliIO, type Command } from './io.ts';
import { guardStandardStreams, isClosedPipe } from './sink.ts';

const USAGE = `playfair: postmortem analysis of the illumos kernel dispatcher from mdb output

usage:
  playfair analyze FILE|- [--format text|json|markdown|sarif] [--fail-on SEVERITY] [--compact]
                          [--max-input SIZE] [--stream] [--starvation-seconds N] [--hz N]
  playfair triage DIR|FILE... [--format table|ndjson|markdown] [--fail-on SEVERITY] [--jobs N|auto]
                          [--max-input SIZE] [--starvation-seconds N] [--hz N]
  playfair sim [--scenario NAME] [--kpreemptpri N] [--duration 18.4h] [--seed N] [--emit KINDS]
  playfair sim --what-if NAME=VALUE FILE|-      playfair sim --check|--audit|--list
  playfair mdb FILE|- [--echo] [-e CMD]...     an mdb-style prompt over a parsed dump
  playfair tui [--fail-on SEVERITY] [FILE|-]   the terminal UI (the text report when not on a terminal)
  playfair start [--fail-on SEVERITY] [FILE]   the terminal UI on the bundled example (npm start)
  playfair help COMMAND                        a command's options and exit codes (or COMMAND --help)

exit codes (analyze; \`playfair help COMMAND\` gives each command's):
  0  clean: no finding at or above --fail-on (default high)
  1  findings at or above --fail-on
  2  bad usage, unreadable input (missing, binary, too large), or output that could not be written
  3  nothing to judge: no mdb output, no dispatcher state, or no CPU read from a ::cpuinfo shown
  4  internal error: playfair itself failed; the verdict may be incomplete
`;

const COMMANDS: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import('./analyze.ts')).runAnalyze,
  triage: async () => (await import('./triage.ts')).runTriage,
  sim: async () => (await import('./sim.ts')).runSim,
  mdb: async () => (await import('./mdb.ts')).runMdb,
  tui: async () => (await import('./tui.ts')).runTui,
  start: async () => (await import('./start.ts')).runStart,
};

/**
 * Each command's help, loaded without the command itself (so `help analyze` starts no analyser).
 */
const HELPS: Record<string, () => Promise<string>> = {
  analyze: async () => (await import('./help-analyze.ts')).ANALYZE_HELP,
  triage: async () => (await import('./help-triage.ts')).TRIAGE_HELP,
  sim: async () => (await import('./sim.ts')).HELP,
  mdb: async () => (await import('./help-mdb.ts')).MDB_HELP,
  tui: async () => (await import('./help-tui.ts')).TUI_HELP,
  start: async () => (await import('./help-tui.ts')).START_HELP,
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout).write(USAGE);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === 'help') return help(rest, io);
  const load = COMMANDS[name];
  if (load === undefined) {
    io.stderr.write(`playfair: unknown command "${neutralize(name)}" (playfair --help lists the commands)\n`);
    return EXIT_USAGE;
  }
  try {
    // Every command answers --help the same way, whether or not its own parser knows the flag.
    if (wantsHelp(rest)) {
      io.stdout.write(await HELPS[name]!());
      return EXIT_OK;
    }
    return await (await load())(rest, io);
  } catch (e) {
    // The last safety net: a bug becomes an internal-error value, reported in one line with where
    // it happened (the first frame of its stack), and its own exit code.
    io.stderr.write(`playfair ${name}: ${internalErrorLine(internalError(e))}\n`);
    return EXIT_INTERNAL;
  }
}

/** `playfair help [COMMAND]`. */
async function help(rest: string[], io: CliIO): Promise<number> {
  const [topic, ...extra] = rest;
  if (topic === undefined) {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  const get = HELPS[topic];
  if (get === undefined || extra.length > 0) {
    io.stderr.write(`playfair help: ${get === undefined ? `no command "${neutralize(topic)}"` : 'give one COMMAND'} (commands: ${Object.keys(HELPS).join(', ')})\n`);
    return EXIT_USAGE;
  }
  io.stdout.write(await get());
  return EXIT_OK;
}

/** `cannot write the output: no space left on device (ENOSPC)`, from a stream error. */
export function writeFailureLine(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  const reasons: Record<string, string> = { ENOSPC: 'no space left on device', EDQUOT: 'disk quota exceeded', EIO: 'input/output error', EFBIG: 'file too large' };
  const reason = typeof code === 'string' ? `${reasons[code] ?? 'write failed'} (${code})` : e instanceof Error ? e.message : 'write failed';
  return neutralize(`cannot write the output: ${reason}`);
}

/** `internal error: message (at file:line)`, neutralized, on one line. */
export function internalErrorLine(e: { message: string; stack: string }): string {
  const at = e.stack.split('\n').find((l) => l.trimStart().startsWith('at '));
  const where = at === undefined ? '' : ` (${at.trim()})`;
  return neutralize(`internal error: ${e.message}${where}`);
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').pop()!);
if (isEntry) {
  guardStandardStreams();
  // A report that could not be written (a full disk, /dev/full) is exit 2 and one line, not a
  // trace and not the findings' code: the reader has nothing to go on.
  let writeFailure: unknown = null;
  process.stdout.on('error', (e: unknown) => {
    if (!isClosedPipe(e)) writeFailure ??= e;
  });
  const finish = (code: number): void => {
    if (writeFailure !== null) {
      process.stderr.write(`playfair: ${writeFailureLine(writeFailure)}\n`);
      process.exitCode = EXIT_USAGE;
    } else process.exitCode = code;
  };
  main(process.argv.slice(2), processIO()).then(finish, (e: unknown) => {
    if (writeFailure === null) process.stderr.write(`playfair: ${internalErrorLine(internalError(e))}\n`);
    finish(EXIT_INTERNAL);
  });
}
