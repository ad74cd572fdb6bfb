// Global priorities and limits of the illumos dispatcher (sys/disp.h, sys/ts.h, sys/rt.h,
// sys/user.h, disp/disp.c). One definition each; every layer imports them from here.

/** Lowest SYS priority (`MINCLSYSPRI`, sys/disp.h). */
export const MINCLSYSPRI = 60;
/** Highest SYS priority (`MAXCLSYSPRI`); the `maxclsyspri` variable defaults to it. */
export const MAXCLSYSPRI = 99;
/** Highest TS/IA user-mode global priority (`ts_maxumdpri` in the default ts_dptbl). */
export const TS_MAXUMDPRI = 59;
/** Lowest and highest RT global priority when the RT class is loaded (rt_dptbl: 100..159). */
export const RT_MINPRI = 100;
export const RT_MAXPRI = 159;
/**
 * `intr_pri` is the highest priority of any loaded class: MAXCLSYSPRI without RT, RT_MAXPRI with
 * it. Interrupt threads run at intr_pri + PIL.
 */
export const INTR_PRI_NO_RT = MAXCLSYSPRI;
export const INTR_PRI_WITH_RT = RT_MAXPRI;
/** The idle thread's priority as `::cpuinfo` shows it. */
export const IDLE_PRI = -1;
/** Highest interrupt level (PIL 1..15). */
export const MAX_PIL = 15;
/** LOCK_LEVEL: interrupts above it run on the interrupted thread's stack, not as threads. */
export const LOCK_LEVEL = 10;
/** `u_comm` holds at most MAXCOMLEN characters (sys/user.h). */
export const MAXCOMLEN = 16;

/**
 * kpreemptpri before the fix: dispinit() set it to maxclsyspri + 1. SmartOS OS-970 (2012) and
 * illumos 1532 set it to maxclsyspri.
 */
export const KPREEMPTPRI_PRE_FIX = MAXCLSYSPRI + 1;
export const KPREEMPTPRI_FIXED = MAXCLSYSPRI;

/** SDC's top priority: MAXCLSYSPRI before illumos 7232, MAXCLSYSPRI - 1 after it. */
export const SDC_MAXPRI_PRE_7232 = MAXCLSYSPRI;
export const SDC_MAXPRI_POST_7232 = MAXCLSYSPRI - 1;

export type PriorityBand = 'idle' | 'user' | 'sys' | 'rt' | 'interrupt';

/**
 * The band a global priority falls in. Above MAXCLSYSPRI a priority is RT when RT is loaded
 * (100..159) and an interrupt thread's otherwise; `rtLoaded` null means the input does not say,
 * and the answer is then 'interrupt' only when no RT priority could explain it (> RT_MAXPRI).
 */
export function priorityBand(pri: number, rtLoaded: boolean | null): PriorityBand | 'rt-or-interrupt' {
  if (pri < 0) return 'idle';
  if (pri <= TS_MAXUMDPRI) return 'user';
  if (pri <= MAXCLSYSPRI) return 'sys';
  if (rtLoaded === false) return 'interrupt';
  if (pri > RT_MAXPRI) return 'interrupt';
  return rtLoaded === true ? 'rt' : 'rt-or-interrupt';
}

/** Ticks a schedctl no-preempt thread may run past its quantum (`SC_MAX_TICKS`, sys/schedctl.h). */
export const SC_MAX_TICKS = 2;
