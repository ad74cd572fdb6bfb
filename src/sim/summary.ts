// What a run showed, in numbers and in a few lines of text: each CPU's state at the end, threads
// still waiting past the starvation threshold, and the longest wait any thread had.
import { shortTicks } from '../rules/policy.ts';
import { queuedThreads } from './transcript.ts';
import type { SimLock } from './locks.ts';
import { CLASS_NAMES, KIND_NORMAL, KPQ, SimState, SimThread, type ExpectedWait } from './types.ts';
import { comm } from './snapshot.ts';
import { neutralize } from '../report/sanitize.ts';

export interface WaitInfo {
  name: string;
  addr: string;
  comm: string;
  cls: string;
  pri: number;
  /** CPU whose queue holds it, or -1 for the kp queue. */
  queuedOn: number;
  waitTicks: number;
}

export interface CpuInfo {
  id: number;
  thread: string;
  name: string;
  pri: number;
  runrun: boolean;
  kprunrun: boolean;
  switchTicks: number | null;
  nrun: number;
}

export interface SimSummary {
  scenario: string;
  seed: number;
  hz: number;
  kpreemptpri: number;
  kpqpri: number;
  ticks: number;
  events: number;
  /** Run queues looked at by steal scans (with events, the simulator's work: linear in CPUs x threads). */
  stealVisits: number;
  /** CPUs re-planned after events (the fast-forward's bookkeeping; linear in events when nothing re-plans every CPU). */
  plans: number;
  cpus: CpuInfo[];
  /** Threads still queued at the end that have waited at least the threshold. */
  starved: WaitInfo[];
  /** For each kernel priority (>= minclsyspri) present, highest first: the longest wait at it over the run. */
  longestByPri: WaitInfo[];
  longestWait: WaitInfo | null;
  thresholdTicks: number;
  /** Mutexes and rwlocks at the end: owner (or readers), waiters, and each holder's t_epri. */
  locks: LockInfo[];
  /** A blocking chain closed on itself: where illumos would have panicked. */
  lockPanic: SimState['lockPanic'];
  expectedWaits: ExpectedWait[];
}

export interface LockInfo {
  name: string;
  addr: string;
  kind: string;
  owner: string | null;
  ownerEpri: number;
  readers: string[];
  waiters: string[];
}

function lockInfo(l: SimLock): LockInfo {
  return {
    name: l.name,
    addr: l.addr,
    kind: l.kind,
    owner: l.owner?.addr ?? null,
    ownerEpri: l.owner?.epri ?? 0,
    readers: l.readers.map((t) => t.addr),
    waiters: [...l.queues[0], ...l.queues[1]].map((t) => t.addr),
  };
}

function waitInfo(s: SimState, t: SimThread, waitTicks: number): WaitInfo {
  return {
    name: t.name,
    addr: t.addr,
    comm: comm(t),
    cls: CLASS_NAMES[t.cls] ?? '?',
    pri: t.pri,
    queuedOn: t.dispQueue === KPQ ? -1 : t.dispQueue,
    waitTicks,
  };
}

export function summarize(s: SimState, thresholdTicks = s.params.hz): SimSummary {
  const queued = new Set(queuedThreads(s));
  const current = (t: SimThread): number => (queued.has(t) ? s.lbolt - t.waitrq : 0);
  let longest: WaitInfo | null = null;
  const byPri = new Map<number, WaitInfo>();
  for (const t of s.threads) {
    if (t.kind !== KIND_NORMAL) continue;
    const w = Math.max(t.maxWait, current(t));
    if (longest === null || w > longest.waitTicks) longest = waitInfo(s, t, w);
    const b = byPri.get(t.pri);
    if (t.pri >= s.params.minclsyspri && (b === undefined || w > b.waitTicks)) byPri.set(t.pri, waitInfo(s, t, w));
  }
  return {
    scenario: s.scenario,
    seed: s.seed,
    hz: s.params.hz,
    kpreemptpri: s.params.kpreemptpri,
    kpqpri: s.params.kpqpri,
    ticks: s.lbolt,
    events: s.stats.events,
    stealVisits: s.stats.stealVisits,
    plans: s.stats.plans,
    cpus: s.cpus.map((c) => ({
      id: c.id,
      thread: c.thread.addr,
      name: c.thread.name,
      pri: c.thread.pri,
      runrun: c.runrun,
      kprunrun: c.kprunrun,
      switchTicks: c.lastSwtch === 0 ? null : s.lbolt - c.lastSwtch,
      nrun: c.disp.nrunnable,
    })),
    starved: [...queued]
      .filter((t) => current(t) >= thresholdTicks)
      .map((t) => waitInfo(s, t, current(t)))
      .sort((a, b) => b.pri - a.pri || b.waitTicks - a.waitTicks),
    longestByPri: [...byPri.values()].sort((a, b) => b.pri - a.pri),
    longestWait: longest,
    thresholdTicks,
    locks: s.locks.map(lockInfo),
    lockPanic: s.lockPanic,
    expectedWaits: s.expectedWaits,
  };
}

const yn = (b: boolean): string => (b ? 'yes' : 'no');

/** A short report; names come from scenario files, so they are neutralised for the terminal. */
export function formatSummary(sum: SimSummary): string {
  const hz = sum.hz;
  const n = (x: string): string => neutralize(x);
  const lines: string[] = [];
  lines.push(
    `playfair sim: ${n(sum.scenario)}, seed ${sum.seed}: kpreemptpri ${sum.kpreemptpri} (kpqpri ${sum.kpqpri}), hz ${hz}, ` +
      `${sum.ticks} ticks (${shortTicks(sum.ticks, hz)}), ${sum.events} events`,
  );
  for (const c of sum.cpus) {
    const sw = c.switchTicks === null ? '-' : `t-${c.switchTicks}`;
    lines.push(`  cpu ${c.id}: ${n(c.name)} (${c.thread}) pri ${c.pri}, RNRN ${yn(c.runrun)}, KRNRN ${yn(c.kprunrun)}, SWITCH ${sw}, NRUN ${c.nrun}`);
  }
  const where = (w: WaitInfo): string => (w.queuedOn < 0 ? 'the kp queue' : `cpu ${w.queuedOn}`);
  if (sum.starved.length > 0) {
    lines.push(`STARVATION: ${sum.starved.length} thread(s) queued longer than ${shortTicks(sum.thresholdTicks, hz)}:`);
    for (const w of sum.starved.slice(0, 20)) {
      const label = w.name === w.addr ? w.comm : w.name;
      lines.push(`  ${w.addr} ${n(label)} (${w.cls} pri ${w.pri}) on ${where(w)}, waiting ${w.waitTicks} ticks (${shortTicks(w.waitTicks, hz)})`);
    }
    if (sum.starved.length > 20) lines.push(`  ... and ${sum.starved.length - 20} more`);
  } else {
    lines.push(`no starvation: no thread is queued longer than ${shortTicks(sum.thresholdTicks, hz)}`);
  }
  const ticks = (x: number): string => `${x} tick${x === 1 ? '' : 's'}`;
  for (const k of sum.longestByPri.slice(0, 8)) {
    lines.push(`  longest wait at pri ${k.pri}: ${ticks(k.waitTicks)}${k.waitTicks >= hz ? ` (${shortTicks(k.waitTicks, hz)})` : ''}, ${n(k.name)} (${k.cls})`);
  }
  const a = sum.longestWait;
  if (a !== null) lines.push(`  longest wait of any thread: ${ticks(a.waitTicks)}${a.waitTicks >= hz ? ` (${shortTicks(a.waitTicks, hz)})` : ''}, ${n(a.name)} (${a.cls} pri ${a.pri})`);
  for (const l of sum.locks) {
    const held = l.owner !== null ? `owner ${l.owner} (t_epri ${l.ownerEpri})` : l.readers.length > 0 ? `read by ${l.readers.join(', ')}` : 'free';
    lines.push(`  ${l.kind} ${n(l.name)} (${l.addr}): ${held}, ${l.waiters.length} waiter(s)`);
  }
  if (sum.lockPanic !== null) lines.push(`  illumos would panic at tick ${sum.lockPanic.tick}: "${sum.lockPanic.message}" (thread ${sum.lockPanic.thread}); simulated on with the cycle formed`);
  return lines.join('\n') + '\n';
}
