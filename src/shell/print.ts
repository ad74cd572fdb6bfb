// ADDR::print [-atdx] kthread_t|tsproc_t|cpu_t MEMBER...: the members a snapshot knows, formatted
// by their C types as mdb formats them. A member the dump does not show is said to be missing
// (t_wchan unknown is "not in the input", never 0); `t_bound_cpu` is the cpu_t address of the
// thread's bound CPU, and `t_bound_cpu->cpu_id` reads through it.
import { fieldType } from '../model/ctypes.ts';
import { printValueText, renderPrintMembers, type PrintFieldInput } from '../render/print.ts';
import { stateCode, toAddr, type Addr } from '../../illumos/index.ts';
import type { Analysis } from '../analysis.ts';
import type { Cpu, Thread } from '../model/snapshot.ts';
import { cpuAt, cpuById, threadAt, threadByCldata } from './target.ts';
import { asLines, fail, type Dcmd, type DcmdResult } from './types.ts';

type TypeName = 'kthread_t' | 'tsproc_t' | 'cpu_t';
/** A member's value: a number, `unknown` (not in the input), or the CPU a pointer member leads to. */
type Value = bigint | 'unknown' | { cpu: Cpu | null; ptr: bigint };

const TYPES: readonly TypeName[] = ['kthread_t', 'tsproc_t', 'cpu_t'];

function num(v: number | boolean | null): bigint | 'unknown' {
  if (v === null) return 'unknown';
  return typeof v === 'boolean' ? (v ? 1n : 0n) : BigInt(v);
}

function ptr(a: Addr | null): bigint | 'unknown' {
  return a === null ? 'unknown' : BigInt('0x' + a);
}

/** A `struct cpu *` member from a CPU id (-1: NULL). */
function cpuPtr(a: Analysis, id: number | null): Value {
  if (id === null) return 'unknown';
  if (id === -1) return { cpu: null, ptr: 0n };
  const c = cpuById(a, id);
  return c === null || c.addr === null ? 'unknown' : { cpu: c, ptr: BigInt('0x' + c.addr) };
}

function threadMember(a: Analysis, t: Thread, m: string): Value | null {
  switch (m) {
    case 't_pri': return num(t.pri);
    case 't_epri': return num(t.epri);
    case 't_cid': return num(t.cid);
    case 't_disp_time': return num(t.dispTime);
    case 't_waitrq': return num(t.waitrq);
    case 't_bind_cpu': return num(t.bindCpu);
    case 't_state': return t.state === null ? 'unknown' : num(stateCode(t.state));
    case 't_cldata': return ptr(t.cldata);
    case 't_wchan': return ptr(t.wchan);
    case 't_procp': return ptr(t.procAddr);
    case 't_bound_cpu': return cpuPtr(a, t.boundCpu);
    case 't_weakbound_cpu': return cpuPtr(a, t.weakBoundCpu);
    case 't_cpu': return cpuPtr(a, t.onCpu);
  }
  return null;
}

function tsMember(t: Thread, m: string): Value | null {
  switch (m) {
    case 'ts_timeleft': return num(t.tsTimeleft);
    case 'ts_dispwait': return num(t.tsDispwait);
    case 'ts_flags': return num(t.tsFlags);
    case 'ts_tp': return ptr(t.addr);
  }
  return null;
}

function cpuMember(c: Cpu, m: string): Value | null {
  switch (m) {
    case 'cpu_id': return BigInt(c.id);
    case 'cpu_flags': return num(c.flags);
    case 'cpu_thread': return ptr(c.thread);
    case 'cpu_runrun': return num(c.runrun);
    case 'cpu_kprunrun': return num(c.kprunrun);
    case 'cpu_base_spl': return num(c.bspl);
    case 'cpu_dispatch_pri': return num(c.dispatchPri ?? null);
    case 'cpu_disp->disp_nrunnable': return num(c.nrun);
  }
  return null;
}

type Obj = { type: 'kthread_t' | 'tsproc_t'; t: Thread } | { type: 'cpu_t'; c: Cpu };

/** One member path's value; `null` when the type has no such member. */
function memberValue(a: Analysis, o: Obj, path: string): { value: Value; ctypeOf: string; struct: TypeName | 'disp_t' } | null {
  const arrow = path.indexOf('->');
  if (o.type === 'kthread_t' && arrow > 0 && path.slice(0, arrow).endsWith('cpu')) {
    // A cpu_t member read through the thread's CPU pointer (`t_bound_cpu->cpu_id`).
    const head = threadMember(a, o.t, path.slice(0, arrow));
    if (head === null || fieldType(path.slice(0, arrow), 'kthread_t') === null) return null;
    const rest = path.slice(arrow + 2);
    if (fieldType(rest, 'cpu_t') === null) return null;
    if (head === 'unknown' || typeof head === 'bigint') return { value: 'unknown', ctypeOf: rest, struct: 'cpu_t' };
    if (head.cpu === null) return { value: 'unknown', ctypeOf: rest, struct: 'cpu_t' }; // NULL: mdb cannot read through it
    const v = cpuMember(head.cpu, rest);
    return v === null ? { value: 'unknown', ctypeOf: rest, struct: 'cpu_t' } : { value: v, ctypeOf: rest, struct: 'cpu_t' };
  }
  if (fieldType(path, o.type) === null && !(o.type === 'cpu_t' && path === 'cpu_disp->disp_nrunnable')) return null;
  let v: Value | null;
  if (o.type === 'cpu_t') v = cpuMember(o.c, path);
  else v = o.type === 'kthread_t' ? threadMember(a, o.t, path) : tsMember(o.t, path);
  return { value: v ?? 'unknown', ctypeOf: path, struct: o.type === 'cpu_t' && path.includes('->') ? 'disp_t' : o.type };
}

function lookup(a: Analysis, type: TypeName, addr: Addr): { ok: true; o: Obj; what: string } | { ok: false; error: string } {
  if (type === 'cpu_t') {
    const c = cpuAt(a, addr);
    return c.ok ? { ok: true, o: { type, c: c.value }, what: `CPU ${c.value.id}` } : c;
  }
  // A tsproc_t address is a thread's t_cldata.
  const t = type === 'tsproc_t' ? threadByCldata(a, addr) : threadAt(a, addr);
  return t.ok ? { ok: true, o: { type, t: t.value }, what: `thread ${t.value.addr}` } : t;
}

export const print: Dcmd = {
  name: 'print',
  usage: '[-atdx] type [member ...]',
  addrUsage: 'required',
  description: 'members of a kthread_t, tsproc_t or cpu_t the dump shows',
  opts: { flags: 'atdx', valued: '' },
  pipes: true,
  run(ctx, inv): DcmdResult {
    const [type, ...members] = inv.opts.rest;
    if (type === undefined) return fail('give a type: ::print kthread_t|tsproc_t|cpu_t member ...');
    if (!(TYPES as readonly string[]).includes(type)) return fail(`::print ${type}: only kthread_t, tsproc_t and cpu_t are answered from a snapshot`);
    if (inv.addr === null) return fail(`::print ${type} needs an address (ADDR::print)`);
    if (members.length === 0) return fail(`give the members to print (a snapshot knows only some of ${type}: t_pri, t_state, t_cldata, t_bound_cpu, ts_timeleft, cpu_id...)`);
    const found = lookup(ctx.a, type as TypeName, inv.addr);
    if (!found.ok) return fail(found.error);
    const flags = inv.opts.set;
    const fields: PrintFieldInput[] = [];
    const missing: string[] = [];
    const piped: Addr[] = [];
    for (const m of members) {
      const mv = memberValue(ctx.a, found.o, m);
      if (mv === null) return fail(`failed to find member ${m} of ${type}: no such member`);
      const ct = fieldType(mv.ctypeOf, mv.struct)!;
      if (mv.value === 'unknown') {
        missing.push(m);
        continue;
      }
      const raw = typeof mv.value === 'bigint' ? mv.value : mv.value.ptr;
      // Only ts_timeleft (offset 0 of tsproc_t) has an address a snapshot knows: its t_cldata.
      const addr = found.o.type === 'tsproc_t' && m === 'ts_timeleft' ? found.o.t.cldata : null;
      if (flags.has('a') && addr === null) {
        missing.push(`the address of ${m}`);
        continue;
      }
      fields.push({ name: m, type: ct.name, addr, value: printValueText(ct, raw, { decimal: flags.has('d') && !flags.has('x') }) });
      const asAddr = raw >= 0n ? toAddr(raw.toString(16)) : null;
      if (asAddr !== null) piped.push(asAddr);
    }
    const error = missing.length > 0 ? `this dump does not show ${missing.join(', ')} for ${found.what} (not in the input)` : undefined;
    if (inv.pipeOut) return error === undefined ? { lines: [], addrs: piped } : { lines: [], addrs: piped, error };
    const lines = asLines(renderPrintMembers(fields, { showAddr: flags.has('a'), showType: flags.has('t') }));
    return error === undefined ? { lines } : { lines, error };
  },
};
