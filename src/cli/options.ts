// Option parsing shared by subcommands: node's parseArgs, with errors as values. Node's own
// messages quote unevenly and suggest `--` syntax; they are rewritten into one short line that
// points at --help. What the user typed is neutralized before it reaches a terminal.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { neutralize } from '../report/sanitize.ts';

export type Parsed = { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };
export type OptionTable = NonNullable<ParseArgsConfig['options']>;

export function parseOptions(argv: string[], options: OptionTable): Parsed | { error: string } {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (e) {
    return { error: neutralize(optionErrorLine(e)) };
  }
}

/** Whether argv asks for help (`--help` or `-h` before any `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

const HINT = '(--help lists the options)';

/** One line for a parseArgs error, by its code; the quoted option is cut out with indexOf, not a regex. */
export function optionErrorLine(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const start = message.indexOf("'");
    const end = message.indexOf("'. ", start + 1);
    const token = start < 0 ? '' : message.slice(start + 1, end < 0 ? undefined : end);
    return `unknown option ${token} ${HINT}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // "Option '-f, --format <value>' argument missing" / "Option '--echo' does not take an argument"
    const start = message.indexOf("'");
    const end = message.indexOf("' ", start + 1);
    const spec = start < 0 || end < 0 ? '' : message.slice(start + 1, end);
    const name = (spec.split(', ').pop() ?? '').split(' ')[0] ?? '';
    if (message.endsWith('argument missing')) return `${name} needs a value ${HINT}`;
    if (message.endsWith('does not take an argument')) return `${name} takes no value ${HINT}`;
    return `bad value for ${name} ${HINT}`;
  }
  return `${message.split('\n')[0] ?? ''} ${HINT}`;
}
