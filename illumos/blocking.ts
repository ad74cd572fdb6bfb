// The kernel's blocking primitives and which argument names the object a thread sleeps on
// (0-based, from the prototypes in illumos usr/src/uts/common/os: mutex.c, rwlock.c, turnstile.c,
// condvar.c, sema.c; bio.c, taskq.c, zio.c). The grammar keeps these frames' arguments even when
// it drops every other frame's (lean stream mode); the model reads the waits from them.

import { baseName } from './symbol.ts';

export type WaitKind = 'mutex' | 'rwlock' | 'cv' | 'sema' | 'buf' | 'taskq' | 'zio';

/** Blocking primitives: the kind of object and which argument names it (0-based). */
export const BLOCKING_PRIMITIVES: ReadonlyMap<string, { kind: WaitKind | 'turnstile'; arg: number }> = new Map([
  // mutex_vector_enter(mutex_impl_t *lp)
  ['mutex_vector_enter', { kind: 'mutex', arg: 0 }],
  // rw_enter_sleep(rwlock_impl_t *lp, krw_t rw)
  ['rw_enter_sleep', { kind: 'rwlock', arg: 0 }],
  // turnstile_block(turnstile_t *ts, int qnum, void *sobj, sobj_ops_t *sobj_ops, kmutex_t *mp, lwp_timer_t *lwptp)
  ['turnstile_block', { kind: 'turnstile', arg: 2 }],
  // cv_*(kcondvar_t *cvp, kmutex_t *mp, ...)
  ['cv_wait', { kind: 'cv', arg: 0 }],
  ['cv_wait_sig', { kind: 'cv', arg: 0 }],
  ['cv_wait_sig_swap', { kind: 'cv', arg: 0 }],
  ['cv_wait_sig_swap_core', { kind: 'cv', arg: 0 }],
  ['cv_timedwait', { kind: 'cv', arg: 0 }],
  ['cv_timedwait_hires', { kind: 'cv', arg: 0 }],
  ['cv_timedwait_sig', { kind: 'cv', arg: 0 }],
  ['cv_timedwait_sig_hires', { kind: 'cv', arg: 0 }],
  ['cv_reltimedwait', { kind: 'cv', arg: 0 }],
  ['cv_reltimedwait_sig', { kind: 'cv', arg: 0 }],
  ['cv_waituntil_sig', { kind: 'cv', arg: 0 }],
  // sema_p(ksema_t *sp)
  ['sema_p', { kind: 'sema', arg: 0 }],
  ['sema_p_sig', { kind: 'sema', arg: 0 }],
  // biowait(struct buf *bp), taskq_wait(taskq_t *tq), zio_wait(zio_t *zio)
  ['biowait', { kind: 'buf', arg: 0 }],
  ['taskq_wait', { kind: 'taskq', arg: 0 }],
  ['zio_wait', { kind: 'zio', arg: 0 }],
]);

/** Whether a frame's function (module-qualified or not) is one of the blocking primitives. */
export function isBlockingPrimitive(func: string): boolean {
  // The table's names are bare, so a qualified name matches by its base.
  return BLOCKING_PRIMITIVES.has(baseName(func));
}
