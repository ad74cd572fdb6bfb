// Records: what the grammars read out of mdb text, one tagged type per kind of output.
// Values are kept as mdb printed them where interpretation needs context the grammar lacks
// (a `::print` value's C type decides its sign); the model interprets them.
// Every record and sub-entry carries the 1-based input line it came from.
import type { ThreadState } from '../illumos/thread-state.ts';

/** A stack frame as printed: `[fp ]func[+off][(args)]`. */
export interface Frame {
  /** Frame pointer column (`$C`, `::findstack`), or null when the format has none (`::stacks`, `$c`). */
  fp: string | null;
  /** Symbol, module-qualified as printed (`swtch`, `libc.so.1\`poll`), or `0x...` for an address with no symbol. */
  func: string;
  /** Offset from the symbol in bytes, or null for an exact symbol or a bare address. */
  offset: number | null;
  /** Arguments as printed (hex without 0x), or null when the format prints none (`::stacks`). `()` gives []. */
  args: string[] | null;
  line: number;
  /** A `~` before the name: the debugger marks the frame as reached by a tail call. Absent otherwise. */
  tailCall?: true;
}

export interface CpuPilThread {
  pil: number;
  thread: string;
  line: number;
}

export interface CpuRunqEntry {
  pri: number;
  thread: string;
  proc: string;
  line: number;
}

/** One CPU from `::cpuinfo` or `::cpuinfo -v`. */
export interface CpuRecord {
  kind: 'cpu';
  line: number;
  id: number;
  addr: string;
  flags: number;
  /** Flag names from the `-v` margin, in the order printed; empty for plain `::cpuinfo`. */
  flagNames: string[];
  nrun: number;
  bspl: number;
  /** null when mdb printed `-` (thread unreadable). */
  pri: number | null;
  runrun: boolean;
  kprunrun: boolean;
  /** Ticks since the CPU last switched; null when mdb printed `-`. */
  switchTicks: number | null;
  thread: string;
  /** `u_comm` of the running thread's process, `(idle)`, `-`, `?`; null when absent. */
  proc: string | null;
  /** The line the proc name came from when an old mdb wrapped it onto its own line. */
  procLine: number | null;
  /** Interrupt threads of `-v` (PIL block), highest PIL first. Empty when none or not `-v`. */
  pil: CpuPilThread[];
  /** The thread pinned by the lowest printed interrupt thread (`- ADDR NAME` line), if shown. */
  pinned: { thread: string; proc: string; line: number } | null;
  /** Run queue of `-v`, as printed (highest pri first); null for plain `::cpuinfo` (not shown). */
  runq: CpuRunqEntry[] | null;
  /** Hex digits of the ADDR column in the header (16 amd64, 11 other LP64, 8 ILP32). */
  addrWidth: number;
  verbose: boolean;
}

/** One thread's stack: `::findstack [-v]`, `$C`, `$c`, `::stack`, `::stackregs`, or frame lines with no command. */
export interface StackRecord {
  kind: 'stack';
  line: number;
  /** Thread address from `stack pointer for thread X`, or the command's address; null when unknown (`$C`). */
  thread: string | null;
  /** 2018+ description in parentheses (`bhyve/1 [mevent]`, `mac_soft_ring_worker()`), or null. */
  threadDesc: string | null;
  /** ` (TS_FREE)` marker present. */
  free: boolean;
  /** Stack pointer from the first line, or null. */
  sp: string | null;
  /** The bracketed first frame `[ sp func+off() ]`, or null. */
  savedPc: { sp: string; func: string; offset: number | null; line: number } | null;
  frames: Frame[];
  /** `mdb: ...` failure text, or `Possible stack pointers` when no stack was found; null on success. */
  failure: string | null;
  /** Which output this came from; decides how the renderer prints it back. */
  source: 'findstack' | 'findstack-v' | '$C' | '$c' | 'stack' | 'stackregs' | 'frames';
}

/** One group of `::stacks` (kernel or userland). */
export interface StacksGroupRecord {
  kind: 'stacksGroup';
  line: number;
  /**
   * The representative thread (an address, or an LWP id in userland output). The group line's
   * fields are null when a pasted chunk starts in the middle of a group (frames with no header).
   */
  thread: string | null;
  /** Other threads listed with `-a` (COUNT `-`). */
  members: { thread: string; line: number }[];
  /** The state the STATE column names; null when absent or not a state (`INVAL/ff`: see stateText). */
  state: ThreadState | null;
  /** The STATE column as printed (`SLEEP`, `PARKED`, `INVAL/ff`), or null when absent. */
  stateText: string | null;
  sobj: string | null;
  count: number | null;
  frames: Frame[];
  /** `<reason>` line when the stack could not be found, or `... truncated ...`; else null. */
  failure: string | null;
}

/** One row of `::threadlist` or `::threadlist -v`. */
export interface ThreadListRecord {
  kind: 'threadlist';
  line: number;
  addr: string;
  proc: string;
  lwp: string;
  /** CMD/LWPID column (plain), or null in `-v` rows. */
  desc: string | null;
  /** `-v` only: class number, priority, wait channel, PC line, and the embedded stack. */
  cid: number | null;
  pri: number | null;
  wchan: string | null;
  pc: string | null;
  stack: StackRecord | null;
}

/** One row of `::thread` (any of -i -p -b -s -d, merged or not). Absent columns are null. */
export interface ThreadSummaryRecord {
  kind: 'thread';
  line: number;
  addr: string;
  /** The STATE column read as a state; null when not shown or not a state's spelling (the text stays in columns). */
  state: ThreadState | null;
  /** Raw column values keyed by header name (`STATE`, `FLG`, `PRI`, `EPRI`, `PIL`, `INTR`, `WCHAN`, `DISPTIME`, `BOUND`, `PR`, `SWITCH`...). */
  columns: Record<string, string>;
}

/** One member line of `::print` output, nested for structs and arrays of structs. */
export interface PrintField {
  /** Member name or the path given on the command line (`t_cldata`, `p_user.u_comm`). */
  name: string;
  /** C type with `-t`, else null. */
  type: string | null;
  /** Member address with `-a` (hex, no 0x), else null. */
  addr: string | null;
  /** The value text after ` = `, or null for a struct opened with `{` or a typeless `-t` listing. */
  value: string | null;
  children: PrintField[] | null;
  line: number;
}

/** `addr::print [-a] [-t] type [members]` output. */
export interface PrintRecord {
  kind: 'print';
  line: number;
  /** Top-level address (from `-a` output or the command), or null. */
  addr: string | null;
  /** Type named on the command line, or null when the command is not known. */
  type: string | null;
  /**
   * The symbol typed as the address when the record is that variable's own value
   * (`kpreemptpri::print` prints `0x64`): one field, named ''.
   */
  symbol?: string;
  fields: PrintField[];
}

/** `addr/fmt` or `=fmt` output. */
export interface FormatRecord {
  kind: 'format';
  line: number;
  /** Address label (hex without 0x) or null when the label was a symbol or absent. */
  addr: string | null;
  /** Symbol label (`kpreemptpri`), or null. */
  symbol: string | null;
  /** Format letters from the command when known (`D`, `X`, `J`, `KKn`), else null. */
  format: string | null;
  values: { text: string; line: number }[];
  /** A write (`/W 0t99`, grammar/format/write.ts): `values` holds the value read back, `old` the one before. */
  written?: { old: string };
}

/** `::status` output. */
export interface StatusRecord {
  kind: 'status';
  line: number;
  /** Key/value pairs: `target` (e.g. `crash dump vmcore.0`), `bits`, `host`, `operating system`, `panic message`, `dump content`, `image uuid`. */
  fields: Record<string, { value: string; line: number }>;
}

/** A panic: `panic[cpuN]/thread=ADDR: message`, from the console, `::msgbuf`, syslog, or `::panicinfo`. */
export interface PanicRecord {
  kind: 'panic';
  line: number;
  cpu: number | null;
  thread: string | null;
  message: string;
  /** The line each field came from when they are on lines of their own (`::panicinfo` rows); else `line`. */
  lines?: { cpu?: number; thread?: number; message?: number };
}

/** Register dumps: `::panicinfo`, `$r`, `::cpuregs`, the console's `rdi: ...` block. */
export interface RegistersRecord {
  kind: 'registers';
  line: number;
  regs: Record<string, { value: string; line: number }>;
}

/** `::system`: `set name=value [0tN]` lines (tunables from /etc/system). */
export interface SystemSettingsRecord {
  kind: 'system';
  line: number;
  settings: { name: string; value: string; line: number }[];
}

/** A list of addresses (`::walk cpu`, `::stacks | ...` piped out, `::pgrep`). */
export interface AddressListRecord {
  kind: 'addresses';
  line: number;
  addrs: { addr: string; line: number }[];
}

/** One process of `::ps`, with its `-t` threads and `-l` LWPs. */
export interface PsRecord {
  kind: 'ps';
  line: number;
  /** State letter: S sleep, R run, Z zombie, I idle, O on CPU, T stopped, W waiting, ? other. */
  state: string;
  pid: number;
  ppid: number;
  uid: number;
  /** `p_flag` as printed (`0x4a004000`). */
  flags: string;
  /** The proc_t address, hex without 0x. */
  addr: string;
  /** `u_comm` (or the arguments with `-f`). */
  name: string;
  /** Every column by its header name, as printed (TASK, PROJ, ZONE, SERVICE when shown). */
  columns: Record<string, string>;
  /** `-t`: each thread (hex without 0x, or a symbol such as `t0`) and its state (`sleep`, `onproc`). */
  threads: { thread: string; state: ThreadState | null; line: number }[];
  /** `-l`: each LWP and its description (`1`, `1 [name]`). */
  lwps: { lwp: string; desc: string; line: number }[];
}

/** `::class`: the scheduling class in each `t_cid` slot. */
export interface ClassTableRecord {
  kind: 'classes';
  line: number;
  classes: { slot: number; name: string; line: number }[];
}

/** One row of `::mutex`. */
export interface MutexRecord {
  kind: 'mutex';
  line: number;
  /** The mutex address, hex without 0x. */
  addr: string;
  /** `adapt` or `spin`. */
  type: string;
  /** An adaptive mutex's owner thread (HELD), or null when not held or a spin mutex. */
  owner: string | null;
  /** Held: an adaptive mutex with an owner, a spin mutex's `yes`; null when not shown. */
  held: boolean | null;
  /** A spin mutex's SPLs; null when printed `-`. */
  minspl: number | null;
  oldspl: number | null;
  /** An adaptive mutex's WAITERS (threads blocked on it); null when printed `-`. */
  waiters: boolean | null;
}

/** One lock of `::rwlock`: its writer or reader count, flag bits and listed waiters. */
export interface RwlockRecord {
  kind: 'rwlock';
  line: number;
  /** The lock address, hex without 0x. */
  addr: string;
  /** The writer thread when write-locked, else null. */
  owner: string | null;
  /** Readers holding it when read-locked, else null. */
  readers: number | null;
  writeWanted: boolean;
  writeLocked: boolean;
  hasWaiters: boolean;
  waiters: { thread: string; writer: boolean; line: number }[];
}

/** One row of `::turnstile`. */
export interface TurnstileRecord {
  kind: 'turnstile';
  line: number;
  /** The turnstile's address, hex without 0x. */
  addr: string;
  /** The synchronization object (mutex, rwlock) it queues waiters for; null when free (cached). */
  sobj: string | null;
  /** ts_waiters. */
  waiters: number;
  /** ts_epri: the highest priority among the waiters. */
  epri: number;
  /** ts_inheritor: the thread the waiters willed their priority to (the lock's owner); null when none. */
  inheritor: string | null;
}

/** One wait channel of `::wchaninfo [-v]`. */
export interface WchanRecord {
  kind: 'wchaninfo';
  line: number;
  /** The condition variable or semaphore, hex without 0x. */
  addr: string;
  /** TYPE: `cond` or `sema`; null for mdb's `??` (the sleepers' sobj ops were not a cv's or a sema's). */
  type: 'cond' | 'sema' | null;
  /** NWAITERS. */
  count: number;
  /** With -v: each sleeper and its process's u_comm (null when the line ends after the thread). */
  waiters: { thread: string; proc: string | null; line: number }[];
}

export type MdbRecord =
  | CpuRecord
  | StackRecord
  | StacksGroupRecord
  | ThreadListRecord
  | ThreadSummaryRecord
  | PrintRecord
  | FormatRecord
  | StatusRecord
  | PanicRecord
  | RegistersRecord
  | SystemSettingsRecord
  | AddressListRecord
  | PsRecord
  | ClassTableRecord
  | MutexRecord
  | RwlockRecord
  | TurnstileRecord
  | WchanRecord;
