// The TUI's mdb-style prompt: parse a typed command with the shared command grammar and answer it
// from the loaded snapshot through the shared renderers (src/render), so the text is mdb's own.
import { parseCommandLine } from '../../grammar/command/index.ts';
import type { CommandStage } from '../../grammar/common/command-types.ts';
import { normalizeAddr } from '../../grammar/common/numbers.ts';
import type { Analysis } from '../analysis.ts';
import type { Thread } from '../model/snapshot.ts';
import type { CommandOutput } from './services.ts';

/** The renderers the prompt uses; loaded on first use (see wiring.ts for the real ones). */
export interface Renderers {
  cpuinfo(a: Analysis, verbose: boolean): string | string[];
  findstack(t: Thread, verbose: boolean): string | string[];
  stacks(a: Analysis, stage: CommandStage): string | string[];
  print(t: Thread, type: string, members: string[]): string | string[];
}

export const PROMPT_HELP = [
  'Commands answered from the loaded snapshot:',
  '  ::cpuinfo [-v]                    CPUs and their run queues',
  '  ADDR::findstack [-v]              a thread\'s stack',
  '  ::stacks   ADDR::stacks           threads grouped by stack',
  '  ADDR::print kthread_t [MEMBER...] thread fields (t_pri, t_state, t_cldata...)',
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
  const addr = normalizeAddr(addrText);
  if (addr === null) return `"${addrText}" is not an address`;
  const t = a.snapshot.threads.find((x) => x.addr === addr);
  return t ?? `thread ${addr} is not in this dump`;
}

export function runMdbCommand(a: Analysis, line: string, r: Renderers): CommandOutput {
  const trimmed = line.trim();
  if (trimmed === '::help' || trimmed === '?') return { lines: PROMPT_HELP };
  const cmd = parseCommandLine(trimmed);
  if (cmd === null) return { lines: [], error: `cannot parse "${trimmed}" as an mdb command (::help lists what works)` };
  if (cmd.stages.length !== 1) return { lines: [], error: 'pipelines are not answered from a snapshot; give one command' };
  const st = cmd.stages[0]!;
  const verbose = st.args.includes('-v');
  if (st.verb !== 'dcmd') return { lines: [], error: `${trimmed}: only dcmds (::name) are answered here (::help)` };
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
    case 'print': {
      const [type, ...members] = st.args.filter((x) => !x.startsWith('-'));
      if (type !== 'kthread_t') return { lines: [], error: 'only ADDR::print kthread_t [MEMBER...] is answered from a snapshot' };
      const t = findThread(a, st.addr);
      if (typeof t === 'string') return { lines: [], error: t };
      return { lines: asLines(r.print(t, type, members)) };
    }
    default:
      return { lines: [], error: `::${st.name} is not answered from a snapshot (::help lists what works)` };
  }
}
