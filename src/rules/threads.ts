// Threads: lookup by address, what a thread is (from its stack), and which frames say nothing.
import { baseName, type Addr, type Cpu, type DispatcherSnapshot, type RunqEntry, type StackFrame, type Thread } from '../model/snapshot.ts';
import { BOUND_BY_DEFAULT_ROLES } from './facts.ts';
import { toAddr } from '../../illumos/index.ts';
import { threadsByAddr } from '../model/thread-index.ts';

export function normAddr(a: string): Addr {
  // illumos's one normaliser; text that is no address is kept as a key nothing matches.
  return toAddr(a) ?? (a as Addr);
}

/**
 * Threads by address. A large dump has tens of thousands of threads, and a Map of them all costs
 * more than most rules, while the rules mostly ask for the few the CPUs name (running or queued).
 * So those are indexed first, by one cheap pass, and the snapshot's full index (the model's own,
 * model/thread-index.ts) is asked only for another thread.
 */
export class ThreadIndex {
  /** The CPUs' threads; null where the snapshot has no thread of that address. */
  private readonly onCpus = new Map<Addr, Thread | null>();

  constructor(private readonly snapshot: DispatcherSnapshot) {
    for (const c of snapshot.cpus) {
      if (c.thread !== null) this.onCpus.set(c.thread, null);
      for (const e of c.runq ?? []) this.onCpus.set(e.thread, null);
    }
    // Snapshot addresses are normalised by the model: no normAddr per thread.
    for (const t of snapshot.threads) if (t.addr !== null && this.onCpus.has(t.addr)) this.onCpus.set(t.addr, t);
  }
  get(addr: string | null | undefined): Thread | null {
    if (addr === null || addr === undefined) return null;
    const key = normAddr(addr);
    const t = this.onCpus.get(key);
    if (t !== undefined) return t;
    return threadsByAddr(this.snapshot).get(key) ?? null;
  }
}

const indexes = new WeakMap<DispatcherSnapshot, ThreadIndex>();

/** The snapshot's thread index, built once however many rules and triage steps ask for it. */
export function threadIndex(snapshot: DispatcherSnapshot): ThreadIndex {
  let idx = indexes.get(snapshot);
  if (idx === undefined) {
    idx = new ThreadIndex(snapshot);
    indexes.set(snapshot, idx);
  }
  return idx;
}

/**
 * Frames that every sleeping or switching thread shows, and the system-call and start glue: they
 * say nothing about what the thread is or does.
 */
const GENERIC_FRAMES: ReadonlySet<string> = new Set([
  '_resume_from_idle',
  'resume',
  'resume_from_intr',
  'resume_from_zombie',
  'swtch',
  'swtch_to',
  'swtch_from_zombie',
  'thread_start',
  'thread_exit',
  'turnstile_block',
  'sema_p',
  'sema_p_sig',
  'shuttle_swtch',
  'shuttle_resume',
  'taskq_thread_wait',
  'sys_syscall',
  'sys_syscall32',
  'sys_sysenter',
  '_sys_sysenter_post_swapgs',
  'sys_syscall_int',
  'svc_handler',
  'lwp_rtt',
  'lwp_rtt_initial',
  '_sys_rtt',
  'cmnttrap',
  'trap',
  'die',
  'panic',
  'vpanic',
  'panicsys',
]);

/** cv_wait, cv_timedwait_hires, cv_wait_sig_swap_core... are all "asleep on a condition variable". */
export function isGenericFrame(func: string): boolean {
  const f = baseName(func);
  return GENERIC_FRAMES.has(f) || f.startsWith('cv_') || f.startsWith('0x') || f === '';
}

export { baseName } from '../model/snapshot.ts';

/** Frames innermost first, without the bracketed saved PC. */
export function realFrames(t: Thread): StackFrame[] {
  return (t.stack ?? []).filter((f) => f.saved !== true);
}

/**
 * What a thread is: its start function, i.e. the outermost non-generic frame of its stack
 * (`mac_soft_ring_worker`, `squeue_worker`, `taskq_thread`), except that a taskq worker is named by
 * its `tq:` description when shown; else the description; else null.
 */
export function threadRole(t: Thread | null): { name: string; line: number | null } | null {
  if (t === null) return null;
  const frames = realFrames(t);
  // A taskq worker's start function is always taskq_thread: its queue's name says more.
  if (t.desc !== null && t.desc.startsWith('tq:')) {
    const tq = frames.find((f) => baseName(f.func) === 'taskq_thread' || baseName(f.func) === 'taskq_d_thread');
    return { name: t.desc, line: tq?.line ?? t.lines['desc'] ?? null };
  }
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i]!;
    if (!isGenericFrame(f.func)) return { name: baseName(f.func), line: f.line };
  }
  if (t.desc !== null && t.desc.length > 0) return { name: t.desc, line: t.lines['desc'] ?? null };
  return null;
}

/** The first `n` non-generic frames, innermost first (what the thread is doing). */
export function innermostFrames(t: Thread, n: number): StackFrame[] {
  return realFrames(t)
    .filter((f) => !isGenericFrame(f.func))
    .slice(0, n);
}

export function hasFrame(t: Thread, pred: (func: string) => boolean): StackFrame | null {
  for (const f of t.stack ?? []) if (pred(baseName(f.func))) return f;
  return null;
}

/** The first frame (innermost first) whose function is one of `names`; for scans of every thread. */
export function frameNamed(t: Thread, names: ReadonlySet<string>): StackFrame | null {
  const stack = t.stack;
  if (stack === null) return null;
  for (let i = 0; i < stack.length; i++) if (names.has(baseName(stack[i]!.func))) return stack[i]!;
  return null;
}

const TASKQ_START: ReadonlySet<string> = new Set(['taskq_thread', 'taskq_d_thread']);

/** Is the thread a taskq worker (stack through taskq_thread/taskq_d_thread, or a `tq:` name)? */
export function isTaskqThread(t: Thread): boolean {
  if (t.desc !== null && t.desc.startsWith('tq:')) return true;
  return frameNamed(t, TASKQ_START) !== null;
}

export type Binding =
  | { kind: 'bound'; cpu: number; field: 't_bound_cpu' | 't_weakbound_cpu' | 't_bind_cpu' }
  | { kind: 'bound-by-default'; role: string }
  | { kind: 'unbound' }
  | { kind: 'unknown' };

/**
 * A thread's binding as the dispatcher sees it: `t_bound_cpu || t_weakbound_cpu`. processor_bind
 * sets t_bound_cpu too, so a `t_bind_cpu` (BOUND) of N proves a binding; its -1 proves nothing
 * (a kernel affinity, thread_affinity_set, does not show there) and never overrides what the
 * thread's role says (soft ring and squeue workers are bound by default).
 */
export function binding(t: Thread | null): Binding {
  if (t === null) return { kind: 'unknown' };
  if (t.boundCpu !== null && t.boundCpu >= 0) return { kind: 'bound', cpu: t.boundCpu, field: 't_bound_cpu' };
  if (t.weakBoundCpu !== null && t.weakBoundCpu >= 0) return { kind: 'bound', cpu: t.weakBoundCpu, field: 't_weakbound_cpu' };
  if (t.bindCpu !== null && t.bindCpu >= 0) return { kind: 'bound', cpu: t.bindCpu, field: 't_bind_cpu' };
  if (t.boundCpu === -1) return { kind: 'unbound' };
  const role = threadRole(t);
  if (role !== null && BOUND_BY_DEFAULT_ROLES.has(role.name)) return { kind: 'bound-by-default', role: role.name };
  return { kind: 'unknown' };
}

/** Binding in words for a thread label: `bound to CPU 1 (t_bound_cpu)`, `unbound`... */
export function bindingWords(b: Binding): string {
  switch (b.kind) {
    case 'bound':
      return `bound to CPU ${b.cpu} (${b.field})`;
    case 'bound-by-default':
      return 'bound to its CPU by default (assumed: t_bound_cpu not shown)';
    case 'unbound':
      return 'unbound (t_bound_cpu NULL)';
    case 'unknown':
      return 'binding not shown (t_bound_cpu)';
  }
}

/**
 * Queued threads of a CPU above priority `pri`; [] when either is unknown. Rules pass the
 * dispatched thread's priority (dispatch.ts), which under an interrupt is not PRI; the default,
 * PRI, is for callers that only count.
 */
export function queuedAbove(cpu: Cpu, pri: number | null = cpu.pri): RunqEntry[] {
  if (cpu.runq === null || pri === null) return [];
  const out: RunqEntry[] = [];
  for (const e of cpu.runq) if (e.pri > pri) out.push(e);
  return out;
}

/** A short label: `ffffff0007e01c40 (mac_soft_ring_worker)` or `... (sched)`. */
export function threadLabel(addr: string, t: Thread | null, proc: string | null): string {
  const role = threadRole(t);
  const what = role !== null ? role.name : proc !== null && proc !== '' ? proc : null;
  return what !== null ? `${addr} (${what})` : addr;
}

/** Messages list at most this many threads of a group, then say how many more: a run queue can hold 10^5. */
export const LIST_LIMIT = 12;

/**
 * `a, b, c, and 99997 more`: at most LIST_LIMIT of `items` joined, then the count of the rest of
 * `total` (callers pass the first few already formatted, so a 10^5 queue is not formatted whole).
 */
export function listSome(items: readonly string[], total: number = items.length, sep = ', '): string {
  const shown = items.slice(0, LIST_LIMIT);
  const rest = total - shown.length;
  return rest > 0 ? `${shown.join(sep)}${sep}and ${rest} more` : shown.join(sep);
}
