// playfair's command line: one subcommand per face of the pipeline.
import { internalError } from '../../grammar/common/source.ts';
import { EXIT_INTERNAL, EXIT_USAGE } from '../rules/policy.ts';
import { neutralize } from '../report/sanitize.ts';
import { processIO, type CliIO, type Command } from './io.ts';
import { guardStandardStreams } from './sink.ts';

const USAGE = `playfair: postmortem analysis of the illumos kernel dispatcher from mdb output

usage:
  playfair analyze FILE|- [--format text|json|markdown|sarif] [--fail-on SEVERITY]
                          [--max-input SIZE] [--starvation-seconds N] [--hz N]
  playfair triage DIR|FILE... [--format ndjson|markdown] [--jobs N]
  playfair sim [--scenario NAME] [--kpreemptpri N] [--duration 18.4h] [--seed N] [--emit KINDS]
  playfair sim --what-if NAME=VALUE FILE
  playfair sim --check [--seeds N]
  playfair mdb FILE|-            an mdb-style prompt over a parsed dump (commands on stdin)
  playfair tui [FILE|-]          the terminal UI (the text report when not on a terminal)
  playfair start                 the terminal UI on the bundled seed report (npm start)

exit codes (analyze):
  0  clean: no finding at or above --fail-on (default high)
  1  findings at or above --fail-on
  2  bad usage or unreadable input (missing, binary, too large)
  3  nothing to judge: no mdb output could be read from the input
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

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(USAGE);
    return name === undefined ? EXIT_USAGE : 0;
  }
  const load = COMMANDS[name];
  if (load === undefined) {
    io.stderr.write(`playfair: unknown command "${neutralize(name)}"\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    // The last safety net: a bug becomes an internal-error value, reported in one line with where
    // it happened (the first frame of its stack), and its own exit code.
    io.stderr.write(`playfair ${name}: ${internalErrorLine(internalError(e))}\n`);
    return EXIT_INTERNAL;
  }
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
  main(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`playfair: ${internalErrorLine(internalError(e))}\n`);
      process.exitCode = EXIT_INTERNAL;
    },
  );
}
