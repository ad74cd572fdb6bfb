// Thread dcmds over the snapshot: ::threadlist [-v], ::walk thread|blocked, ::findstack [-v] and
// ::stacks [-c func] [-m module]. Each writes thread addresses into a pipe where mdb's does.
import { formatOffset } from '../../grammar/common/numbers.ts';
import type { Addr } from '../../illumos/index.ts';
import type { StackFrame, Thread } from '../model/snapshot.ts';
import { isLockWait } from '../model/waits.ts';
import { threadAt } from './target.ts';
import { asLines, fail, type Dcmd, type DcmdResult, type ShellContext } from './types.ts';

const W = 16; // %?p on a 64-bit target

function known(a: Thread): a is Thread & { addr: Addr } {
  return a.addr !== null;
}

function pad(s: string, w = W): string {
  return s.padStart(w);
}

function threadlistRows(threads: readonly Thread[], verbose: boolean): string[] {
  // LWP is not in a snapshot: `?` where mdb prints the klwp_t pointer.
  const out = verbose
    ? [`${pad('ADDR')} ${pad('PROC')} ${pad('LWP')} CLS PRI ${pad('WCHAN')}`]
    : [`${pad('ADDR')} ${pad('PROC')} ${pad('LWP')} CMD/LWPID`];
  for (const t of threads) {
    const head = `${t.addr!.padStart(W, '0')} ${pad(t.procAddr ?? '?')} ${pad('?')} `;
    if (!verbose) {
      out.push(head + (t.desc ?? t.proc ?? '?'));
      continue;
    }
    out.push(head + `${String(t.cid ?? '?').padStart(3)} ${String(t.pri ?? '?').padStart(3)} ${pad(t.wchan ?? '?')}`);
    if (t.stack !== null && t.stack.length > 0) {
      // The findstack block, indented 2 as mdb_inc_indent(2) does, without arguments.
      const sp = t.stack.find((f) => f.saved)?.fp ?? '?';
      out.push(`  stack pointer for thread ${t.addr}: ${sp}`);
      for (const f of t.stack) out.push(f.saved ? `  [ ${(f.fp ?? sp).padStart(W, '0')} ${frameText(f)}() ]` : `    ${frameText(f)}()`);
    }
    out.push('');
  }
  return out;
}

function frameText(f: StackFrame): string {
  return f.func + formatOffset(f.offset);
}

export const threadlist: Dcmd = {
  name: 'threadlist',
  usage: '[-v]',
  addrUsage: 'none',
  description: 'threads of the dump (LWP is not in a snapshot: ?)',
  opts: { flags: 'v', valued: '' },
  pipes: true,
  run(ctx, inv) {
    if (inv.addr !== null) return fail('::threadlist of one process is not answered from a snapshot (give no address)');
    const threads = ctx.a.snapshot.threads.filter(known);
    if (inv.pipeOut) return { lines: [], addrs: threads.map((t) => t.addr) };
    if (threads.length === 0) return fail('this dump shows no threads');
    return { lines: threadlistRows(threads, inv.opts.set.has('v')) };
  },
};

/** Threads blocked on a lock's turnstile: mdb's `blocked` walker (ts_sobj == ADDR), here from the stacks. */
function blockedOn(ctx: ShellContext, sobj: Addr): Addr[] {
  return (ctx.a.snapshot.waits?.edges ?? []).filter((e) => e.object === sobj && isLockWait(e)).map((e) => e.thread);
}

export const walk: Dcmd = {
  name: 'walk',
  usage: 'thread | ADDR::walk blocked',
  addrUsage: 'none',
  description: 'walk the threads of the dump, or those blocked on the lock at ADDR (the walkers a snapshot answers)',
  opts: { flags: '', valued: '' },
  pipes: true,
  run(ctx, inv) {
    const name = inv.opts.rest[0];
    if (name === undefined || inv.opts.rest.length > 1) return fail('give one walker name: ::walk thread, ADDR::walk blocked');
    let addrs: Addr[];
    if (name === 'thread') {
      if (inv.addr !== null) return fail('a local walk (ADDR::walk thread) is not answered from a snapshot');
      addrs = ctx.a.snapshot.threads.filter(known).map((t) => t.addr);
    } else if (name === 'blocked') {
      // mdb's own words when the walk is global.
      if (inv.addr === null) return fail('must specify a sobj * for blocked walk');
      addrs = blockedOn(ctx, inv.addr);
    } else {
      return fail(`failed to perform walk: '${name}': unknown walk name (::walk thread and ADDR::walk blocked are answered from a snapshot)`);
    }
    return inv.pipeOut ? { lines: [], addrs } : { lines: addrs };
  },
};

export const findstack: Dcmd = {
  name: 'findstack',
  usage: '[-v]',
  addrUsage: 'required',
  description: 'a thread\'s stack (-v: with arguments)',
  opts: { flags: 'v', valued: '' },
  pipes: false,
  run(ctx, inv) {
    if (inv.addr === null) return fail('::findstack needs a thread address (ADDR::findstack)');
    const t = threadAt(ctx.a, inv.addr);
    if (!t.ok) return fail(t.error);
    // mdb would print `?` for a stack it cannot find; a snapshot knows it simply was not pasted.
    if (t.value.stack === null || t.value.stack.length === 0) {
      const why = t.value.stackFailure === null ? '' : ` (the input's mdb said: ${t.value.stackFailure})`;
      return fail(`thread ${inv.addr}: its stack is not in the input${why}`);
    }
    return { lines: asLines(ctx.r.findstack(t.value, inv.opts.set.has('v'))) };
  },
};

/** `mod` of a `mod`func` frame, or null when the frame names no module. */
function moduleOf(f: StackFrame): string | null {
  const i = f.func.indexOf('`');
  return i > 0 ? f.func.slice(0, i) : null;
}

function funcOf(f: StackFrame): string {
  const i = f.func.indexOf('`');
  return i >= 0 ? f.func.slice(i + 1) : f.func;
}

export const stacks: Dcmd = {
  name: 'stacks',
  usage: '[-c func] [-m module]',
  addrUsage: 'optional',
  description: 'threads grouped by identical stack; -c: with func in the stack; -m: with a frame in module',
  opts: { flags: '', valued: 'cm' },
  pipes: true,
  run(ctx, inv): DcmdResult {
    if (inv.opts.rest.length > 0) return fail(`unexpected argument '${inv.opts.rest[0]}'`);
    const func = inv.opts.values.get('c');
    const mod = inv.opts.values.get('m');
    let threads = ctx.a.snapshot.threads.filter((t) => t.stack !== null && t.stack.length > 0);
    if (inv.addr !== null) threads = threads.filter((t) => t.addr === inv.addr);
    if (mod !== undefined) {
      // Frames carry a module only when mdb printed `mod`func`; without one the answer is unknown, not "none".
      if (!threads.some((t) => t.stack!.some((f) => moduleOf(f) !== null))) return fail(`-m ${mod}: the stacks in this dump do not name modules (mod\`func), so a frame's module is not known`);
      threads = threads.filter((t) => t.stack!.some((f) => moduleOf(f) === mod));
    }
    if (func !== undefined) {
      const want = func.includes('`') ? func.slice(func.indexOf('`') + 1) : func;
      threads = threads.filter((t) => t.stack!.some((f) => !f.saved && funcOf(f) === want));
    }
    if (inv.pipeOut) return { lines: [], addrs: threads.filter(known).map((t) => t.addr) };
    if (threads.length === 0) return { lines: [] };
    const sub = { ...ctx.a, snapshot: { ...ctx.a.snapshot, threads } };
    return { lines: asLines(ctx.r.stacks(sub, inv.stage)) };
  },
};
