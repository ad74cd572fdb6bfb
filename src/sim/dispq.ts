// disp_t: one dispatch queue per CPU plus the partition's kp queue. Per-priority FIFO lists linked
// through t_link, with disp_nrunnable, disp_maxrunpri and the lazy disp_max_unbound_pri kept as
// illumos keeps them (maxunbound is an upper bound, lowered only by dequeues and steal attempts).
import { SimThread, TS_RUN } from './types.ts';

/** Counts shared by all CPU queues of a partition (lets idle CPUs skip a fruitless steal scan). */
export interface QueueCounts {
  /** Unbound threads queued on per-CPU queues (not the kp queue). */
  unbound: number;
  /**
   * Per-CPU queues that may hold an unbound thread (a superset, pruned by stealCandidates): the
   * steal scan walks these instead of every CPU, which made it quadratic in CPUs (issue 15).
   */
  stealList: DispQ[];
}

export class DispQ {
  readonly id: number;
  readonly counts: QueueCounts;
  readonly first: (SimThread | null)[];
  readonly last: (SimThread | null)[];
  readonly cnt: Int32Array;
  nrunnable = 0;
  maxrunpri = -1;
  maxUnboundPri = -1;
  /** disp_steal: tick before which a too-fresh thread here may not be stolen (0: none pending). */
  steal = 0;
  /** It is in counts.stealList. */
  listed = false;

  constructor(id: number, npri: number, counts: QueueCounts) {
    this.id = id;
    this.counts = counts;
    this.first = new Array<SimThread | null>(npri).fill(null);
    this.last = new Array<SimThread | null>(npri).fill(null);
    this.cnt = new Int32Array(npri);
  }
}

/** Inserts `t` at `pri`; returns true when `pri` became the new disp_maxrunpri. */
export function dqInsert(dq: DispQ, t: SimThread, pri: number, front: boolean): boolean {
  t.state = TS_RUN;
  t.dispQueue = dq.id;
  if (dq.cnt[pri] === 0) {
    t.link = null;
    dq.first[pri] = t;
    dq.last[pri] = t;
  } else if (front) {
    t.link = dq.first[pri] ?? null;
    dq.first[pri] = t;
  } else {
    t.link = null;
    (dq.last[pri] as SimThread).link = t;
    dq.last[pri] = t;
  }
  dq.cnt[pri] = (dq.cnt[pri] ?? 0) + 1;
  dq.nrunnable++;
  if (t.boundCpu < 0) {
    dq.steal = 0;
    if (pri > dq.maxUnboundPri) dq.maxUnboundPri = pri;
    if (dq.id >= 0) {
      dq.counts.unbound++;
      if (!dq.listed) {
        dq.listed = true;
        dq.counts.stealList.push(dq);
      }
    }
  }
  if (pri > dq.maxrunpri) {
    dq.maxrunpri = pri;
    return true;
  }
  return false;
}

/** Removes `t` (queued at `pri`) from `dq`: dispdeq. Returns false if it was not there. */
export function dqRemove(dq: DispQ, t: SimThread, pri: number): boolean {
  let prev: SimThread | null = null;
  let cur = dq.first[pri] ?? null;
  while (cur !== null && cur !== t) {
    prev = cur;
    cur = cur.link;
  }
  if (cur === null) return false;
  if (prev === null) dq.first[pri] = t.link;
  else prev.link = t.link;
  if (dq.last[pri] === t) dq.last[pri] = prev;
  t.link = null;
  dq.cnt[pri] = (dq.cnt[pri] ?? 0) - 1;
  dq.nrunnable--;
  if (t.boundCpu < 0 && dq.id >= 0) dq.counts.unbound--;
  afterRemove(dq, pri);
  return true;
}

/** Takes the head of the highest non-empty level. */
export function dqTakeBest(dq: DispQ): SimThread | null {
  const pri = dq.maxrunpri;
  if (pri < 0) return null;
  const t = dq.first[pri] as SimThread;
  dq.first[pri] = t.link;
  if (t.link === null) dq.last[pri] = null;
  t.link = null;
  dq.cnt[pri] = (dq.cnt[pri] ?? 0) - 1;
  dq.nrunnable--;
  if (t.boundCpu < 0 && dq.id >= 0) dq.counts.unbound--;
  afterRemove(dq, pri);
  return t;
}

function afterRemove(dq: DispQ, pri: number): void {
  if (dq.nrunnable === 0) {
    dq.maxrunpri = -1;
    dq.maxUnboundPri = -1;
    return;
  }
  if (pri === dq.maxrunpri && dq.cnt[pri] === 0) {
    let p = pri - 1;
    while (dq.cnt[p] === 0) p--;
    dq.maxrunpri = p;
    if (dq.maxUnboundPri > p) dq.maxUnboundPri = p;
  }
}

/** disp_fix_unbound_pri: lower the lazy bound to the highest level holding an unbound thread. */
export function dqFixUnboundPri(dq: DispQ, from: number): void {
  for (let p = from; p >= 0; p--) {
    for (let t = dq.first[p] ?? null; t !== null; t = t.link) {
      if (t.boundCpu < 0) {
        dq.maxUnboundPri = p;
        return;
      }
    }
  }
  dq.maxUnboundPri = -1;
}

/**
 * The per-CPU queues whose disp_max_unbound_pri is set (the only ones a steal can take from),
 * in no particular order; queues that no longer qualify are dropped from the list here.
 */
export function stealCandidates(counts: QueueCounts): DispQ[] {
  const list = counts.stealList;
  let kept = 0;
  for (let i = 0; i < list.length; i++) {
    const dq = list[i] as DispQ;
    if (dq.maxUnboundPri >= 0) list[kept++] = dq;
    else dq.listed = false;
  }
  list.length = kept;
  return list;
}

/** Queued threads, highest priority first and in queue order within a level (as `::cpuinfo -v`). */
export function dqList(dq: DispQ): SimThread[] {
  const out: SimThread[] = [];
  for (let p = dq.cnt.length - 1; p >= 0; p--) {
    for (let t = dq.first[p] ?? null; t !== null; t = t.link) out.push(t);
  }
  return out;
}
