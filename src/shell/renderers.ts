// The prompt's renderers: snapshot parts turned back into mdb text by src/render.
import type { CommandStage } from '../../grammar/common/command-types.ts';
import { stacksStateName, stateOrder, toAddr, type Addr } from '../../illumos/index.ts';
import type { Analysis } from '../analysis.ts';
import type { Thread } from '../model/snapshot.ts';
import { renderCpuinfo } from '../render/cpuinfo.ts';
import { renderFindstack } from '../render/findstack.ts';
import { renderStacks, type StacksGroupView } from '../render/stacks.ts';
import type { Renderers } from './commands.ts';

/**
 * `::stacks` from the snapshot: threads with a known stack grouped by state, sync object and
 * identical frames, largest group first, then by state in illumos's order (a thread whose state is
 * not known last). A thread that came
 * from a `::stacks` group stands for `groupCount` threads.
 */
export function stacksGroups(threads: readonly Thread[], only: Addr | null): StacksGroupView[] {
  const groups = new Map<string, StacksGroupView & { members: string[]; n: number; rank: number }>();
  for (const t of threads) {
    if (!t.stack || t.stack.length === 0 || !t.addr) continue;
    if (only !== null && t.addr !== only) continue;
    const frames = t.stack.filter((f) => !f.saved);
    const key = `${t.state}|${t.sobj}|${frames.map((f) => `${f.func}+${f.offset}`).join(',')}`;
    const g = groups.get(key);
    const n = t.groupCount ?? 1;
    if (g) {
      g.n += n;
      g.count = g.n;
    } else {
      groups.set(key, {
        thread: t.addr, members: [], state: t.state === null ? null : stacksStateName(t.state), sobj: t.sobj,
        count: n, n, stack: frames, failure: t.stackFailure, rank: t.state === null ? Number.MAX_SAFE_INTEGER : stateOrder(t.state),
      });
    }
  }
  return [...groups.values()]
    .sort((a, b) => b.n - a.n || a.rank - b.rank)
    .map(({ thread, state, sobj, count, stack, failure }) => ({ thread, state, sobj, count, stack, failure }));
}

export function renderersFor(): Renderers {
  return {
    cpuinfo: (a: Analysis, verbose: boolean) => renderCpuinfo(a.snapshot.cpus, { verbose }),
    findstack: (t: Thread, verbose: boolean) =>
      renderFindstack({ addr: t.addr ?? '?', desc: t.desc, free: t.state === 'free', sp: null, stack: t.stack ?? [] }, { verbose }),
    stacks: (a: Analysis, st: CommandStage) => {
      const only = st.addr === null ? null : toAddr(st.addr);
      const groups = stacksGroups(a.snapshot.threads, only);
      return groups.length ? renderStacks(groups) : ['(no thread stacks in this dump)'];
    },
  };
}
