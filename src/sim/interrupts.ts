// Interrupts: an interrupt thread pins whatever the CPU runs (cpu_thread changes, cpu_dispthread
// and cpu_dispatch_pri do not), performs its wake-ups, and on return is a preemption point.
// Clock samples that fall while it runs charge nobody. Only a higher PIL nests; a lower or equal
// one waits a tick. Within a tick, interrupt ends come before arrivals and timed wake-ups
// (heap sub-order 0 before 1), so back-to-back interrupts leave no clock sample uncovered.
import { wakeByEvent } from './behaviour.ts';
import { EV_INTR, EV_INTR_END } from './events.ts';
import { PHASE_A } from './heap.ts';
import { markDirty, touch } from './sync.ts';
import { SimCpu, SimState, SimThread, SourceSpec, TS_FREE, TS_ONPROC, TS_SLEEP } from './types.ts';

const NONE: readonly number[] = [];

/** A source's arrival. `deferred` arrivals were held back by a busy PIL and do not re-arm. */
export function intrFire(s: SimState, idx: number, deferred: boolean): void {
  const src = s.sources[idx];
  if (src === undefined) return;
  if (!deferred) s.heap.push(s.lbolt + Math.max(1, s.rng.int(src.everyLo, src.everyHi)), PHASE_A, 1, EV_INTR, idx, 0);
  const cp = s.cpus[src.cpu] as SimCpu;
  const top = cp.intr[cp.intr.length - 1];
  if (top !== undefined && top.pil >= src.pil) {
    s.heap.push(s.lbolt + 1, PHASE_A, 1, EV_INTR, idx, 1);
    return;
  }
  const it = intrStart(s, cp, src.pil, src.wakeOne ? NONE : src.wakes);
  if (src.wakeOne) wakeOne(s, src);
  if (src.service === 0) intrEnd(s, cp, it);
  else {
    it.intrUntil = s.lbolt + src.service;
    s.heap.push(it.intrUntil, PHASE_A, 0, EV_INTR_END, cp.id, it.id);
  }
}

export function intrStart(s: SimState, cp: SimCpu, pil: number, wakes: readonly number[]): SimThread {
  touch(s, cp);
  const it = cp.intrPool[pil];
  if (it === undefined || it === null) throw new Error(`cpu ${cp.id}: no interrupt thread for PIL ${pil}`);
  it.state = TS_ONPROC;
  it.pri = s.params.intrPri + pil;
  it.pinned = cp.thread;
  it.intrSince = s.lbolt;
  cp.thread = it;
  cp.intr.push(it);
  for (let i = 0; i < wakes.length; i++) wakeByEvent(s, s.threads[wakes[i] as number] as SimThread);
  return it;
}

/** cv_signal: the first waiter from the rotating start, else work left pending there. */
function wakeOne(s: SimState, src: SourceSpec): void {
  const n = src.wakes.length;
  if (n === 0) return;
  for (let i = 0; i < n; i++) {
    const t = s.threads[src.wakes[(src.next + i) % n] as number] as SimThread;
    if (t.state === TS_SLEEP && t.waitingEvent) {
      src.next = (src.next + i + 1) % n;
      wakeByEvent(s, t);
      return;
    }
  }
  wakeByEvent(s, s.threads[src.wakes[src.next] as number] as SimThread);
  src.next = (src.next + 1) % n;
}

/** The interrupt thread returns; a nested higher one must finish first. */
export function intrEnd(s: SimState, cp: SimCpu, it: SimThread): void {
  const top = cp.intr[cp.intr.length - 1];
  if (top !== it) {
    if (top !== undefined && cp.intr.includes(it)) s.heap.push(Math.max(top.intrUntil, s.lbolt + 1), PHASE_A, 0, EV_INTR_END, cp.id, it.id);
    return;
  }
  touch(s, cp);
  cp.intr.pop();
  cp.thread = it.pinned as SimThread;
  it.pinned = null;
  it.state = TS_FREE;
  markDirty(s, cp);
}
