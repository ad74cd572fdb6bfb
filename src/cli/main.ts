// playfair's command line: one subcommand per face of the pipeline.
import { processIO, EXIT_USAGE, type CliIO, type Command } from './io.ts';

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

exit codes: 0 clean, 1 findings at or above --fail-on (default high), 2 bad usage or unreadable input
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
    io.stderr.write(`playfair: unknown command "${name.replace(/[^\x20-\x7e]/g, '?')}"\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    // Bad input never gets a stack trace; a bug still says where to look, in one line.
    const msg = e instanceof Error ? e.message : String(e);
    io.stderr.write(`playfair ${name}: internal error: ${msg.replace(/[\x00-\x1f\x7f]/g, ' ')}\n`);
    return EXIT_USAGE;
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').pop()!);
if (isEntry) {
  main(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT_USAGE;
    },
  );
}
