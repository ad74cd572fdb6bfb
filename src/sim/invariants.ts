// Debug-mode checks, run after every event: each thread is in exactly one place; every queue's
// disp_nrunnable, disp_maxrunpri and lazy disp_max_unbound_pri agree with what it holds; each CPU's
// dispatch priority matches what it dispatched. A violation throws with the tick and the detail.
import { DispQ } from './dispq.ts';
import { KIND_IDLE, KIND_INTR, KPQ, SimState, SimThread, TS_FREE, TS_ONPROC, TS_RUN, TS_SLEEP } from './types.ts';

let epoch = 0;
/** Per-thread "seen in this check" stamp and place, indexed by thread id (no per-check allocation). */
const seenAt: number[] = [];
const placeOf: string[] = [];

export function checkInvariants(s: SimState): void {
  epoch++;
  const put = (t: SimThread, place: string): void => {
    if (seenAt[t.id] === epoch) fail(s, `thread ${t.name} is both ${placeOf[t.id]} and ${place}`);
    seenAt[t.id] = epoch;
    placeOf[t.id] = place;
  };
  const where = { get: (t: SimThread): string | undefined => (seenAt[t.id] === epoch ? placeOf[t.id] : undefined) };
  checkQueue(s, s.kpq, put);
  let unbound = 0;
  for (const c of s.cpus) for (let p = 0; p < c.disp.cnt.length; p++) for (let t = c.disp.first[p] as SimThread | null; t !== null; t = t.link) if (t.boundCpu < 0) unbound++;
  if (unbound !== s.kpq.counts.unbound) fail(s, `unbound queued count ${s.kpq.counts.unbound} but ${unbound} queued`);
  for (const c of s.cpus) {
    checkQueue(s, c.disp, put);
    put(c.thread, 'on a cpu');
    for (let i = c.intr.length - 1; i >= 0; i--) {
      const it = c.intr[i] as SimThread;
      if (it.state !== TS_ONPROC) fail(s, `interrupt thread ${it.name} on cpu ${c.id} is not ONPROC`);
      const pinned = it.pinned as SimThread;
      if (i > 0 ? pinned !== c.intr[i - 1] : pinned !== c.dispthread) fail(s, `cpu ${c.id}: interrupt stack does not pin cpu_dispthread`);
      if (i === 0) put(pinned, `pinned on cpu ${c.id}`);
      if (i < c.intr.length - 1) put(it, `interrupted on cpu ${c.id}`);
    }
    const d = c.dispthread;
    if (d.kind === KIND_IDLE) {
      if (c.dispatchPri !== -1) fail(s, `cpu ${c.id} runs idle but cpu_dispatch_pri is ${c.dispatchPri}`);
    } else {
      if (d.state !== TS_ONPROC) fail(s, `cpu ${c.id}: cpu_dispthread ${d.name} is not ONPROC`);
      if (c.dispatchPri !== d.pri) fail(s, `cpu ${c.id}: cpu_dispatch_pri ${c.dispatchPri} != t_pri ${d.pri} of ${d.name}`);
      if (d.cpu !== c.id) fail(s, `cpu ${c.id}: ${d.name} has t_cpu ${d.cpu}`);
    }
    if (c.intr.length === 0 && c.thread !== d) fail(s, `cpu ${c.id}: cpu_thread differs from cpu_dispthread outside an interrupt`);
  }
  for (const t of s.threads) {
    const place = where.get(t);
    if (t.kind === KIND_IDLE) continue; // an idle thread off its CPU has no meaningful state
    if (t.state === TS_RUN && (place === undefined || !place.startsWith('queued'))) fail(s, `${t.name} is RUN but ${place ?? 'nowhere'}`);
    if (t.state === TS_ONPROC && (place === undefined || place.startsWith('queued'))) fail(s, `${t.name} is ONPROC but ${place ?? 'nowhere'}`);
    if ((t.state === TS_SLEEP || t.state === TS_FREE) && place !== undefined) fail(s, `${t.name} sleeps but is ${place}`);
    if (t.kind === KIND_INTR && t.state !== TS_FREE && t.state !== TS_ONPROC) fail(s, `interrupt thread ${t.name} in state ${t.state}`);
  }
}

const QUEUED: string[] = [];

function checkQueue(s: SimState, dq: DispQ, put: (t: SimThread, place: string) => void): void {
  const label = dq.id === KPQ ? 'queued on the kp queue' : QUEUED[dq.id] ?? (QUEUED[dq.id] = `queued on cpu ${dq.id}`);
  let total = 0;
  let maxpri = -1;
  let maxUnbound = -1;
  for (let p = 0; p < dq.cnt.length; p++) {
    let n = 0;
    let last: SimThread | null = null;
    for (let t = dq.first[p] as SimThread | null; t !== null; t = t.link) {
      n++;
      last = t;
      put(t, label);
      if (t.state !== TS_RUN) fail(s, `${t.name} on ${label} is not RUN`);
      if (t.waitrq < 0) fail(s, `${t.name} on ${label} has no t_waitrq`);
      if (t.dispQueue !== dq.id) fail(s, `${t.name} on ${label} has t_disp_queue ${t.dispQueue}`);
      if (t.pri !== p) fail(s, `${t.name} sits at ${p} on ${label} with t_pri ${t.pri}`);
      if (t.boundCpu >= 0 && t.boundCpu !== dq.id) fail(s, `bound ${t.name} on ${label}`);
      if (t.boundCpu < 0 && p > maxUnbound) maxUnbound = p;
      if (n > 100000) fail(s, `${label} level ${p} loops`);
    }
    if (n !== dq.cnt[p]) fail(s, `${label} level ${p}: dq_sruncnt ${dq.cnt[p]} but ${n} threads`);
    if (dq.last[p] !== last) fail(s, `${label} level ${p}: dq_last is wrong`);
    if (n > 0) maxpri = p;
    total += n;
  }
  if (total !== dq.nrunnable) fail(s, `${label}: disp_nrunnable ${dq.nrunnable} but ${total} queued`);
  if (maxpri !== dq.maxrunpri) fail(s, `${label}: disp_maxrunpri ${dq.maxrunpri} but highest queued ${maxpri}`);
  if (dq.maxUnboundPri > dq.maxrunpri || dq.maxUnboundPri < maxUnbound) {
    fail(s, `${label}: disp_max_unbound_pri ${dq.maxUnboundPri} outside [${maxUnbound}, ${dq.maxrunpri}]`);
  }
}

function fail(s: SimState, msg: string): never {
  throw new Error(`invariant broken at lbolt ${s.lbolt}: ${msg}`);
}
