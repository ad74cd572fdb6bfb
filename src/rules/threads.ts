// Threads: lookup by address, what a thread is (from its stack), and which frames say nothing.
import type { Addr, Cpu, DispatcherSnapshot, RunqEntry, StackFrame, Thread } from '../model/snapshot.ts';
import { toAddr } from '../../illumos/index.ts';

export function normAddr(a: string): Addr {
  // illumos's one normaliser; text that is no address is kept as a key nothing matches.
  return toAddr(a) ?? (a as Addr);
}

/**
 * Threads by address. A large dump has tens of thousands of threads, and a Map of them all costs
 * more than most rules, while the rules mostly ask for the few the CPUs name (running or queued).
 * So those are indexed first, by one cheap pass, and the full Map is built only when a lookup asks
 * for another thread.
 */
export class ThreadIndex {
  /** The CPUs' threads; null where the snapshot has no thread of that address. */
  private readonly onCpus = new Map<Addr, Thread | null>();
  private all: Map<Addr, Thread> | null = null;
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
    if (this.all === null) {
      this.all = new Map();
      for (const t of this.snapshot.threads) if (t.addr !== null) this.all.set(t.addr, t);
    }
    return this.all.get(key) ?? null;
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

/** Strips a module prefix (`unix\`swtch`, `libc.so.1\`poll`) so names compare across outputs. */
export function baseName(func: string): string {
  // indexOf first: most names have no prefix, and it is much cheaper than lastIndexOf in V8.
  return func.indexOf('`') < 0 ? func : func.slice(func.lastIndexOf('`') + 1);
}

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

/**
 * A thread's binding as the input shows it. The model fills boundCpu from `t_bind_cpu` / the
 * BOUND column of `::thread -d` (processor_bind); -1 there means no processor binding, though a
 * kernel affinity (t_bound_cpu, thread_affinity_set) would not show in it.
 */
export function binding(t: Thread | null): { kind: 'bound'; cpu: number } | { kind: 'unbound' } | { kind: 'unknown' } {
  if (t === null) return { kind: 'unknown' };
  if (t.boundCpu !== null && t.boundCpu >= 0) return { kind: 'bound', cpu: t.boundCpu };
  if (t.lines['boundCpu'] !== undefined) return { kind: 'unbound' };
  return { kind: 'unknown' };
}

/** Queued threads of a CPU at a priority above what it is running now; [] when unknown. */
export function queuedAbove(cpu: Cpu): RunqEntry[] {
  if (cpu.runq === null || cpu.pri === null) return [];
  const running = cpu.pri;
  return cpu.runq.filter((e) => e.pri > running);
}

/** A short label: `ffffff0007e01c40 (mac_soft_ring_worker)` or `... (sched)`. */
export function threadLabel(addr: string, t: Thread | null, proc: string | null): string {
  const role = threadRole(t);
  const what = role !== null ? role.name : proc !== null && proc !== '' ? proc : null;
  return what !== null ? `${addr} (${what})` : addr;
}

/** Priority-class words for a global priority. */
export function priClass(pri: number): string {
  if (pri < 0) return 'idle';
  if (pri <= 59) return 'user range';
  if (pri <= 99) return 'SYS range';
  return 'interrupt/RT range';
}
