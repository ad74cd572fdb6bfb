// Adaptive mutexes and rwlocks with owners, turnstiles and priority inheritance, after illumos
// mutex.c, rwlock.c and turnstile.c: a contended mutex_enter spins while the owner is on a CPU and
// blocks in turnstile_block otherwise; mutex_exit wakes every waiter (they retry); rw_exit hands
// the lock to the best writer or to all readers; a blocking thread wills its DISP_PRIO down the
// chain of owners (t_epri). Simplification: t_epri is kept and reported, but queues still order by
// t_pri (thread_change_epri's requeue is not modelled).
import { TURNSTILE_CYCLE_PANIC } from '../../illumos/index.ts';
import { clWakeup } from './classes/index.ts';
import { sleepThread } from './switch.ts';
import { touch } from './sync.ts';
import { MODE_KERNEL, SimCpu, SimState, SimThread, TS_ONPROC } from './types.ts';

/** turnstile.h: the sleep queue a waiter is on (a mutex uses the writer queue). */
export const TS_WRITER_Q = 0;
export const TS_READER_Q = 1;
/** krw_t (rwlock.h): the second argument of rw_enter / rw_enter_sleep. */
export const RW_WRITER = 0;
export const RW_READER = 1;

export type LockKind = 'mutex' | 'rwlock';

/**
 * Addresses shown for the kernel's mutex_sobj_ops / rw_sobj_ops (turnstile_block's fourth
 * argument): kernel data, fixed per build; these are the simulator's stand-ins.
 */
export function sobjOpsAddr(kind: LockKind, width: number): string {
  const low = kind === 'mutex' ? 'fbc2c0a0' : 'fbc2c0e0';
  return width === 8 ? low : `ffffffff${low}`;
}

export class SimLock {
  /** Priority-ordered sleep queues (sleepq_insert: by DISP_PRIO, FIFO within one). */
  readonly queues: [SimThread[], SimThread[]] = [[], []];
  /** Adaptive mutex owner, or the rwlock's write owner. */
  owner: SimThread | null = null;
  readers: SimThread[] = [];
  /** The active turnstile's address (the first blocker's t_ts), while anyone waits. */
  tsAddr: string | null = null;
  constructor(
    readonly id: number,
    readonly name: string,
    readonly addr: string,
    readonly kind: LockKind,
  ) {}
  get waiters(): number {
    return this.queues[0].length + this.queues[1].length;
  }
}

/** DISP_PRIO(t): the effective priority, t_epri when it is higher. */
export function dispPrio(t: SimThread): number {
  return t.epri > t.pri ? t.epri : t.pri;
}

/** SOBJ_OWNER: a mutex's owner; an rwlock's only when write-held (readers are not tracked as owners). */
function sobjOwner(l: SimLock): SimThread | null {
  return l.owner;
}

/** mutex_enter: true when the thread goes on (acquired, or spinning a tick), false when it blocked. */
export function mutexEnter(s: SimState, cp: SimCpu, t: SimThread, l: SimLock): 'acquired' | 'spin' | 'blocked' {
  if (l.owner === null) {
    l.owner = t;
    t.held.push(l);
    return 'acquired';
  }
  // mutex_vector_enter: spin while the owner runs (adaptive), block on the turnstile otherwise.
  if (l.owner !== t && l.owner.state === TS_ONPROC) return 'spin';
  block(s, cp, t, l, TS_WRITER_Q, RW_WRITER);
  return 'blocked';
}

/** rw_enter: readers wait behind a writer that holds or waits for it; writers wait for any holder. */
export function rwEnter(s: SimState, cp: SimCpu, t: SimThread, l: SimLock, rw: number): 'acquired' | 'blocked' {
  if (rw === RW_READER) {
    if (l.owner === null && l.queues[TS_WRITER_Q].length === 0) {
      l.readers.push(t);
      t.held.push(l);
      return 'acquired';
    }
    block(s, cp, t, l, TS_READER_Q, RW_READER);
    return 'blocked';
  }
  if (l.owner === null && l.readers.length === 0) {
    l.owner = t;
    t.held.push(l);
    return 'acquired';
  }
  block(s, cp, t, l, TS_WRITER_Q, RW_WRITER);
  return 'blocked';
}

/** turnstile_block: queue by priority, will DISP_PRIO down the chain of owners, then swtch. */
function block(s: SimState, cp: SimCpu, t: SimThread, l: SimLock, qnum: number, rw: number): void {
  t.blockTs = l.tsAddr ?? '0';
  if (l.tsAddr === null) l.tsAddr = t.tsAddr;
  const q = l.queues[qnum] as SimThread[];
  const p = dispPrio(t);
  let i = 0;
  while (i < q.length && dispPrio(q[i] as SimThread) >= p) i++;
  q.splice(i, 0, t);
  t.blockedOn = l;
  t.blockRw = rw;
  t.blockQ = qnum;
  t.blockedSince = s.lbolt;
  // Follow the blocking chain (turnstile_block's loop); a cycle through owners is the kernel's
  // "Deadlock: cycle in blocking chain" panic: recorded, the simulation goes on with it formed.
  let cur: SimThread = t;
  for (let hops = 0; hops <= s.threads.length; hops++) {
    const on = cur.blockedOn;
    const owner = on === null ? null : sobjOwner(on);
    if (owner === null) break;
    if (owner === t) {
      if (s.lockPanic === null) s.lockPanic = { message: TURNSTILE_CYCLE_PANIC, thread: t.addr, cpu: cp.id, tick: s.lbolt };
      break;
    }
    if (p > dispPrio(owner)) owner.epri = p; // turnstile_pi_inherit
    cur = owner;
  }
  t.segLeft = 0;
  sleepThread(s, cp, t, false);
}

/** mutex_exit: clear the owner, waive inherited priority, wake every waiter (each retries). */
export function mutexExit(s: SimState, t: SimThread, l: SimLock): boolean {
  if (l.owner !== t) return false;
  l.owner = null;
  release(t, l);
  const woken = l.queues[TS_WRITER_Q].splice(0);
  l.tsAddr = null;
  for (const w of woken) unblock(s, w, true);
  return true;
}

/** rw_exit: drop a hold; when the lock is free, hand it to the best writer or to every reader. */
export function rwExit(s: SimState, t: SimThread, l: SimLock): boolean {
  if (l.owner === t) l.owner = null;
  else {
    const i = l.readers.indexOf(t);
    if (i < 0) return false;
    l.readers.splice(i, 1);
  }
  release(t, l);
  if (l.owner !== null || l.readers.length > 0) return true;
  const wq = l.queues[TS_WRITER_Q];
  const rq = l.queues[TS_READER_Q];
  const w = wq[0];
  const r = rq[0];
  // rw_exit_wakeup: the writer goes first unless the best reader outranks it.
  if (w !== undefined && (r === undefined || dispPrio(w) >= dispPrio(r))) {
    wq.shift();
    l.owner = w;
    w.held.push(l);
    unblock(s, w, false);
  } else {
    for (const x of rq.splice(0)) {
      l.readers.push(x);
      x.held.push(l);
      unblock(s, x, false);
    }
  }
  if (l.waiters === 0) l.tsAddr = null;
  else inherit(l);
  return true;
}

/** A new write owner inherits from the waiters left behind (turnstile_wakeup's handoff case). */
function inherit(l: SimLock): void {
  const o = l.owner;
  if (o === null) return;
  for (const q of l.queues) for (const w of q) if (dispPrio(w) > dispPrio(o)) o.epri = dispPrio(w);
}

/** The holder lets go: t_epri falls to the best waiter of what it still holds (turnstile_pi_waive). */
function release(t: SimThread, l: SimLock): void {
  const i = t.held.indexOf(l);
  if (i >= 0) t.held.splice(i, 1);
  let e = 0;
  for (const h of t.held) {
    if (sobjOwner(h) !== t) continue;
    for (const q of h.queues) for (const w of q) e = Math.max(e, dispPrio(w));
  }
  t.epri = e > t.pri ? e : 0;
}

/** A waiter leaves the turnstile and becomes runnable; `retry`: it runs its lock step again. */
function unblock(s: SimState, w: SimThread, retry: boolean): void {
  w.blockedOn = null;
  if (!retry) w.stepIdx++; // handed the lock: the step after the acquire comes next
  w.segLeft = 0;
  w.mode = MODE_KERNEL;
  w.preemptible = true;
  clWakeup(s, w);
}

/** Marks `cp` touched for a spin (the spinning thread stays on its CPU one more tick). */
export function spinTick(s: SimState, cp: SimCpu, t: SimThread): void {
  touch(s, cp);
  t.mode = MODE_KERNEL;
  t.segLeft = 1;
}
