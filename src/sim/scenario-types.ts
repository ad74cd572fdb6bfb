// The scenario file format (src/sim/scenarios/*.json), also produced by the random-workload
// generator and by seeding from a parsed dump. Lengths are ticks: a number or an inclusive
// [lo, hi] range drawn per use from the seeded generator.

export type Len = number | [number, number];

export type StepDef =
  | { user: Len }
  | { kernel: Len | 'forever'; preempt?: boolean }
  | { sleep: Len | 'forever' }
  | { wait: true }
  | { wake: string[] }
  /** mutex_enter / mutex_exit of a scenario lock; `at`: caller frames shown while blocked. */
  | { lock: string; at?: string[] }
  | { unlock: string }
  /** rw_enter(RW_READER) / rw_enter(RW_WRITER) / rw_exit of a scenario rwlock. */
  | { read: string; at?: string[] }
  | { write: string; at?: string[] }
  | { rwExit: string };

export interface PhaseDef {
  /** Leave this phase at the first step boundary at or after this time (ticks, or `90s`). */
  until?: number | string;
  steps: StepDef[];
}

export interface ThreadDef {
  name: string;
  /** Replicate the thread: names get `#1`, `#2`... appended; wake lists naming it wake them all. */
  count?: number;
  addr?: string;
  /** Full process name; `::cpuinfo` shows the first 16 characters. Kernel threads: `sched`. */
  proc?: string;
  /** Thread description for 2018+ `::findstack` (`mac_soft_ring_worker()`, `qemu/3`). */
  desc?: string;
  class: 'TS' | 'SYS' | 'SDC';
  /** SYS: fixed priority (60..99). TS: initial level (default 29). */
  pri?: number;
  /** TS user priority (-60..60). */
  upri?: number;
  /** SDC target duty cycle, percent (default 80). */
  dutyCycle?: number;
  /** Has an LWP (gets clock ticks). Default: TS and SDC yes, SYS no. */
  lwp?: boolean;
  /** Hard-bound to this CPU (thread_affinity_set). */
  bound?: number;
  /** CPU it last ran on at the start (t_cpu). */
  cpu?: number;
  /**
   * `run` (queued at the start through the usual placement, the default), `wait` (asleep until
   * woken), asleep for a while, or placed exactly: running on a CPU, or queued on one (in file
   * order within a priority), as a dump showed it.
   */
  start?: 'run' | 'wait' | { sleep: number } | { onCpu: number } | { queuedOn: number };
  /** TS class data as a dump showed it (defaults: a full quantum, 0). */
  tsTimeleft?: number;
  tsDispwait?: number;
  /** Phases, or a bare list of steps for one phase. */
  program: PhaseDef[] | StepDef[];
  cldata?: string;
  /** `::findstack` frames (`cv_wait+0x7f(@cv, @mutex)`; `@name` is a per-thread synthetic address). */
  stack?: { sleep?: string[]; run?: string[]; base?: string[] };
}

export interface IntrDef {
  cpu: number;
  pil: number;
  /** Ticks between arrivals. */
  every: Len;
  start?: number;
  /** Clock samples the interrupt covers (0: served between ticks). */
  service?: number;
  wakes?: string[];
  /** cv_signal rather than cv_broadcast: wake one waiting thread of `wakes` (rotating), not all. */
  wakeOne?: boolean;
}

export interface CpuDef {
  addr?: string;
  idleThread?: string;
  /** Addresses of this CPU's interrupt threads, by PIL. */
  intrThreads?: Record<string, string>;
  /** State as a dump showed it: cpu_flags, RNRN, KRNRN, and ticks since the last switch. */
  flags?: number;
  runrun?: boolean;
  kprunrun?: boolean;
  switchTicks?: number;
}

export interface DumpDef {
  /** The CPU that takes the dump (others get QUIESCED, as panic_stopcpus leaves them). */
  cpu: number;
  /** The interrupt that is running on it when the dump is taken. */
  pil: number;
  wakes?: string[];
  quiesceOthers?: boolean;
}

export interface ScenarioFile {
  name: string;
  description: string;
  params?: {
    hz?: number;
    kpreemptpri?: number;
    kpqpri?: number;
    era?: 'G11' | 'G20';
    rtLoaded?: boolean;
    /** nosteal_nsec (ns); rounded up to ticks. */
    nostealNsec?: number;
  };
  defaultDuration?: string;
  addrWidth?: 8 | 11 | 16;
  /** How the emitted mdb text looks: old mdb wrapped at 80 columns and had no thread descriptions. */
  mdb?: { autowrap?: number | null; withDesc?: boolean };
  cpus: number | CpuDef[];
  threads: ThreadDef[];
  interrupts?: IntrDef[];
  dump?: DumpDef;
  /** What the scenario is expected to show, for the CLI summary. */
  expect?: string;
  /**
   * Shared kernel objects: `$name` in frames and lock steps. A lock step's object is a mutex or an
   * rwlock by how it is used; `addr` fixes an address (else one is allocated).
   */
  objects?: Record<string, { addr?: string }>;
  /** The waits the scenario contains, by thread name and object name (`$name` or a lock name). */
  expectedWaits?: { kind: 'deadlock' | 'wait-chain' | 'lock-convoy'; threads: string[]; objects: string[] }[];
}
