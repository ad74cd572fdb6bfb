// What every grammar receives and returns. Errors are values: a grammar never throws on bad input.
import type { MdbRecord } from '../records.ts';
import type { ParsedCommand } from './command-types.ts';

/** One input line: its 1-based number in the original input and its text (no newline). */
export interface SourceLine {
  no: number;
  text: string;
}

/** A line (or part of one) that could not be read, with where and why. Columns are 1-based. */
export interface Diagnostic {
  line: number;
  col: number;
  message: string;
  /**
   * 'internal' when the line went unread because playfair itself failed (an exception in a
   * grammar), not because the input is bad. Internal errors fail the tests and the fuzzer, and
   * `analyze` exits with its own code for them.
   */
  kind?: 'internal';
  /** The exception's stack, kept for internal errors. */
  stack?: string;
}

/** An exception caught by a safety net, as a value: its message and stack. */
export interface InternalError {
  message: string;
  stack: string;
}

export function internalError(e: unknown): InternalError {
  if (e instanceof Error) return { message: e.message, stack: e.stack ?? e.message };
  return { message: String(e), stack: String(e) };
}

/** A diagnostic for a line left unread by an internal error. */
export function internalDiagnostic(line: number, col: number, what: string, e: InternalError): Diagnostic {
  return { line, col, message: `internal error ${what}: ${e.message}`, kind: 'internal', stack: e.stack };
}

/** What the ingest stage knows about the section a grammar is asked to read. */
export interface SectionContext {
  /** The command typed before the output, parsed; null when the output was pasted without it. */
  command: ParsedCommand | null;
  /**
   * How much of each stack frame the reader wants: `full` (default), or `shape` when only
   * functions and offsets are kept (shared stacks). Frame pointers and arguments are still read
   * and checked, just not kept: their frames carry null.
   */
  frameDetail?: 'full' | 'shape';
}

/**
 * The result of reading one section.
 * Accounting contract: every line of the section that is not the subject of an entry in
 * `unrecognized` counts as parsed. So a grammar must emit exactly one diagnostic per line it
 * could not read (the first problem on that line), and none for lines it read.
 */
export interface GrammarResult {
  records: MdbRecord[];
  unrecognized: Diagnostic[];
}

export function emptyResult(): GrammarResult {
  return { records: [], unrecognized: [] };
}

/** A grammar module's entry point. */
export type SectionParser = (lines: readonly SourceLine[], ctx: SectionContext) => GrammarResult;
