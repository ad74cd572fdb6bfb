// Wait answers over the snapshot's wait graph: `::findlocks` (who waits on what, and who ends the
// wait) and `[ADDR]::wchaninfo [-v]` (wait channels and their waiters). mdb reads these from
// kernel memory; here they come from the stacks and ::mutex/::rwlock rows the input showed, and
// an owner that was only inferred says so.
import type { Addr } from '../../illumos/index.ts';
import type { WaitEdge } from '../model/waits.ts';
import { waitGraph } from '../model/waits-graph.ts';
import { label, linkWords, objectWords } from '../rules/waits-words.ts';
import { fail, type Dcmd } from './types.ts';

const W = 16; // %?p on a 64-bit target

const NO_WAITS = 'this dump shows no thread blocked on a lock, condition variable or semaphore (no blocking frames in its stacks)';

export const findlocks: Dcmd = {
  name: 'findlocks',
  usage: '',
  addrUsage: 'none',
  description: 'each blocked thread, what it waits on and who ends the wait (from the input, not kernel memory)',
  opts: { flags: '', valued: '' },
  pipes: true,
  run(ctx, inv) {
    if (inv.opts.rest.length > 0) return fail(`unexpected argument '${inv.opts.rest[0]}'`);
    const edges = ctx.a.snapshot.waits?.edges ?? [];
    if (edges.length === 0) return fail(NO_WAITS);
    if (inv.pipeOut) return { lines: [], addrs: edges.map((e) => e.thread) };
    const g = waitGraph(ctx.a.snapshot);
    const lines = edges.map((e) => {
      const l = g?.links.get(e.thread);
      if (l !== undefined) return linkWords(g!, l);
      const who = g !== null ? label(g, e.thread) : e.thread;
      return `${who} waits for ${objectWords(e)}; its owner is not in the input`;
    });
    return { lines };
  },
};

function kindWord(e: WaitEdge): string {
  return e.kind === 'cv' ? 'cond' : e.kind;
}

export const wchaninfo: Dcmd = {
  name: 'wchaninfo',
  usage: '[-v]',
  addrUsage: 'optional',
  description: 'wait channels and their waiters (-v: one line per waiter)',
  opts: { flags: 'v', valued: '' },
  pipes: false,
  run(ctx, inv) {
    if (inv.opts.rest.length > 0) return fail(`unexpected argument '${inv.opts.rest[0]}'`);
    const edges = (ctx.a.snapshot.waits?.edges ?? []).filter((e) => e.object !== null);
    if (edges.length === 0) return fail(`${NO_WAITS}, or its frames have no -v arguments naming the objects`);
    const byObject = new Map<Addr, WaitEdge[]>();
    for (const e of edges) {
      if (inv.addr !== null && e.object !== inv.addr) continue;
      const list = byObject.get(e.object!);
      if (list === undefined) byObject.set(e.object!, [e]);
      else list.push(e);
    }
    if (byObject.size === 0) return fail(`${inv.addr} is not a wait channel any thread in this dump waits on`);
    const verbose = inv.opts.set.has('v');
    const g = waitGraph(ctx.a.snapshot);
    const lines = [`${'ADDR'.padStart(W)} TYPE   NWAITERS ${verbose ? `${'THREAD'.padStart(W)}  PROC` : ''}`.trimEnd()];
    for (const [obj, waiters] of byObject) {
      const head = `${obj.padStart(W, '0')} ${kindWord(waiters[0]!).padEnd(6)} ${String(waiters.length).padStart(8)}`;
      if (!verbose) {
        lines.push(head);
        continue;
      }
      waiters.forEach((w, i) => {
        const t = g?.threads.get(w.thread);
        const proc = t?.proc ?? '-';
        lines.push(`${i === 0 ? head : ' '.repeat(head.length)} ${w.thread.padStart(W, '0')}  ${proc}`);
      });
    }
    return { lines };
  },
};
