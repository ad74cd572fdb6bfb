// What the typed command says about `::print` output: options (-a addresses, -t types), the type
// and member paths, and the address. Only the last stage of a pipeline prints to the terminal.
import { normalizeAddr } from '../common/numbers.ts';
import type { SectionContext } from '../common/source.ts';
import { hasOption, isSymbolName, lastStage } from '../common/command-types.ts';

export interface PrintCommand {
  /** Object address typed before `::print` (hex), or null (piped in, a symbol, or none). */
  addr: string | null;
  /** A variable's name typed as the address (`kpreemptpri::print`), else null. */
  symbol: string | null;
  /** Type named on the command line (`kthread_t`, `struct scsi_pkt`), or null. */
  type: string | null;
  members: string[];
  showAddr: boolean;
  showType: boolean;
  /** No address at all: mdb prints the type's layout without values (trailing blanks). */
  typeless: boolean;
}

/** Options that take a value (`-s 2`, `-l8`). */
const VALUED = 'cls';

/** The arguments after the options (type, then member paths), skipping option values as mdb_getopts does. */
function positionalArgs(args: readonly string[]): string[] {
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a.length < 2 || a[0] !== '-') break;
    for (let j = 1; j < a.length; j++) {
      if (VALUED.includes(a[j]!)) {
        if (j === a.length - 1) i++; // the value is the next argument
        break;
      }
    }
  }
  return args.slice(i);
}

export function printCommand(ctx: SectionContext): PrintCommand | null {
  const st = lastStage(ctx.command);
  if (!st || st.verb !== 'dcmd' || st.name !== 'print') return null;
  const showAddr = hasOption(st, 'a', VALUED);
  const showType = hasOption(st, 't', VALUED) || hasOption(st, 'T', VALUED);
  const positional = positionalArgs(st.args);
  let type: string | null = positional.shift() ?? null;
  if ((type === 'struct' || type === 'union' || type === 'enum') && positional.length > 0) type = `${type} ${positional.shift()}`;
  const stages = ctx.command!.stages;
  const typed = st.addr !== null ? normalizeAddr(st.addr) : null;
  return {
    addr: typed,
    symbol: typed === null && st.addr !== null && isSymbolName(st.addr) && stages.length === 1 ? st.addr : null,
    type,
    members: positional,
    showAddr,
    showType,
    typeless: st.addr === null && stages.length === 1,
  };
}
