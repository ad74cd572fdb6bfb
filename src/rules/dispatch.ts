// What the dispatcher sees on a CPU, which is not always what `::cpuinfo` prints: under an
// interrupt, PRI and THREAD are the interrupt thread's, while the dispatcher compares waiters with
// cpu_dispatch_pri, the priority of the pinned thread on the `-` row of the PIL block.
import { CPU_FAULTED, CPU_FLAGS, CPU_OFFLINE, CPU_POWEROFF, CPU_QUIESCED, CPU_SPARE, IDLE_PRI, INTR_PRI_NO_RT, INTR_PRI_WITH_RT, TS_MAXUMDPRI, priorityBand } from '../../illumos/index.ts';
import type { Addr, Cpu, PilThread, Thread } from '../model/snapshot.ts';
import type { ThreadIndex } from './threads.ts';
import type { RuleContext } from './types.ts';

export interface Dispatched {
  /** The dispatched thread (the pinned one under an interrupt); null when not shown. */
  thread: Addr | null;
  proc: string | null;
  /** cpu_dispatch_pri as far as the input shows it; null when it does not. */
  pri: number | null;
  /** When pri is null: a ceiling the input proves (a TS thread is at most 59, 60 with TSKPRI). */
  ceiling: number | null;
  /** Where pri came from, in words for messages. */
  source: string;
  /** The interrupt thread on top of the CPU, when one is active. */
  interrupt: (PilThread & { pri: number | null }) | null;
  /** The dispatched thread is the idle thread (cpu_dispatch_pri -1). */
  idle: boolean;
  line: number | null;
}

function isIdleProc(p: string | null): boolean {
  return p === '(idle)';
}

/** The CPU's dispatched thread and priority, seeing through an active interrupt thread. */
export function dispatched(cpu: Cpu, idx: ThreadIndex): Dispatched {
  const top = cpu.pil[0];
  const interrupt = top !== undefined ? { ...top, pri: cpu.thread === top.thread ? cpu.pri : null } : null;
  const shown = cpu.dispatchPri ?? null;
  if (interrupt === null) {
    const pri = shown ?? cpu.pri;
    return {
      thread: cpu.thread,
      proc: cpu.proc,
      pri,
      ceiling: null,
      source: shown !== null ? 'cpu_dispatch_pri' : 'PRI',
      interrupt: null,
      idle: pri === IDLE_PRI || isIdleProc(cpu.proc),
      line: cpu.lines['pri'] ?? null,
    };
  }
  const pinned = cpu.pinned;
  if (pinned === null) {
    return { thread: null, proc: null, pri: shown, ceiling: null, source: shown !== null ? 'cpu_dispatch_pri' : 'not shown', interrupt, idle: shown === IDLE_PRI, line: null };
  }
  if (isIdleProc(pinned.proc)) {
    return { thread: pinned.thread, proc: pinned.proc, pri: IDLE_PRI, ceiling: null, source: 'the pinned idle thread', interrupt, idle: true, line: pinned.line };
  }
  const t = idx.get(pinned.thread);
  const pri = shown ?? t?.pri ?? null;
  const ts = t !== null && t.tsTimeleft !== null;
  return {
    thread: pinned.thread,
    proc: pinned.proc,
    pri,
    // A thread with TS class data is at a user priority (60 at most, with the old TSKPRI).
    ceiling: pri === null && ts ? TS_MAXUMDPRI + 1 : null,
    source: shown !== null ? 'cpu_dispatch_pri' : pri !== null ? "the pinned thread's t_pri" : ts ? `a TS thread (at most ${TS_MAXUMDPRI + 1})` : 'not shown',
    interrupt,
    idle: false,
    line: pinned.line,
  };
}

/** The priority to compare waiters with: the exact one, else the proven ceiling, else null. */
export function comparePri(d: Dispatched): number | null {
  return d.pri ?? d.ceiling;
}

/** `pri 0` or `pri at most 60`, for messages. */
export function priWords(d: Dispatched): string {
  if (d.pri !== null) return `pri ${d.pri}`;
  if (d.ceiling !== null) return `pri at most ${d.ceiling}`;
  return 'pri not shown';
}

/** The thread that holds the CPU for the dispatcher, in words: names the pinned thread under an interrupt. */
export function runnerWords(d: Dispatched): string {
  const who = `${d.thread ?? '?'}${d.proc !== null && d.proc !== '' ? ` (${d.proc})` : ''}`;
  if (d.interrupt === null) return `${who} at ${priWords(d)}`;
  return (
    `${who} at ${priWords(d)}, pinned under a PIL ${d.interrupt.pil} interrupt thread ${d.interrupt.thread}` +
    `${d.interrupt.pri !== null ? ` (pri ${d.interrupt.pri}, what PRI shows)` : ''}`
  );
}

/** Is RT loaded? From intr_pri when shown, else from an interrupt thread's pri - PIL; null when nothing says. */
export function rtLoaded(ctx: RuleContext): boolean | null {
  const ip = ctx.snapshot.tunables['intr_pri'];
  if (ip === INTR_PRI_NO_RT) return false;
  if (ip === INTR_PRI_WITH_RT) return true;
  for (const c of ctx.snapshot.cpus) {
    const top = c.pil[0];
    if (top === undefined || c.thread !== top.thread || c.pri === null) continue;
    const base = c.pri - top.pil;
    if (base === INTR_PRI_NO_RT) return false;
    if (base === INTR_PRI_WITH_RT) return true;
  }
  return null;
}

/** Priority-class words for a global priority; 100..159 are RT when RT is loaded, interrupt threads' otherwise. */
export function priClass(pri: number, rt: boolean | null): string {
  switch (priorityBand(pri, rt)) {
    case 'idle':
      return 'idle';
    case 'user':
      return 'user range';
    case 'sys':
      return 'SYS range';
    case 'rt':
      return 'RT range';
    case 'interrupt':
      return 'interrupt range';
    case 'rt-or-interrupt':
      return 'RT or interrupt range';
  }
}

const NO_STEAL_FLAGS = CPU_QUIESCED | CPU_OFFLINE | CPU_POWEROFF | CPU_SPARE | CPU_FAULTED;

/** Flags under which a CPU takes no work from others (an OFFLINE CPU does not steal), by margin name or FLG bit. */
export function noStealFlags(cpu: Cpu): string[] {
  const out: string[] = [];
  for (const f of CPU_FLAGS) {
    if ((f.bit & NO_STEAL_FLAGS) === 0) continue;
    if (cpu.flagNames.includes(f.name) || (cpu.flags !== null && (cpu.flags & f.bit) !== 0)) out.push(f.name);
  }
  return out;
}

/** Could this CPU steal now: idle, not in an interrupt, nothing of its own queued, online and not quiesced. */
export function canSteal(cpu: Cpu, idx: ThreadIndex): boolean {
  const d = dispatched(cpu, idx);
  return d.idle && d.interrupt === null && cpu.nrun === 0 && noStealFlags(cpu).length === 0;
}

/** Is the thread on a CPU (running, or pinned under an interrupt thread)? */
export function onCpuOf(ctx: RuleContext, t: Thread): Cpu | null {
  if (t.addr === null) return null;
  for (const c of ctx.snapshot.cpus) {
    if (c.thread === t.addr || c.pinned?.thread === t.addr) return c;
  }
  return null;
}
