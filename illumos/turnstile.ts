// What turnstile_block (usr/src/uts/common/os/turnstile.c) does with a blocking chain: it follows
// each owner's own t_wchan through SOBJ_OWNER, willing priority, and panics when the chain comes
// back to the thread that is blocking. A read-held rwlock has no owner (SOBJ_OWNER is NULL) and a
// cv or semaphore is not a turnstile object, so the walk stops there and such a cycle hangs quietly.

/** The panic message when a mutex / write-held rwlock chain closes on the blocking thread. */
export const TURNSTILE_CYCLE_PANIC = 'Deadlock: cycle in blocking chain';

/** Whether a wait on this kind of object with an owner is a link turnstile_block follows. */
export function turnstileFollows(kind: string, ownerKnown: boolean): boolean {
  return ownerKnown && (kind === 'mutex' || kind === 'rwlock');
}
