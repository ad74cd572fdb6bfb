// `playfair mdb FILE|-`: an mdb-style prompt over a parsed dump. Commands come from -e, from a
// terminal (line editing, history, tab completion of dcmd names) or from stdin, one per line;
// answers are rendered by the same renderers the simulator and the TUI use. With --echo each
// answer is preceded by `> command`, so the output is itself a transcript that `playfair analyze`
// reads back. Exit 1 when any command was not (fully) answered.
import { createInterface } from 'node:readline';
import type { Command } from './io.ts';
import { EXIT_OK, EXIT_USAGE } from './io.ts';
import { parseOptions } from './options.ts';
import { readInput } from '../input/index.ts';
import { stdoutSink } from './sink.ts';
import { DEFAULT_MAX_INPUT } from './analyze.ts';
import { analyzeText } from '../analyze.ts';
import { runMdbCommand } from '../shell/commands.ts';
import { completeLine } from '../shell/complete.ts';
import { renderersFor } from '../shell/renderers.ts';
import { neutralize } from '../report/sanitize.ts';
import { MDB_HELP } from './help-mdb.ts';

export const OPTIONS = {
  echo: { type: 'boolean', default: false },
  command: { type: 'string', short: 'e', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

export const HELP = MDB_HELP;

export const runMdb: Command = async (argv, io) => {
  const opts = parseOptions(argv, OPTIONS);
  if (!('error' in opts) && opts.values['help'] === true) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if ('error' in opts || opts.positionals.length !== 1) {
    io.stderr.write(`playfair mdb: ${'error' in opts ? opts.error : 'give exactly one FILE (the dump to query) (--help lists the options)'}\n`);
    return EXIT_USAGE;
  }
  const path = opts.positionals[0]!;
  const commands = (opts.values['command'] as string[] | undefined) ?? [];
  if (path === '-' && commands.length === 0) {
    io.stderr.write('playfair mdb: with the dump on stdin, give the commands with -e\n');
    return EXIT_USAGE;
  }
  const input = await readInput(path, io, { maxInput: DEFAULT_MAX_INPUT });
  if (!input.ok) {
    io.stderr.write(`playfair mdb: ${input.message}\n`);
    return EXIT_USAGE;
  }
  const analysis = analyzeText(input.text, { source: input.name });
  const renderers = renderersFor();
  const interactive = io.stdin.isTTY === true && io.stdout.isTTY === true && commands.length === 0;
  const echo = opts.values['echo'] === true;
  let failed = false;
  // A reader that went away (`... | head -1`) ends the session quietly.
  const out = stdoutSink(io.stdout);
  const answer = (line: string): 'quit' | undefined => {
    if (out.closed === true) return 'quit';
    if (line.trim() === '') return undefined;
    if (echo) out.write(`> ${neutralize(line.trim())}\n`);
    const result = runMdbCommand(analysis, line, renderers);
    if (result.quit === true) return 'quit';
    // Renderers give back input text (proc names, symbols) as it was: neutralize before the terminal.
    for (const l of result.lines) out.write(`${neutralize(l)}\n`);
    if (result.error !== undefined) {
      failed = true;
      io.stderr.write(`mdb: ${neutralize(result.error)}\n`);
    }
    return undefined;
  };
  if (commands.length > 0) {
    for (const c of commands) if (answer(c) === 'quit') break;
    return failed ? 1 : 0;
  }
  if (interactive) {
    // On a terminal readline needs the real output stream to edit the line; io.stdout is then process.stdout.
    const rl = createInterface({
      input: io.stdin,
      output: io.stdout as unknown as NodeJS.WritableStream,
      terminal: true,
      historySize: 1000,
      removeHistoryDuplicates: true,
      completer: completeLine,
      prompt: '> ',
    });
    rl.prompt();
    for await (const line of rl) {
      if (answer(line) === 'quit') break;
      rl.prompt();
    }
    rl.close();
    return failed ? 1 : 0;
  }
  const rl = createInterface({ input: io.stdin, terminal: false });
  for await (const line of rl) if (answer(line) === 'quit') break;
  rl.close();
  return failed ? 1 : 0;
};
