// Wait answers over the snapshot's wait graph: `::findlocks` (who waits on what, and who ends the
// wait) and `[ADDR]::wchaninfo [-v]` (wait channels and their waiters). mdb reads these from
// kernel memory; here they come from the stacks and ::mutex/::rwlock rows the input showed, and
// an owner that was only inferred says so.
import type { Addr } from '../../illumos/index.ts';
import type { WaitEdge } from '../model/waits.ts';
import { waitGraph } from '../model/waits-graph.ts';
import { label, linkWords, objectWords } from '../rules/waits-words.ts';
import { wchaninfoHeader, wchaninfoLines } from '../render/wchaninfo.ts';
import { fail, type Dcmd } from './types.ts';

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

/** ::wchaninfo's TYPE column: the wchan walker walks sleep queues, so only CVs and semaphores. */
const WCHAN_TYPE: Readonly<Partial<Record<WaitEdge['kind'], string>>> = { cv: 'cond', sema: 'sema' };

export const wchaninfo: Dcmd = {
  name: 'wchaninfo',
  usage: '[-v]',
  addrUsage: 'optional',
  description: 'condition variables and semaphores slept on, and their waiters (-v)',
  opts: { flags: 'v', valued: '' },
  pipes: false,
  run(ctx, inv) {
    if (inv.opts.rest.length > 0) return fail(`unexpected argument '${inv.opts.rest[0]}'`);
    const edges = (ctx.a.snapshot.waits?.edges ?? []).filter((e) => e.object !== null && WCHAN_TYPE[e.kind] !== undefined);
    if (edges.length === 0) return fail('this dump shows no thread asleep on a condition variable or semaphore with its address (cv_wait/sema_p frames with -v arguments)');
    const byObject = new Map<Addr, WaitEdge[]>();
    for (const e of edges) {
      if (inv.addr !== null && e.object !== inv.addr) continue;
      const list = byObject.get(e.object!);
      if (list === undefined) byObject.set(e.object!, [e]);
      else list.push(e);
    }
    if (byObject.size === 0) return fail(`${inv.addr} is not a condition variable or semaphore any thread in this dump sleeps on`);
    const verbose = inv.opts.set.has('v');
    const g = waitGraph(ctx.a.snapshot);
    const lines = [wchaninfoHeader(verbose)];
    for (const [obj, waiters] of byObject) {
      // mdb prints the process's u_comm; a snapshot knows the thread's process name when shown.
      const who = waiters.map((w) => ({ thread: w.thread, proc: g?.threads.get(w.thread)?.proc ?? '?' }));
      lines.push(...wchaninfoLines({ addr: obj, type: WCHAN_TYPE[waiters[0]!.kind]!, count: waiters.length, waiters: who }, verbose));
    }
    return { lines };
  },
};
