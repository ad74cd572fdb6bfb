// What a CLI command needs from the outside world, so tests can run commands in-process.
import type { Readable } from 'node:stream';

export interface CliIO {
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number; rows?: number };
  stderr: { write(s: string): unknown };
  stdin: Readable & { isTTY?: boolean };
}

/** A subcommand: takes its own arguments (after the subcommand name), returns the exit code. */
export type Command = (argv: string[], io: CliIO) => Promise<number>;

// The exit codes are the findings policy's; re-exported for the subcommands that import them here.
export { EXIT_FINDINGS, EXIT_INTERNAL, EXIT_NOTHING_TO_JUDGE, EXIT_OK, EXIT_USAGE } from '../rules/policy.ts';

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
}
