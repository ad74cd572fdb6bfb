// The shapes shared by the prompt's dcmds: what a dcmd is given (the snapshot, its address, its
// options, whether its output goes into a pipe) and what it gives back (lines, addresses, an error).
import type { CommandStage } from '../../grammar/common/command-types.ts';
import type { Addr } from '../../illumos/index.ts';
import type { Analysis } from '../analysis.ts';
import type { Renderers } from './commands.ts';
import type { OptSpec, Opts } from './getopts.ts';

export interface ShellContext {
  a: Analysis;
  r: Renderers;
  /** The dcmd table, for ::help and ::dcmds. */
  dcmds: readonly Dcmd[];
}

export interface Invocation {
  /** The address the dcmd runs at (typed, or one piped in), or null. */
  addr: Addr | null;
  stage: CommandStage;
  opts: Opts;
  /** Output goes into a pipe: give addresses (mdb's DCMD_PIPE_OUT). */
  pipeOut: boolean;
}

export interface DcmdResult {
  lines: string[];
  /** What the dcmd writes into a pipe. */
  addrs?: Addr[];
  /** Set when the command was not (fully) answered; the output, if any, is still shown. */
  error?: string;
}

export interface Dcmd {
  name: string;
  /** Usage after the name, as `::help` prints it (`[-v]`). */
  usage: string;
  /** Whether an address before the dcmd is part of its usage (`ADDR::findstack`). */
  addrUsage: 'none' | 'optional' | 'required';
  description: string;
  opts: OptSpec;
  /** Whether it can write addresses into a pipe. */
  pipes: boolean;
  run(ctx: ShellContext, inv: Invocation): DcmdResult;
}

/** `string | string[]` from a renderer as lines, without the empty string after a final newline. */
export function asLines(out: string | string[]): string[] {
  if (Array.isArray(out)) return out;
  const l = out.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

export function fail(error: string, lines: string[] = []): DcmdResult {
  return { lines, error };
}
