// The simulator's state: kernel-shaped records (kthread_t, cpu_t, disp_t) reduced to the fields the
// dispatcher model needs. Field names keep their illumos spelling where they mirror one.
// Plain numeric constants (not enums) keep the hot loop monomorphic and allocation-free.
import type { DispQ } from './dispq.ts';
import type { EventHeap } from './heap.ts';
import type { Rng } from './rng.ts';
import type { TsTable } from './ts-table.ts';
import type { SimLock } from './locks.ts';

// t_state values and cpu_flags bits come from the illumos domain module (one definition each).
export { TS_FREE, TS_SLEEP, TS_RUN, TS_ONPROC, CPU_RUNNING, CPU_READY, CPU_QUIESCED, CPU_EXISTS, CPU_ENABLE } from '../../illumos/index.ts';
import { CPU_ENABLE, CPU_EXISTS, CPU_OFFLINE, CPU_READY, CPU_RUNNING, TS_SLEEP } from '../../illumos/index.ts';

// Scheduling classes the model knows. Numbers double as the t_cid the simulator reports
// (SYS is always slot 0; the others follow a typical boot order, an assumption).
export const CLS_SYS = 0;
export const CLS_TS = 1;
export const CLS_SDC = 2;
export const CLASS_NAMES = ['SYS', 'TS', 'SDC'] as const;

export const KIND_NORMAL = 0;
export const KIND_IDLE = 1;
export const KIND_INTR = 2;

export const MODE_USER = 0;
export const MODE_KERNEL = 1;

// tsproc_t ts_flags bits (sys/ts.h).
export const TSBACKQ = 0x02;
export const TSRESTORE = 0x20;

/** t_disp_queue values besides a CPU index. */
export const NOQ = -1;
export const KPQ = -2;

// Behaviour step opcodes.
export const OP_USER = 0;
export const OP_KERNEL = 1;
export const OP_SLEEP = 2;
export const OP_WAIT = 3;
export const OP_WAKE = 4;
/** Lock steps: mutex_enter, mutex_exit, rw_enter(RW_READER), rw_enter(RW_WRITER), rw_exit. */
export const OP_LOCK = 5;
export const OP_UNLOCK = 6;
export const OP_READ = 7;
export const OP_WRITE = 8;
export const OP_RWEXIT = 9;

/** One step of a thread's behaviour program; lengths in ticks, drawn uniformly in [lo, hi]. */
export interface Step {
  op: number;
  lo: number;
  hi: number;
  /** Kernel steps: false when kernel preemption is disabled (t_preempt > 0) for the whole step. */
  preempt: boolean;
  /** OP_WAKE: thread ids to wake. */
  targets: number[];
  /** Lock steps: index into SimState.locks, and the caller frames shown while blocked there. */
  lock?: number;
  at?: FrameSpec[];
}

/** A phase cycles through its steps until lbolt reaches `until` at a step boundary. */
export interface Phase {
  until: number;
  steps: Step[];
}

/** Frames shown by `::findstack` for a thread, as text pieces the stack builder expands. */
export interface StackShape {
  /** Frames above `swtch` while the thread sleeps (`cv_wait+0x7f`, with optional args). */
  sleep: FrameSpec[];
  /** Frames of what the thread runs (shown under `preempt` when it was preempted). */
  run: FrameSpec[];
  /** Bottom frame(s): `thread_start+8` for kernel threads, the syscall entry for user threads. */
  base: FrameSpec[];
}

export interface FrameSpec {
  func: string;
  offset: number | null;
  args: string[];
}

export class SimThread {
  id: number;
  addr: string;
  /** Process name; `u_comm` holds at most MAXCOMLEN characters of it (snapshot.ts cuts it). */
  comm: string;
  procAddr: string | null = null;
  name: string;
  desc: string | null = null;
  cls: number;
  kind: number;
  hasLwp: boolean;
  state = TS_SLEEP;
  pri: number;
  epri = 0;
  boundCpu = -1;
  /** t_cpu: CPU the thread last ran on. */
  cpu = 0;
  dispQueue = NOQ;
  /** t_link: next thread on the same dispatch queue level. */
  link: SimThread | null = null;
  dispTime = 0;
  /** Tick at which the thread went onto a run queue (t_waitrq, in ticks); -1 when not waiting. */
  waitrq = -1;
  mode = MODE_KERNEL;
  /** t_preempt == 0 during the current kernel step. */
  preemptible = true;
  trapret = false;
  // TS class data (tsproc_t); unused for other classes.
  cldata: string | null = null;
  tsTimeleft = 0;
  tsDispwait = 0;
  tsCpupri = 0;
  tsUpri = 0;
  tsUmdpri = 0;
  tsFlags = 0;
  // SDC class data.
  sdcTarget = 0;
  sdcOn = 0;
  sdcWait = 0;
  // Interrupt threads: PIL served and the thread pinned underneath.
  pil = 0;
  pinned: SimThread | null = null;
  /** Tick at which an active interrupt thread's service ends. */
  intrUntil = 0;
  /** Tick at which an active interrupt thread started (what it pins has been pinned since). */
  intrSince = 0;
  // Behaviour.
  phases: Phase[] = [];
  phase = 0;
  stepIdx = -1;
  /** Ticks left in the current step; Infinity for a step that never ends. */
  segLeft = 0;
  /** Wake-ups that arrived while the thread was not waiting (work it will find next time). */
  pending = 0;
  wakeGen = 0;
  /** Asleep on an event (cv_wait) rather than a timed sleep. */
  waitingEvent = false;
  stack: StackShape | null = null;
  /** How the thread last left a CPU, for its stack: 0 never ran, 1 slept, 2 preempted. */
  leftBy = 0;
  /** Seed for the synthetic stack addresses. */
  stackBase = 0n;
  // Locks: its own turnstile (t_ts), what it holds, what it is blocked on and how.
  tsAddr = '0';
  held: SimLock[] = [];
  blockedOn: SimLock | null = null;
  /** krw_t it asked for (RW_WRITER for a mutex), and the turnstile queue it sleeps on. */
  blockRw = 0;
  blockQ = 0;
  blockedSince = -1;
  /** turnstile_block's first argument: the active turnstile, or 0 for the first to block. */
  blockTs = '0';
  /** Caller frames of the lock step it is blocked in (under mutex_vector_enter / rw_enter_sleep). */
  blockAt: FrameSpec[] = [];
  // Statistics.
  runTicks = 0;
  dispatches = 0;
  maxWait = 0;
  /** Longest wait that began after its first dispatch (what-if: did the starvation come back?). */
  maxLaterWait = 0;
  lastDispatch = -1;
  /** First tick it was dispatched by a switch, and first tick it was switched away (-1: never). */
  firstOn = -1;
  firstOff = -1;

  constructor(id: number, addr: string, name: string, comm: string, cls: number, kind: number, pri: number, hasLwp: boolean) {
    this.id = id;
    this.addr = addr;
    this.name = name;
    this.comm = comm;
    this.cls = cls;
    this.kind = kind;
    this.pri = pri;
    this.hasLwp = hasLwp;
  }
}

export class SimCpu {
  id: number;
  addr: string;
  flags = CPU_RUNNING | CPU_READY | CPU_EXISTS | CPU_ENABLE;
  bspl = 0;
  disp: DispQ;
  idle: SimThread;
  /** cpu_thread: what executes now (an interrupt thread while one is active). */
  thread: SimThread;
  /** cpu_dispthread: what the dispatcher last chose; interrupts do not change it. */
  dispthread: SimThread;
  dispatchPri = -1;
  runrun = false;
  kprunrun = false;
  chosenLevel = -1;
  lastSwtch = 0;
  /** First tick this CPU really switched threads (-1: never). */
  firstSwitch = -1;
  /** Active interrupt threads, lowest PIL first. */
  intr: SimThread[] = [];
  /** One interrupt thread per PIL, created on first use. */
  intrPool: (SimThread | null)[] = [];
  // Engine bookkeeping.
  /** Last tick whose clock step has been applied to this CPU. */
  synced = 0;
  /** Tick of the pending clock-step event, or -1. */
  scheduled = -1;
  evGen = 0;
  dirty = false;
  touched = false;
  retryAt = -1;
  /** Its current plan depends on whether the kp queue holds a KRNRN-worthy waiter (quiet.ts). */
  kpqSensitive = false;
  /** It is in SimState.kpqWatch. */
  kpqWatched = false;

  /** OFFLINE (p_online): out of the partition's active CPUs; it runs only its idle thread. */
  get offline(): boolean {
    return (this.flags & CPU_OFFLINE) !== 0;
  }

  constructor(id: number, addr: string, disp: DispQ, idle: SimThread) {
    this.id = id;
    this.addr = addr;
    this.disp = disp;
    this.idle = idle;
    this.thread = idle;
    this.dispthread = idle;
  }
}

export interface SimParams {
  hz: number;
  kpreemptpri: number;
  /** Unbound threads at or above it wait on the partition kp queue; follows kpreemptpri unless set. */
  kpqpri: number;
  upreemptpri: number;
  minclsyspri: number;
  maxclsyspri: number;
  /** Highest loaded class priority; interrupt threads run at intrPri + PIL. */
  intrPri: number;
  /** SDC's top priority: 99 before illumos 7232 (2016), 98 since. */
  sdcMaxPri: number;
  rechooseInterval: number;
  /** nosteal_nsec rounded up to ticks (see the engine notes). */
  nostealTicks: number;
  /** sysdc update interval in ticks (20 ms). */
  sdcUpdateTicks: number;
}

export interface SourceSpec {
  cpu: number;
  pil: number;
  everyLo: number;
  everyHi: number;
  /** First arrival tick. */
  start: number;
  /** Clock samples the interrupt thread covers (0: served between two ticks). */
  service: number;
  wakes: number[];
  wakeOne: boolean;
  /** Where the next wakeOne search starts. */
  next: number;
}

export interface DumpSpec {
  cpu: number;
  pil: number;
  wakes: number[];
  quiesceOthers: boolean;
}

export interface SimOptions {
  /** Skip quiet ticks arithmetically (exact; see engine.ts). false steps every tick. */
  fastForward: boolean;
  /** Check invariants after every event (slow). */
  debug: boolean;
}

export interface SimStats {
  events: number;
  /** sysdc_update passes so far (drives the duty-cycle decay). */
  sdcUpdates: number;
  /** Queues looked at by steal scans: the work that was quadratic in CPUs (issue 15). */
  stealVisits: number;
  /** CPUs re-planned (quietUntil) after events: each was brought up to date and looked at. */
  plans: number;
}

export interface SimState {
  params: SimParams;
  opts: SimOptions;
  ts: TsTable;
  rng: Rng;
  heap: EventHeap;
  lbolt: number;
  /** Current event position: tick, phase and (phase B) the CPU being stepped. */
  curPhase: number;
  curCpu: number;
  cpus: SimCpu[];
  threads: SimThread[];
  kpq: DispQ;
  sources: SourceSpec[];
  dump: DumpSpec | null;
  dumped: boolean;
  /** Number of CPUs currently running their idle thread. */
  idleCount: number;
  addrWidth: 8 | 11 | 16;
  scenario: string;
  seed: number;
  stats: SimStats;
  onSample: (() => void) | null;
  /** TS threads, walked by ts_update once a second. */
  tsThreads: SimThread[];
  sdcThreads: SimThread[];
  /** CPUs whose state changed during the current event (their clock event is re-planned). */
  touchedList: SimCpu[];
  touchedN: number;
  /** CPUs to visit at the next preemption point (poked, switched, or going idle). */
  dirtyList: SimCpu[];
  dirtyN: number;
  /** CPUs that were kp-queue sensitive when last planned (a superset, pruned lazily). */
  kpqWatch: SimCpu[];
  /** kpqHot() as it was when the current plans were made (see kpqSettle). */
  kpqPlannedHot: boolean;
  /** Mutexes and rwlocks of the scenario, in order of first mention. */
  locks: SimLock[];
  /** Set when a blocking chain closed on itself (illumos panics there for kernel locks). */
  lockPanic: { message: string; thread: string; cpu: number; tick: number } | null;
  /** What the scenario says a wait-chain rule should find, with names resolved to addresses. */
  expectedWaits: ExpectedWait[];
}

/** A wait the scenario was built to contain: the threads and objects (addresses) a rule should name. */
export interface ExpectedWait {
  kind: 'deadlock' | 'wait-chain' | 'lock-convoy';
  threads: string[];
  objects: string[];
}
