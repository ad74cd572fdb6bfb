// Dispatcher facts the rules rely on, with where they come from (illumos-gate; see
// /work/shared/reference/dispatcher-spec.md for line numbers). Numbers only, no kernel code.

/** Highest SYS priority (`MAXCLSYSPRI`, sys/disp.h; the `maxclsyspri` variable defaults to it). */
export const MAXCLSYSPRI = 99;
/** Lowest SYS priority (`MINCLSYSPRI`). Priorities 60..99 are kernel threads. */
export const MINCLSYSPRI = 60;
/** Highest TS/IA user-mode priority (`ts_maxumdpri`). */
export const TS_MAXUMDPRI = 59;
/** Interrupt threads run at intr_pri + PIL, so anything at or above this on a CPU is one. */
export const INTR_PRI_FLOOR = 100;
/**
 * kpreemptpri before the fix: dispinit() set it to v_maxsyspri + 1 (illumos-gate before
 * 6d40a71e, 2020). SmartOS OS-970 (2012) and illumos 1532 set it to v_maxsyspri (99).
 */
export const KPREEMPTPRI_PRE_FIX = MAXCLSYSPRI + 1;
/** Ticks a schedctl no-preempt thread may overrun its quantum (`SC_MAX_TICKS`, sys/schedctl.h). */
export const SC_MAX_TICKS = 2;
/**
 * The longest quantum in the default ts_dptbl (levels 0..9), in ticks (ts_dptbl.c, checked). The
 * "server" table chosen by ts_dispatch_extended tops out at 40, still far below the limit below.
 */
export const TS_MAX_QUANTUM_TICKS = 20;
/**
 * "Far beyond a quantum": ten of the longest TS quanta. A CPU whose thread keeps it this long
 * with a preemption requested is not just between two ticks.
 */
export const FAR_BEYOND_QUANTUM_TICKS = 10 * TS_MAX_QUANTUM_TICKS;
/** hz in the seed's era and the default before illumos 11499 (2020) made it 1000. */
export const HZ_DEFAULT_PRE_2020 = 100;
/** Once a wait passes this many seconds we call it long-lived starvation (raises severity). */
export const LONG_WAIT_SECONDS = 60;

/**
 * Kernel threads that are bound to their CPU by default, so no other CPU ever steals them:
 * soft ring workers (mac_soft_ring_thread_bind = 1), SRS workers (mac_srs_thread_bind), and each
 * CPU's default squeue worker (ip_squeue binds it). Bound only by default: a tunable can change it.
 */
export const BOUND_BY_DEFAULT_ROLES: ReadonlySet<string> = new Set([
  'mac_soft_ring_worker',
  'mac_srs_worker',
  'squeue_worker',
]);
