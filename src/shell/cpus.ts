// ::cpuinfo [-v] over the snapshot's CPUs; an address before it is a CPU id or a cpu_t address,
// as in mdb (`1::cpuinfo -v` prints CPU 1 only).
import { cpuAt } from './target.ts';
import { asLines, fail, type Dcmd } from './types.ts';

export const cpuinfo: Dcmd = {
  name: 'cpuinfo',
  usage: '[-v]',
  addrUsage: 'optional',
  description: 'CPUs and their run queues (ADDR: a CPU id or cpu_t address)',
  opts: { flags: 'v', valued: '' },
  pipes: true,
  run(ctx, inv) {
    if (inv.opts.rest.length > 0) return fail(`unexpected argument '${inv.opts.rest[0]}'`);
    let cpus = ctx.a.snapshot.cpus;
    if (cpus.length === 0) return fail('this dump shows no CPUs (no ::cpuinfo in the input)');
    if (inv.addr !== null) {
      const c = cpuAt(ctx.a, inv.addr);
      if (!c.ok) return fail(c.error);
      cpus = [c.value];
    }
    if (inv.pipeOut) {
      const addrs = cpus.flatMap((c) => (c.addr === null ? [] : [c.addr]));
      return addrs.length === cpus.length ? { lines: [], addrs } : fail('this dump does not show every cpu_t address to pipe', []);
    }
    const sub = { ...ctx.a, snapshot: { ...ctx.a.snapshot, cpus } };
    return { lines: asLines(ctx.r.cpuinfo(sub, inv.opts.set.has('v'))) };
  },
};
