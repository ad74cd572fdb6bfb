// The adaptive mutex word (usr/src/uts/intel/sys/mutex_impl.h): the owner thread in the high bits,
// MUTEX_WAITERS in bit 0, MUTEX_DEAD (0x6) once destroyed; a spin mutex's first byte is 0xff.

/** `#define MUTEX_WAITERS 0x1` */
export const MUTEX_WAITERS = 0x1n;
/** `#define MUTEX_DEAD 0x6`: the low bits of a destroyed mutex. */
export const MUTEX_DEAD = 0x6n;
/** `#define MUTEX_THREAD (-0x8)`: the owner is `m_owner & MUTEX_THREAD`. */
export const MUTEX_THREAD = ~0x7n;
/** `LOCK_HELD_VALUE` (0xff): `m_dummylock`, the first byte of a spin mutex (MUTEX_TYPE_SPIN). */
export const SPIN_DUMMYLOCK = 0xffn;

export type MutexWord =
  | { type: 'adaptive'; owner: bigint | null; waiters: boolean }
  | { type: 'spin' }
  | { type: 'dead' };

/** What the first word of a kmutex_t says (64-bit, little-endian x86). */
export function readMutexWord(word: bigint): MutexWord {
  if ((word & 0xffn) === SPIN_DUMMYLOCK) return { type: 'spin' };
  if ((word & MUTEX_DEAD) === MUTEX_DEAD) return { type: 'dead' };
  const owner = word & MUTEX_THREAD & 0xffffffffffffffffn;
  return { type: 'adaptive', owner: owner === 0n ? null : owner, waiters: (word & MUTEX_WAITERS) !== 0n };
}
