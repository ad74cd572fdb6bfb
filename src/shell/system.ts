// What the dump says of the system as a whole: ::status, ::panicinfo and `$C`/`$c` (the panic
// thread's stack, or ADDR's), printed as mdb prints them from the values the input showed.
import { renderPanicinfo } from '../render/panicinfo.ts';
import { formatOffset } from '../../grammar/common/numbers.ts';
import type { Addr } from '../../illumos/index.ts';
import type { Analysis } from '../analysis.ts';
import { threadAt } from './target.ts';
import { fail, type Dcmd, type DcmdResult } from './types.ts';

const W = 16; // %?p / %?d on a 64-bit target

export const status: Dcmd = {
  name: 'status',
  usage: '',
  addrUsage: 'none',
  description: 'the target, as ::status in the input showed it',
  opts: { flags: '', valued: '' },
  pipes: false,
  run(ctx, inv) {
    if (inv.opts.rest.length > 0) return fail(`unexpected argument '${inv.opts.rest[0]}'`);
    const sys = ctx.a.snapshot.system;
    if (sys === null || Object.keys(sys.fields).length === 0) return fail('this dump does not show ::status');
    const f = { ...sys.fields };
    const lines: string[] = [];
    const target = f['target'];
    if (target !== undefined) {
      // mdb: "debugging live kernel (64-bit) on host", "debugging crash dump vmcore.0 (64-bit) from host".
      const host = f['host'] === undefined ? '' : ` ${target.startsWith('live') ? 'on' : 'from'} ${f['host']}`;
      lines.push(`debugging ${target}${f['bits'] === undefined ? '' : ` (${f['bits']}-bit)`}${host}`);
    }
    delete f['target'];
    delete f['bits'];
    delete f['host'];
    for (const [k, v] of Object.entries(f)) lines.push(`${k}: ${v}`);
    return { lines };
  },
};

export const panicinfo: Dcmd = {
  name: 'panicinfo',
  usage: '',
  addrUsage: 'none',
  description: 'the panic CPU, thread and message (registers are not in a snapshot)',
  opts: { flags: '', valued: '' },
  pipes: false,
  run(ctx, inv) {
    if (inv.opts.rest.length > 0) return fail(`unexpected argument '${inv.opts.rest[0]}'`);
    const p = ctx.a.snapshot.panic;
    if (p === null) return fail('this dump shows no panic (no ::panicinfo, ::status panic message or panic console lines)');
    return { lines: renderPanicinfo(p, W) };
  },
};

function backtrace(a: Analysis, addr: Addr | null, withFp: boolean): DcmdResult {
  let at = addr;
  if (at === null) {
    // Without an address mdb walks the representative thread: in a crash dump, the panic thread.
    at = a.snapshot.panic?.thread ?? null;
    if (at === null) return fail('no panic thread in this dump: give a thread address (ADDR$C)');
  }
  const t = threadAt(a, at);
  if (!t.ok) return fail(t.error);
  const frames = (t.value.stack ?? []).filter((f) => !f.saved);
  if (frames.length === 0) return fail(`thread ${at}: its stack is not in the input`);
  const lines = frames.map((f) => {
    const call = `${f.func}${formatOffset(f.offset)}(${(f.args ?? []).join(', ')})`;
    return withFp && f.fp !== null ? `${f.fp.padStart(W, '0')} ${call}` : call;
  });
  return { lines };
}

export const dollarC: Dcmd = {
  name: '$C',
  usage: '',
  addrUsage: 'optional',
  description: 'stack backtrace with frame pointers: the panic thread\'s, or ADDR\'s',
  opts: { flags: '', valued: '' },
  pipes: false,
  run: (ctx, inv) => backtrace(ctx.a, inv.addr, true),
};

export const dollarc: Dcmd = {
  name: '$c',
  usage: '',
  addrUsage: 'optional',
  description: 'stack backtrace: the panic thread\'s, or ADDR\'s',
  opts: { flags: '', valued: '' },
  pipes: false,
  run: (ctx, inv) => backtrace(ctx.a, inv.addr, false),
};
