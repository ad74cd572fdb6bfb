// Sections: the ingest stage's view of a pasted text.
import type { ParsedCommand } from '../../grammar/common/command-types.ts';

/** Which grammar reads a section. `unknown` keeps a dcmd we have no grammar for. */
export type SectionKind =
  | 'cpuinfo'
  | 'findstack'
  | 'stacks'
  | 'threadlist'
  | 'thread'
  | 'print'
  | 'format'
  | 'frames'
  | 'status'
  | 'panicinfo'
  | 'panic'
  | 'registers'
  | 'system'
  | 'addresses'
  | 'ps'
  | 'classes'
  | 'mutex'
  | 'rwlock'
  | 'turnstile'
  | 'wchaninfo'
  | 'unknown';

export type LineClass = 'parsed' | 'prose' | 'unrecognized';

export interface Section {
  /** What was typed after the prompt, trimmed; null when the output came without its command. */
  command: string | null;
  parsedCommand: ParsedCommand | null;
  kind: SectionKind;
  /** First and last input line of the section (the prompt line when there is one). */
  startLine: number;
  endLine: number;
  /** ok: every line read; partial: some unrecognized; unknown: no grammar for it. */
  status: 'ok' | 'partial' | 'unknown';
  /** The line of mdb's pager prompt where the output stops, when the copy was made while it waited. */
  cutAt?: number;
  /** Lines where the writer cut output out (`[...]`, `<snip>`): what stood there is not in the input. */
  elided?: number[];
}

export interface Accounting {
  lines: number;
  parsed: number;
  prose: number;
  unrecognized: number;
}
