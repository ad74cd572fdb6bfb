// Option parsing shared by subcommands: node's parseArgs, with errors as values.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SEVERITIES, type Severity } from '../rules/types.ts';

export type Parsed = { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };

export function parseOptions(argv: string[], options: NonNullable<ParseArgsConfig['options']>): Parsed | { error: string } {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export function parseSeverity(s: string): Severity | null {
  return (SEVERITIES as readonly string[]).includes(s) ? (s as Severity) : null;
}

/** Whether any finding is at or above the given severity. */
export function atOrAbove(sev: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(sev) <= SEVERITIES.indexOf(threshold);
}
