// What a CLI command needs from the outside world, so tests can run commands in-process.
import type { Readable } from 'node:stream';

export interface CliIO {
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number; rows?: number };
  stderr: { write(s: string): unknown };
  stdin: Readable & { isTTY?: boolean };
}

/** A subcommand: takes its own arguments (after the subcommand name), returns the exit code. */
export type Command = (argv: string[], io: CliIO) => Promise<number>;

/** Exit codes shared by every subcommand. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
}
