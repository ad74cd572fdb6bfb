// The C types of the kernel members and globals playfair reads (sizes for the LP64 kernel): pure
// data, so grammars, the model and the renderers share one table. Reading values is the model's.
// Types from illumos sys/thread.h, sys/ts.h, sys/cpuvar.h, sys/disp.h and disp/disp.c.
import { tunable, TUNABLES, type TunableCType } from './tunables.ts';

export interface CType {
  /** Type name as `::print -t` shows it. */
  name: string;
  /** Size in bytes on LP64. */
  size: 1 | 2 | 4 | 8;
  signed: boolean;
  /** `char` prints as a quoted character; pointers print as symbols or hex. */
  kind: 'int' | 'char' | 'pointer';
  /** `long`-sized (clock_t, pointers): 4 bytes on ILP32. */
  long?: boolean;
}

const int = (name: string, size: CType['size'], signed: boolean, long = false): CType => ({ name, size, signed, kind: 'int', long });
const ptr = (name: string): CType => ({ name, size: 8, signed: false, kind: 'pointer', long: true });

/** Base types and typedefs used below. */
export const CTYPES = {
  char: { name: 'char', size: 1, signed: true, kind: 'char' } as CType,
  uchar_t: int('uchar_t', 1, false),
  uint8_t: int('uint8_t', 1, false),
  short: int('short', 2, true),
  ushort_t: int('ushort_t', 2, false),
  pri_t: int('pri_t', 2, true),
  int: int('int', 4, true),
  uint_t: int('uint_t', 4, false),
  id_t: int('id_t', 4, true),
  processorid_t: int('processorid_t', 4, true),
  clock_t: int('clock_t', 8, true, true),
  time_t: int('time_t', 8, true, true),
  hrtime_t: int('hrtime_t', 8, true),
  int64_t: int('int64_t', 8, true),
  uint64_t: int('uint64_t', 8, false),
  uintptr_t: int('uintptr_t', 8, false, true),
  ulong_t: int('ulong_t', 8, false, true),
  lock_t: int('lock_t', 1, false),
} as const;

const T = CTYPES;

/** kthread_t members (sys/thread.h). `t_wchan` is `t_lwpchan.lc_wchan`. */
const KTHREAD: Record<string, CType> = {
  t_link: ptr('struct _kthread *'),
  t_stk: ptr('caddr_t'),
  t_startpc: ptr('void (*)()'),
  t_bound_cpu: ptr('struct cpu *'),
  t_affinitycnt: T.short,
  t_bind_cpu: T.short,
  t_flag: T.ushort_t,
  t_proc_flag: T.ushort_t,
  t_schedflag: T.ushort_t,
  t_preempt: T.char,
  t_preempt_lk: T.char,
  t_state: T.uint_t,
  t_pri: T.pri_t,
  t_epri: T.pri_t,
  t_cpri: T.pri_t,
  t_writer: T.char,
  t_bindflag: T.uchar_t,
  t_wchan0: ptr('caddr_t'),
  t_wchan: ptr('caddr_t'),
  lc_wchan0: ptr('caddr_t'),
  lc_wchan: ptr('caddr_t'),
  t_sobj_ops: ptr('struct _sobj_ops *'),
  t_cid: T.id_t,
  t_clfuncs: ptr('struct thread_ops *'),
  t_cldata: ptr('void *'),
  t_ctx: ptr('ctxop_t *'),
  t_lofault: T.uintptr_t,
  t_onfault: ptr('label_t *'),
  t_ontrap: ptr('struct on_trap_data *'),
  t_swap: ptr('caddr_t'),
  t_lock: T.lock_t,
  t_lockstat: T.uint8_t,
  t_pil: T.uint8_t,
  t_nomigrate: T.char,
  t_cpu: ptr('struct cpu *'),
  t_weakbound_cpu: ptr('struct cpu *'),
  t_lpl: ptr('struct lgrp_ld *'),
  t_intr: ptr('struct _kthread *'),
  t_intr_start: T.uint64_t,
  t_did: T.uint64_t,
  t_tid: T.id_t,
  t_waitfor: T.id_t,
  t_forw: ptr('struct _kthread *'),
  t_back: ptr('struct _kthread *'),
  t_lwp: ptr('klwp_t *'),
  t_procp: ptr('struct proc *'),
  t_next: ptr('struct _kthread *'),
  t_prev: ptr('struct _kthread *'),
  t_whystop: T.ushort_t,
  t_whatstop: T.ushort_t,
  t_dslot: T.int,
  t_cred: ptr('struct cred *'),
  t_start: T.time_t,
  t_lbolt: T.clock_t,
  t_stoptime: T.hrtime_t,
  t_pctcpu: T.uint_t,
  t_sysnum: T.short,
  t_lockp: ptr('disp_lock_t *'),
  t_oldspl: T.ushort_t,
  t_pre_sys: T.char,
  t_disp_queue: ptr('struct _disp *'),
  t_disp_time: T.clock_t,
  t_kpri_req: T.uint_t,
  t_astflag: T.char,
  t_sig_check: T.char,
  t_post_sys: T.char,
  t_trapret: T.char,
  t_post_sys_ast: T.int,
  t_waitrq: T.hrtime_t,
  t_mstate: T.int,
  t_stime: T.clock_t,
  t_cpupart: ptr('struct cpupart *'),
  t_bind_pset: T.int,
  t_taskq: ptr('void *'),
  t_hrtime: T.hrtime_t,
  t_name: ptr('char *'),
};

/** tsproc_t members (sys/ts.h). `ts_dispwait` is a uint_t there. */
const TSPROC: Record<string, CType> = {
  ts_timeleft: T.int,
  ts_dispwait: T.uint_t,
  ts_cpupri: T.pri_t,
  ts_uprilim: T.pri_t,
  ts_upri: T.pri_t,
  ts_umdpri: T.pri_t,
  ts_scpri: T.pri_t,
  ts_nice: T.char,
  ts_boost: T.char,
  ts_flags: T.uchar_t,
  ts_tp: ptr('kthread_t *'),
  ts_next: ptr('struct tsproc *'),
  ts_prev: ptr('struct tsproc *'),
};

/** cpu_t members (sys/cpuvar.h). `cpu_disp` is a pointer to the CPU's disp_t. */
const CPU: Record<string, CType> = {
  cpu_id: T.processorid_t,
  cpu_seqid: T.processorid_t,
  cpu_flags: T.ushort_t,
  cpu_thread: ptr('kthread_t *'),
  cpu_idle_thread: ptr('kthread_t *'),
  cpu_pause_thread: ptr('kthread_t *'),
  cpu_lwp: ptr('klwp_t *'),
  cpu_fpowner: ptr('klwp_t *'),
  cpu_part: ptr('struct cpupart *'),
  cpu_cache_offset: T.int,
  cpu_next: ptr('struct cpu *'),
  cpu_prev: ptr('struct cpu *'),
  cpu_disp: ptr('disp_t *'),
  cpu_runrun: T.char,
  cpu_kprunrun: T.char,
  cpu_chosen_level: T.pri_t,
  cpu_dispthread: ptr('kthread_t *'),
  cpu_thread_lock: T.lock_t,
  cpu_disp_flags: T.uint8_t,
  cpu_dispatch_pri: T.pri_t,
  cpu_last_swtch: T.clock_t,
  cpu_intr_stack: ptr('caddr_t'),
  cpu_intr_thread: ptr('kthread_t *'),
  cpu_intr_actv: T.uint_t,
  cpu_base_spl: T.int,
};

/** disp_t members (sys/disp.h), reached as `cpu_disp->disp_maxrunpri`. */
const DISP: Record<string, CType> = {
  disp_lock: T.lock_t,
  disp_npri: T.int,
  disp_q: ptr('dispq_t *'),
  disp_q_limit: ptr('dispq_t *'),
  disp_qactmap: ptr('ulong_t *'),
  disp_maxrunpri: T.pri_t,
  disp_max_unbound_pri: T.pri_t,
  disp_nrunnable: T.int,
  disp_cpu: ptr('struct cpu *'),
  disp_steal: T.hrtime_t,
};

export const STRUCT_MEMBERS: Readonly<Record<'kthread_t' | 'tsproc_t' | 'cpu_t' | 'disp_t', Readonly<Record<string, CType>>>> = {
  kthread_t: KTHREAD,
  tsproc_t: TSPROC,
  cpu_t: CPU,
  disp_t: DISP,
};

export type StructName = keyof typeof STRUCT_MEMBERS;

/** A member of one of the structs above, by its name (`t_pri`, `ts_timeleft`, `cpu_runrun`). */
export function isStructMember(name: string): boolean {
  for (const s of Object.values(STRUCT_MEMBERS)) if (Object.hasOwn(s, name)) return true;
  return false;
}

/** Every tunable's C type by its name in the tunables table (checked here: a name missing from CTYPES does not compile). */
const TUNABLE_TYPES: Readonly<Record<TunableCType, CType>> = CTYPES;

/** A base type or typedef of the table by the name `::print -t` shows (`pri_t`, `int`), else null. */
export function ctypeNamed(name: string): CType | null {
  return Object.hasOwn(CTYPES, name) ? CTYPES[name as keyof typeof CTYPES] : null;
}

/** The C type of a global in the tunables table, or null for a name it does not list. */
export function tunableType(name: string): CType | null {
  const t = tunable(name);
  return t === null ? null : TUNABLE_TYPES[t.ctype];
}

/** The globals of the tunables table with their C types. */
export const TUNABLE_CTYPES: ReadonlyMap<string, CType> = new Map(TUNABLES.map((t) => [t.name, TUNABLE_TYPES[t.ctype]]));
