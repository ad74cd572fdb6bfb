// Option parsing shared by subcommands: node's parseArgs, with errors as values. The message of
// an error may quote what the user typed, so it is neutralized before it reaches a terminal.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { neutralize } from '../report/sanitize.ts';

export type Parsed = { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };

export function parseOptions(argv: string[], options: NonNullable<ParseArgsConfig['options']>): Parsed | { error: string } {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (e) {
    return { error: neutralize(e instanceof Error ? e.message : String(e)) };
  }
}
