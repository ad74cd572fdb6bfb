// The dispatcher snapshot: one dump's CPUs, threads, tunables and panic, merged across sections.
// Names mirror the kernel where a field mirrors one. Unknown values are null, never guessed.
// Each entity has `lines`: field name -> the 1-based input line the value came from.
import type { Addr, ThreadState } from '../../illumos/index.ts';
import type { Waits } from './waits.ts';

// Addresses are illumos's branded Addr (made only by toAddr); states are illumos's closed union.
export type { Addr, ThreadState };

export interface StackFrame {
  func: string;
  offset: number | null;
  args: string[] | null;
  fp: string | null;
  /** The bracketed saved-PC line of `::findstack` (`_resume_from_idle+0xf1`). */
  saved?: boolean;
  line: number;
}

export interface PilThread {
  pil: number;
  thread: Addr;
  line: number;
}

export interface RunqEntry {
  pri: number;
  thread: Addr;
  proc: string;
  line: number;
}

export interface Cpu {
  id: number;
  addr: Addr | null;
  flags: number | null;
  flagNames: string[];
  nrun: number | null;
  bspl: number | null;
  pri: number | null;
  runrun: boolean | null;
  kprunrun: boolean | null;
  switchTicks: number | null;
  thread: Addr | null;
  proc: string | null;
  pil: PilThread[];
  pinned: { thread: Addr; proc: string; line: number } | null;
  /** The CPU's dispatch queue as printed by `::cpuinfo -v`, highest pri first; null when not shown. */
  runq: RunqEntry[] | null;
  /** `cpu_dispatch_pri` (`::print cpu_t`): the dispatched thread's priority, which interrupts do not change. */
  dispatchPri?: number | null;
  lines: Record<string, number>;
}

export interface Thread {
  addr: Addr | null;
  /** Process name (`u_comm`) where shown. */
  proc: string | null;
  procAddr: Addr | null;
  pri: number | null;
  epri: number | null;
  state: ThreadState | null;
  /** Scheduling class name when known (`TS`, `SYS`, `SDC`...), from the input only. */
  cls: string | null;
  cid: number | null;
  /** 2018+ description (`tq:zio_write_intr`, `cat/1`), or null. */
  desc: string | null;
  stack: StackFrame[] | null;
  stackFailure: string | null;
  /** `::stacks` group: sync object and group size. */
  sobj: string | null;
  groupCount: number | null;
  wchan: Addr | null;
  /** CPU whose `::cpuinfo` row shows it running, or null. */
  onCpu: number | null;
  /** CPU whose run queue lists it, or null. */
  queuedOn: number | null;
  /** The CPU the dispatcher binds it to: `t_bound_cpu` (kernel affinity or processor_bind), -1 when NULL. */
  boundCpu: number | null;
  /** `t_weakbound_cpu`: a weak binding the dispatcher honours like `t_bound_cpu`; -1 when NULL. */
  weakBoundCpu: number | null;
  /** `t_bind_cpu` / `::thread -d` BOUND: the processor_bind(2) value only (-1 = none); says nothing of t_bound_cpu. */
  bindCpu: number | null;
  /** `t_disp_time`: lbolt when the thread was last switched out (last ran), not when it was queued. */
  dispTime: number | null;
  /** `::thread -d` SWITCH: lbolt - t_disp_time at the dump, in ticks. */
  sinceDispTicks: number | null;
  /** `t_waitrq`: unscaled hrtime when it joined a run queue, 0 when not waiting. */
  waitrq: number | null;
  /** `t_cldata` address and the TS class data read through it. */
  cldata: Addr | null;
  tsTimeleft: number | null;
  tsDispwait: number | null;
  tsFlags: number | null;
  lines: Record<string, number>;
}

export interface Panic {
  message: string | null;
  cpu: number | null;
  thread: Addr | null;
  lines: Record<string, number>;
}

export interface SystemInfo {
  /** `::status` key/values as printed. */
  fields: Record<string, string>;
  lines: Record<string, number>;
}

/** A dump a `::status` named after the first one: read, not judged (model/dumps.ts). */
export interface OtherDump {
  /** `crash dump vmcore.0 from hvfs2`, as its `debugging ...` line names it. */
  name: string;
  /** The line of that `::status`'s `debugging ...` line. */
  line: number;
  /** Records left out of the snapshot: the `::status` and the sections read under it. */
  records: number;
}

export interface DispatcherSnapshot {
  cpus: Cpu[];
  threads: Thread[];
  /** Tunables the input showed (`kpreemptpri`, `hz`, `maxclsyspri`...), by kernel name. */
  tunables: Record<string, number>;
  tunableLines: Record<string, number>;
  panic: Panic | null;
  system: SystemInfo | null;
  /** Who waits on what (stacks' blocking frames) and the lock owners shown; absent when the input shows neither. */
  waits?: Waits;
  /** Dumps after the first one the input's `::status` output names; absent when it names one or none. */
  otherDumps?: OtherDump[];
}

export function emptySnapshot(): DispatcherSnapshot {
  return { cpus: [], threads: [], tunables: {}, tunableLines: {}, panic: null, system: null };
}

export function blankThread(addr: Addr | null): Thread {
  return {
    addr,
    proc: null,
    procAddr: null,
    pri: null,
    epri: null,
    state: null,
    cls: null,
    cid: null,
    desc: null,
    stack: null,
    stackFailure: null,
    sobj: null,
    groupCount: null,
    wchan: null,
    onCpu: null,
    queuedOn: null,
    boundCpu: null,
    weakBoundCpu: null,
    bindCpu: null,
    dispTime: null,
    sinceDispTicks: null,
    waitrq: null,
    cldata: null,
    tsTimeleft: null,
    tsDispwait: null,
    tsFlags: null,
    lines: {},
  };
}

/** Strips a module prefix (`unix\`swtch`): one definition, in the illumos layer, shared with the blocking primitives. */
export { baseName } from '../../illumos/symbol.ts';
