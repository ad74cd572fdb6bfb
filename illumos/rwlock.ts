// The rwlock word (usr/src/uts/common/sys/rwlock_impl.h): rw_wwwh holds the write owner or the
// read hold count in its high bits and three flags below them.

/** `#define RW_HAS_WAITERS 1` */
export const RW_HAS_WAITERS = 0x1n;
/** `#define RW_WRITE_WANTED 2` */
export const RW_WRITE_WANTED = 0x2n;
/** `#define RW_WRITE_LOCKED 4` */
export const RW_WRITE_LOCKED = 0x4n;
/** `#define RW_READ_LOCK 8`: one read hold. */
export const RW_READ_LOCK = 0x8n;
/** `#define RW_HOLD_COUNT_SHIFT 3` */
export const RW_HOLD_COUNT_SHIFT = 3n;
/** `#define RW_OWNER RW_HOLD_COUNT` (= -RW_READ_LOCK): the writer, or the hold count. */
export const RW_OWNER = ~0x7n & 0xffffffffffffffffn;
/** `#define RW_DOUBLE_LOCK (RW_WRITE_LOCK(0) | RW_READ_LOCK)`: the pattern rw_destroy leaves. */
export const RW_DOUBLE_LOCK = RW_WRITE_LOCKED | RW_READ_LOCK;

export type RwlockWord =
  | { type: 'write'; owner: bigint; waiters: boolean; writeWanted: boolean }
  | { type: 'read'; readers: number; waiters: boolean; writeWanted: boolean }
  | { type: 'destroyed' };

/** What rw_wwwh says (64-bit): write-held with its owner, or read-held (or free) with its count. */
export function readRwlockWord(word: bigint): RwlockWord {
  // mdb's rwlock dcmd reads both bits set as destroyed: a thread address never has bit 3 set.
  if ((word & RW_DOUBLE_LOCK) === RW_DOUBLE_LOCK) return { type: 'destroyed' };
  const waiters = (word & RW_HAS_WAITERS) !== 0n;
  const writeWanted = (word & RW_WRITE_WANTED) !== 0n;
  if ((word & RW_WRITE_LOCKED) !== 0n) return { type: 'write', owner: word & RW_OWNER, waiters, writeWanted };
  return { type: 'read', readers: Number((word & RW_OWNER) >> RW_HOLD_COUNT_SHIFT), waiters, writeWanted };
}
