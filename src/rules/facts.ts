// playfair's own thresholds and assumptions. Kernel facts (priorities, flags, hz, tunables) come
// from illumos/; only what playfair itself decides lives here.
/**
 * The longest quantum in the default ts_dptbl (levels 0..9), in ticks (ts_dptbl.c). The "server"
 * table chosen by ts_dispatch_extended tops out at 40, still far below the limit below.
 */
export const TS_MAX_QUANTUM_TICKS = 20;
/**
 * "Far beyond a quantum": ten of the longest TS quanta. A CPU whose thread keeps it this long
 * with a preemption requested is not just between two ticks.
 */
export const FAR_BEYOND_QUANTUM_TICKS = 10 * TS_MAX_QUANTUM_TICKS;
/** Once a wait passes this many seconds we call it long-lived starvation (raises severity). */
export const LONG_WAIT_SECONDS = 60;

/**
 * Kernel threads that are bound to their CPU by default, so no other CPU ever steals them:
 * soft ring workers (mac_soft_ring_thread_bind = 1), SRS workers (mac_srs_thread_bind), and each
 * CPU's default squeue worker (ip_squeue binds it). Bound only by default: a tunable can change
 * it, so a verdict that rests on it says so.
 */
export const BOUND_BY_DEFAULT_ROLES: ReadonlySet<string> = new Set([
  'mac_soft_ring_worker',
  'mac_srs_worker',
  'squeue_worker',
]);
