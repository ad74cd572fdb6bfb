// The mdb-style prompt of `playfair mdb` and the TUI: parse a typed command line with the shared
// command grammar, run its pipeline stage by stage over the loaded snapshot (src/shell/dcmds.ts),
// and refuse in mdb's style what a snapshot cannot answer. Text comes from the shared renderers.
import { parseCommandLine } from '../../grammar/command/index.ts';
import type { CommandStage } from '../../grammar/common/command-types.ts';
import type { Addr } from '../../illumos/index.ts';
import type { Analysis } from '../analysis.ts';
import type { Thread } from '../model/snapshot.ts';
import { DCMDS } from './dcmds.ts';
import { getopts } from './getopts.ts';
import { synopsis } from './help.ts';
import { formatTunable, printsVariable, printTunable } from './tunables.ts';
import { evalAddr } from './target.ts';
import type { Dcmd, DcmdResult, ShellContext } from './types.ts';

/** Output of one mdb-style command line. */
export interface CommandOutput {
  lines: string[];
  /** Set when the command was not (fully) answered; shown after any output. */
  error?: string;
  /** `::quit` or `$q`: leave the prompt. */
  quit?: boolean;
}

/** The renderers the prompt uses; loaded on first use (renderers.ts has the real ones). */
export interface Renderers {
  cpuinfo(a: Analysis, verbose: boolean): string | string[];
  findstack(t: Thread, verbose: boolean): string | string[];
  stacks(a: Analysis, stage: CommandStage): string | string[];
}

function findDcmd(st: CommandStage): Dcmd | string {
  if (st.verb === 'dcmd') return DCMDS.find((d) => d.name === st.name) ?? `invalid command '::${st.name}': unknown dcmd name (::dcmds lists what is answered)`;
  if (st.verb === 'builtin') {
    if (st.name === '$q') return 'quit';
    return DCMDS.find((d) => d.name === st.name) ?? `'${st.name}' is not answered from a snapshot (::dcmds lists what is)`;
  }
  if (st.verb === 'format') return `'${st.name}': formats (/D, =x) read the target's memory, which a pasted dump does not have`;
  if (st.verb === 'macro') return `'$<${st.name}': macros are not answered from a snapshot`;
  return 'an address alone (repeat the last command there) is not answered from a snapshot';
}

/** One stage at one address (or none). */
function runStage(ctx: ShellContext, d: Dcmd, st: CommandStage, addr: Addr | null, pipeOut: boolean): DcmdResult {
  const g = getopts(st.args, d.opts);
  if (!g.ok) return { lines: [], error: `${g.error} (usage: ${synopsis(d)})` };
  if (addr !== null && d.addrUsage === 'none' && d.name !== 'threadlist' && d.name !== 'walk') return { lines: [], error: `::${d.name} takes no address (usage: ${synopsis(d)})` };
  return d.run(ctx, { addr, stage: st, opts: g.opts, pipeOut });
}

/** Several errors of one pipeline in one line: the first, and how many more. */
function summarize(errors: string[]): string | undefined {
  if (errors.length === 0) return undefined;
  return errors.length === 1 ? errors[0] : `${errors[0]} (and ${errors.length - 1} more like it)`;
}

export function runMdbCommand(a: Analysis, line: string, r: Renderers): CommandOutput {
  const trimmed = line.trim();
  if (trimmed === '') return { lines: [] };
  const cmd = parseCommandLine(trimmed);
  if (cmd === null) return { lines: [], error: `syntax error: cannot read "${trimmed}" as an mdb command (::help lists what works)` };
  const only = cmd.stages.length === 1 ? cmd.stages[0]! : null;
  if (only !== null && only.verb === 'format') {
    // `=` formats the value typed, not memory (the stage says which it was).
    if (only.immediate === true) return { lines: [], error: `'${cmd.text}': =FORMAT (value formatting) is not answered from a snapshot` };
    return formatTunable(a, only);
  }
  if (only !== null && printsVariable(only)) return printTunable(a, only);
  const stages: { st: CommandStage; d: Dcmd }[] = [];
  for (const st of cmd.stages) {
    const d = findDcmd(st);
    if (d === 'quit' || (typeof d !== 'string' && d.name === 'quit')) {
      if (cmd.stages.length > 1) return { lines: [], error: 'quit cannot be part of a pipeline' };
      return { lines: [], quit: true };
    }
    if (typeof d === 'string') return { lines: [], error: d };
    stages.push({ st, d });
  }
  const ctx: ShellContext = { a, r, dcmds: DCMDS };
  const first = stages[0]!;
  if (first.st.count !== null) return { lines: [], error: `a repeat count (,${first.st.count}) is not answered from a snapshot` };
  let addr: Addr | null = null;
  if (first.st.addr !== null) {
    const e = evalAddr(first.st.addr);
    if (!e.ok) return { lines: [], error: e.error };
    addr = e.value;
  }
  const errors: string[] = [];
  let inputs: (Addr | null)[] = [addr];
  for (let i = 0; i < stages.length; i++) {
    const { st, d } = stages[i]!;
    const last = i === stages.length - 1;
    if (i > 0 && (st.addr !== null || st.count !== null)) return { lines: [], error: `::${d.name}: a stage after a pipe takes its addresses from the pipe` };
    if (!last && !d.pipes) return { lines: [], error: `::${d.name} writes no addresses into a pipe` };
    const lines: string[] = [];
    const next: Addr[] = [];
    for (const at of inputs) {
      const res = runStage(ctx, d, st, at, !last);
      lines.push(...res.lines);
      if (res.addrs) next.push(...res.addrs);
      if (res.error !== undefined) errors.push(res.error);
    }
    if (last) {
      const error = summarize(errors);
      return error === undefined ? { lines } : { lines, error };
    }
    inputs = next;
  }
  return { lines: [] }; // not reached: the last stage returns
}
