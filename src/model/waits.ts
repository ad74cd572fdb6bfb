// Wait edges: which object each sleeping thread waits on, read from its blocking-primitive frames
// (argument positions from illumos usr/src/uts/common/os: mutex.c, rwlock.c, turnstile.c,
// condvar.c, sema.c; bio.c, taskq.c, zio.c), and the lock owners the input shows (::mutex, ::rwlock,
// ::turnstile, lock words).
import type { MutexRecord, RwlockRecord, TurnstileRecord } from '../../grammar/records.ts';
import { frameArg } from '../../grammar/frames/line-frame.ts';
import { toAddr } from '../../illumos/index.ts';
import { BLOCKING_PRIMITIVES as PRIMITIVES, type WaitKind } from '../../illumos/blocking.ts';
import { readMutexWord } from '../../illumos/mutex.ts';
import { readRwlockWord } from '../../illumos/rwlock.ts';
import { baseName, type Addr, type StackFrame, type Thread } from './snapshot.ts';

export type { WaitKind } from '../../illumos/blocking.ts';

/** Frames above a primitive that every sleeper shows. */
const SWITCH_FRAMES: ReadonlySet<string> = new Set(['_resume_from_idle', 'resume', 'swtch', 'swtch_to']);
/** Above a primitive in the thread that panicked in it (turnstile_block's "Deadlock: cycle in blocking chain"). */
const PANIC_FRAMES: ReadonlySet<string> = new Set(['vpanic', 'panic', 'panicsys', 'do_panic']);

/** Kinds a primitive wait resolves to; a lock outranks the cv or sema it sleeps in, a buf/zio/taskq outranks its cv. */
const RANK: Readonly<Record<WaitKind, number>> = { mutex: 3, rwlock: 3, zio: 2, buf: 2, taskq: 2, cv: 1, sema: 1 };

export interface WaitEdge {
  thread: Addr;
  kind: WaitKind;
  /** The primitive frame's function (`mutex_vector_enter`). */
  primitive: string;
  /** The object's address from the frame's arguments; null without `-v` arguments. */
  object: Addr | null;
  /** The first caller outside the primitives: where the thread waits (`txg_wait_synced`). */
  site: string | null;
  /** The input line of the primitive frame (evidence). */
  line: number;
}

export interface LockOwner {
  object: Addr;
  kind: 'mutex' | 'rwlock';
  /** The holder (adaptive mutex owner, rwlock writer); null when free or read-held. */
  owner: Addr | null;
  readers: number | null;
  /** Whether the dcmd said threads wait on it; null when not shown. */
  waiters: boolean | null;
  /**
   * `word`: the owner read from the lock word (`ADDR/J` or `::print kmutex_t`/`krwlock_t`: owner =
   * word & MUTEX_THREAD, or rw_wwwh & RW_OWNER when write-locked), not from ::mutex or ::rwlock;
   * `::turnstile`: the inheritor of the lock's turnstile.
   */
  source: '::mutex' | '::rwlock' | '::turnstile' | 'word';
  line: number;
}

/** An 8-byte word the input printed at an address (`ADDR/J`, `ADDR/K`, `::print kmutex_t`). */
export interface LockWord {
  addr: Addr;
  value: bigint;
  /** The lock type it was printed as (`::print kmutex_t` / `krwlock_t`); null for a bare word. */
  as: 'mutex' | 'rwlock' | null;
  line: number;
}

/** How an owner read from a lock word was read, for the reader of a finding. */
export function wordWhy(kind: 'mutex' | 'rwlock'): string {
  return kind === 'mutex'
    ? 'the mutex word read as owner = word & MUTEX_THREAD, no ::mutex shown'
    : 'the rwlock word read as owner = rw_wwwh & RW_OWNER (RW_WRITE_LOCKED set), no ::rwlock shown';
}

export interface Waits {
  edges: WaitEdge[];
  owners: LockOwner[];
}

function argAddr(f: WaitFrame, i: number): Addr | null {
  const a = frameArg(f, i);
  return a === undefined ? null : toAddr(a);
}

/** `::stacks` SOBJ names of the objects a thread's t_wchan points at. */
const SOBJ_KINDS: Readonly<Record<string, WaitKind>> = { MUTEX: 'mutex', RWLOCK: 'rwlock', CV: 'cv', SEMA: 'sema' };
/** Kinds whose object is the thread's t_wchan itself (a zio/buf/taskq wait sleeps on a cv or sema inside it). */
const WCHAN_IS_OBJECT: ReadonlySet<WaitKind> = new Set(['mutex', 'rwlock', 'cv', 'sema']);

/** A wait on a lock, slept on its turnstile (mdb's `blocked` walker), not on a sleep queue. */
export function isLockWait(e: Pick<WaitEdge, 'kind'>): e is Pick<WaitEdge, 'kind'> & { kind: 'mutex' | 'rwlock' } {
  return e.kind === 'mutex' || e.kind === 'rwlock';
}

/** A stack's wait without an object takes the thread's t_wchan, for the kinds that sleep on it. */
function withWchan(e: WaitEdge, t: Thread): WaitEdge {
  if (e.object === null && t.wchan !== null && WCHAN_IS_OBJECT.has(e.kind)) e.object = t.wchan;
  return e;
}

/**
 * The wait of one thread: the run of primitive frames under swtch, the most specific of them; its
 * object from the frame's arguments, else from t_wchan. A thread with no stack but a t_wchan and a
 * sync-object type (`::stacks` SOBJ, `::wchaninfo -v` TYPE) waits on that.
 */
export function waitOf(t: Thread): WaitEdge | null {
  const s = stackWait(t);
  const e = s === null ? null : withWchan(s, t);
  if (e !== null || t.addr === null || t.wchan === null || t.sobj === null) return e;
  const kind = SOBJ_KINDS[t.sobj];
  const line = t.lines['wchan'];
  return kind === undefined || line === undefined ? null : { thread: t.addr, kind, primitive: 't_wchan', object: t.wchan, site: null, line };
}

function stackWait(t: Thread): WaitEdge | null {
  if (t.addr === null || t.stack === null) return null;
  return framesWait(t.addr, t.stack);
}

/** A frame as both the grammar (a record's frames) and the model (a thread's stack) hold it. */
type WaitFrame = Pick<StackFrame, 'func' | 'args' | 'line' | 'saved'>;

/**
 * The wait a stack's frames show, innermost first. Shared-stack mode calls it on the record's
 * frames, before they are interned without their arguments.
 */
export function framesWait(thread: Addr, frames: readonly WaitFrame[]): WaitEdge | null {
  let i = 0;
  // The saved PC and the switch frames come first; no copy of the stack (a dump has 10^5 threads).
  while (i < frames.length && (frames[i]!.saved === true || SWITCH_FRAMES.has(baseName(frames[i]!.func)) || PANIC_FRAMES.has(baseName(frames[i]!.func)))) i++;
  let best: WaitEdge | null = null;
  let turnstileObj: Addr | null = null;
  for (; i < frames.length; i++) {
    const f = frames[i]!;
    const p = PRIMITIVES.get(baseName(f.func));
    if (p === undefined) break;
    if (p.kind === 'turnstile') {
      turnstileObj = argAddr(f, p.arg);
      continue;
    }
    const obj = argAddr(f, p.arg) ?? (p.kind === 'mutex' || p.kind === 'rwlock' ? turnstileObj : null);
    if (best === null || RANK[p.kind] >= RANK[best.kind]) {
      best = { thread, kind: p.kind, primitive: baseName(f.func), object: obj, site: null, line: f.line };
    }
  }
  if (best === null) return null;
  best.site = i < frames.length ? baseName(frames[i]!.func) : null;
  return best;
}

/** What the input showed of the locks themselves, besides the stacks. */
export interface LockInputs {
  mutexes: readonly MutexRecord[];
  rwlocks: readonly RwlockRecord[];
  turnstiles: readonly TurnstileRecord[];
  /** Words printed at addresses (`ADDR/J`, `::print kmutex_t`), read as the lock a thread waits on there. */
  words: readonly LockWord[];
}

function mutexFromWord(w: LockWord): LockOwner | null {
  const m = readMutexWord(w.value);
  if (m.type !== 'adaptive') return null;
  const owner = m.owner === null ? null : toAddr(m.owner.toString(16));
  return { object: w.addr, kind: 'mutex', owner, readers: null, waiters: m.waiters, source: 'word', line: w.line };
}

function rwlockFromWord(w: LockWord): LockOwner | null {
  const r = readRwlockWord(w.value);
  if (r.type === 'destroyed') return null;
  if (r.type === 'write') return { object: w.addr, kind: 'rwlock', owner: toAddr(r.owner.toString(16)), readers: null, waiters: r.waiters, source: 'word', line: w.line };
  return { object: w.addr, kind: 'rwlock', owner: null, readers: r.readers, waiters: r.waiters, source: 'word', line: w.line };
}

export function buildWaits(
  threads: readonly Thread[],
  locks: LockInputs,
  /** Waits read from records before their stacks were shared without arguments (lean mode). */
  fromRecords: ReadonlyMap<Addr, WaitEdge> = new Map(),
): Waits {
  const { mutexes, rwlocks, turnstiles, words } = locks;
  const edges: WaitEdge[] = [];
  for (const t of threads) {
    const pre = t.addr === null ? undefined : fromRecords.get(t.addr);
    const e = pre !== undefined ? withWchan(pre, t) : waitOf(t);
    if (e !== null) edges.push(e);
  }
  const owners: LockOwner[] = [];
  for (const m of mutexes) {
    const object = toAddr(m.addr);
    if (object === null || m.type !== 'adapt') continue;
    owners.push({ object, kind: 'mutex', owner: m.owner === null ? null : toAddr(m.owner), readers: null, waiters: m.waiters, source: '::mutex', line: m.line });
  }
  for (const r of rwlocks) {
    const object = toAddr(r.addr);
    if (object === null) continue;
    owners.push({ object, kind: 'rwlock', owner: r.owner === null ? null : toAddr(r.owner), readers: r.readers, waiters: r.hasWaiters, source: '::rwlock', line: r.line });
  }
  const shown = new Set(owners.map((o) => o.object));
  // The kind of each lock some thread waits on, as its waiters' frames show it: what a turnstile
  // row or a bare word is read as.
  const lockKinds = new Map<Addr, 'mutex' | 'rwlock'>();
  for (const e of edges) if (e.object !== null && isLockWait(e)) lockKinds.set(e.object, e.kind);
  // A turnstile's inheritor owns the lock it queues for (turnstile_pi_inherit wills to the owner).
  // ::mutex and ::rwlock rows come first.
  for (const ts of turnstiles) {
    const object = ts.sobj === null ? null : toAddr(ts.sobj);
    const kind = object === null ? undefined : lockKinds.get(object);
    if (object === null || shown.has(object) || kind === undefined || ts.inheritor === null) continue;
    owners.push({ object, kind, owner: toAddr(ts.inheritor), readers: null, waiters: ts.waiters > 0, source: '::turnstile', line: ts.line });
    shown.add(object);
  }
  // A word printed at a lock some thread waits on, where no row above shows it: read it as that
  // lock (kmutex_t or krwlock_t, as the waiters' frames say; a word printed as the other is not used).
  for (const w of words) {
    const kind = lockKinds.get(w.addr);
    if (shown.has(w.addr) || kind === undefined || (w.as !== null && w.as !== kind)) continue;
    const o = kind === 'mutex' ? mutexFromWord(w) : rwlockFromWord(w);
    if (o === null) continue;
    owners.push(o);
    shown.add(w.addr);
  }
  return { edges, owners };
}
