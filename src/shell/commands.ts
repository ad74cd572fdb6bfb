// The mdb-style prompt of `playfair mdb` and the TUI: parse a typed command with the shared
// command grammar and answer it from the loaded snapshot through the shared renderers (src/render), so the text is mdb's own.
import { hasOption } from '../../grammar/common/command-types.ts';
import { parseCommandLine } from '../../grammar/command/index.ts';
import type { CommandStage } from '../../grammar/common/command-types.ts';
import { toAddr } from '../../illumos/index.ts';
import type { Analysis } from '../analysis.ts';
import type { Thread } from '../model/snapshot.ts';

/** Output of one mdb-style command. */
export interface CommandOutput {
  lines: string[];
  /** Set when the command could not be run; shown instead of output. */
  error?: string;
}

/** The renderers the prompt uses; loaded on first use (renderers.ts has the real ones). */
export interface Renderers {
  cpuinfo(a: Analysis, verbose: boolean): string | string[];
  findstack(t: Thread, verbose: boolean): string | string[];
  stacks(a: Analysis, stage: CommandStage): string | string[];
  /** Member-path `::print` of what the snapshot knows; `flags` are `-a`, `-t`, `-d`. */
  print(t: Thread, type: 'kthread_t' | 'tsproc_t', members: string[], flags: string[]): string | string[];
}

export const PROMPT_HELP = [
  'Commands answered from the loaded snapshot:',
  '  ::cpuinfo [-v]                    CPUs and their run queues',
  '  ADDR::findstack [-v]              a thread\'s stack',
  '  ::stacks   ADDR::stacks           threads grouped by stack',
  '  ADDR::print [-atd] kthread_t MEMBER...  thread fields (t_pri, t_state, t_cldata...)',
  '  ADDR::print kthread_t t_cldata | ::print tsproc_t ts_timeleft',
  '  $q                                leave the prompt',
];

function asLines(out: string | string[]): string[] {
  if (Array.isArray(out)) return out;
  const l = out.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

function findThread(a: Analysis, addrText: string | null): Thread | string {
  if (addrText === null) return 'this command needs a thread address (ADDR::...)';
  const addr = toAddr(addrText);
  if (addr === null) return `"${addrText}" is not an address`;
  const t = a.snapshot.threads.find((x) => x.addr === addr);
  return t ?? `thread ${addr} is not in this dump`;
}

/** `::print TYPE MEMBER...` pieces: the type, the members, the flags. */
function printArgs(st: CommandStage): { type: string | undefined; members: string[]; flags: string[] } {
  const flags = st.args.filter((x) => x.startsWith('-'));
  const [type, ...members] = st.args.filter((x) => !x.startsWith('-'));
  return { type, members, flags: flags.flatMap((f) => [...f.slice(1)].map((c) => `-${c}`)) };
}

function print(a: Analysis, st: CommandStage, r: Renderers, via: Thread | null): CommandOutput {
  const { type, members, flags } = printArgs(st);
  if (type !== 'kthread_t' && type !== 'tsproc_t') return { lines: [], error: 'only ::print kthread_t and ::print tsproc_t are answered from a snapshot' };
  if (members.length === 0) return { lines: [], error: `give the members to print (a snapshot knows only some of ${type}: t_pri, t_state, t_cldata, ts_timeleft...)` };
  let t: Thread | string;
  if (via !== null) t = via;
  else if (type === 'tsproc_t') {
    // A tsproc_t address is a thread's t_cldata.
    const addr = st.addr === null ? null : toAddr(st.addr);
    t = a.snapshot.threads.find((x) => addr !== null && x.cldata === addr) ?? `no thread in this dump has class data at ${st.addr ?? '(no address)'}`;
  } else t = findThread(a, st.addr);
  if (typeof t === 'string') return { lines: [], error: t };
  const lines = asLines(r.print(t, type, members, flags));
  return lines.length ? { lines } : { lines: [], error: `this dump does not show ${members.join(', ')} for thread ${t.addr}` };
}

export function runMdbCommand(a: Analysis, line: string, r: Renderers): CommandOutput {
  const trimmed = line.trim();
  if (trimmed === '::help' || trimmed === '?') return { lines: PROMPT_HELP };
  const cmd = parseCommandLine(trimmed);
  if (cmd === null) return { lines: [], error: `cannot parse "${trimmed}" as an mdb command (::help lists what works)` };
  if (cmd.stages.some((s) => s.verb !== 'dcmd')) return { lines: [], error: `${trimmed}: only dcmds (::name) are answered here (::help)` };
  if (cmd.stages.length === 2) {
    // The one pipeline a snapshot can answer: a thread's class data, read through t_cldata.
    const [s1, s2] = cmd.stages as [CommandStage, CommandStage];
    const p1 = printArgs(s1);
    const p2 = printArgs(s2);
    if (s1.name === 'print' && s2.name === 'print' && p1.type === 'kthread_t' && p1.members.join() === 't_cldata' && p2.type === 'tsproc_t') {
      const t = findThread(a, s1.addr);
      if (typeof t === 'string') return { lines: [], error: t };
      return print(a, s2, r, t);
    }
  }
  if (cmd.stages.length !== 1) return { lines: [], error: 'pipelines are not answered from a snapshot (except ADDR::print kthread_t t_cldata | ::print tsproc_t ...)' };
  const st = cmd.stages[0]!;
  const verbose = hasOption(st, 'v');
  switch (st.name) {
    case 'cpuinfo':
      if (a.snapshot.cpus.length === 0) return { lines: [], error: 'this dump shows no CPUs (no ::cpuinfo in the input)' };
      return { lines: asLines(r.cpuinfo(a, verbose)) };
    case 'findstack': {
      const t = findThread(a, st.addr);
      if (typeof t === 'string') return { lines: [], error: t };
      return { lines: asLines(r.findstack(t, verbose)) };
    }
    case 'stacks':
      return { lines: asLines(r.stacks(a, st)) };
    case 'print':
      return print(a, st, r, null);
    default:
      return { lines: [], error: `::${st.name} is not answered from a snapshot (::help lists what works)` };
  }
}
