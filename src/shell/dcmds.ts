// The table of dcmds the prompt answers from a snapshot, in the order ::dcmds lists them.
import { cpuinfo } from './cpus.ts';
import { dcmdsList, help, quit } from './help.ts';
import { findlocks, wchaninfo } from './locks.ts';
import { print } from './print.ts';
import { dollarC, dollarc, panicinfo, status } from './system.ts';
import { findstack, stacks, threadlist, walk } from './threads.ts';
import type { Dcmd } from './types.ts';

export const DCMDS: readonly Dcmd[] = [cpuinfo, findstack, stacks, threadlist, walk, findlocks, wchaninfo, print, status, panicinfo, dollarC, dollarc, help, dcmdsList, quit];

/** Names for tab completion: `::name` for dcmds, the builtins as typed (`$C`), and `$q`. */
export function completionNames(): string[] {
  return [...DCMDS.map((d) => (d.name.startsWith('$') ? d.name : `::${d.name}`)), '$q'];
}
