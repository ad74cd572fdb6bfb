// Seeding the simulator from a parsed dump: the CPUs it shows, the thread on each, the threads on
// each run queue in their order, with classes, priorities, TS class data and tunables as far as
// the dump shows them. What the dump cannot show (what each thread does next, interrupts, threads
// asleep) is assumed, and every assumption is returned as a note. The result is an ordinary
// scenario, so it runs, prints and validates like the built-in ones.
import type { DispatcherSnapshot, Thread } from '../model/snapshot.ts';
import type { CpuDef, ScenarioFile, StepDef, ThreadDef } from './scenario-types.ts';
import { CPU_QUIESCED, HZ_DEFAULT, KPREEMPTPRI_PRE_FIX, MAXCLSYSPRI, MINCLSYSPRI, TS_MAXUMDPRI } from '../../illumos/index.ts';

/** Kernel workers illumos binds to a CPU by default (mac soft rings, SRS workers, per-CPU squeues). */
const BOUND_WORKERS = ['mac_soft_ring_worker', 'mac_srs_worker', 'mac_rx_srs_poll_ring', 'squeue_worker', 'squeue_polling_thread'];

export interface SeedOptions {
  /** hz when the dump does not show it. */
  assumeHz?: number;
}

export interface Seeded {
  scenario: ScenarioFile;
  /** Where hz came from: the dump, the caller's assumption (--hz), or the 1532-era default. */
  hzSource: 'dump' | 'option' | 'default';
  /** kpreemptpri and kpqpri as the dump shows them (null: not shown, the simulator assumes). */
  shown: { kpreemptpri: number | null; kpqpri: number | null };
  /** Simulator CPU index -> the dump's CPU id. */
  cpuIds: number[];
  /** Thread address -> how it starts: running, or queued. */
  startedAs: Map<string, 'oncpu' | 'queued'>;
  notes: string[];
}

export function scenarioFromSnapshot(snap: DispatcherSnapshot, opts: SeedOptions = {}): Seeded {
  const notes: string[] = [];
  const byAddr = new Map<string, Thread>();
  for (const t of snap.threads) if (t.addr !== null) byAddr.set(t.addr, t);
  const shownHz = snap.tunables['hz'];
  const hz = shownHz ?? opts.assumeHz ?? HZ_DEFAULT;
  const hzSource: Seeded['hzSource'] = shownHz !== undefined ? 'dump' : opts.assumeHz !== undefined ? 'option' : 'default';
  if (hzSource === 'option') notes.push(`hz not shown: ${hz} as given`);
  if (hzSource === 'default') notes.push(`hz not shown: assumed ${hz}`);
  const shownKp = snap.tunables['kpreemptpri'] ?? null;
  const shownKpq = snap.tunables['kpqpri'] ?? null;
  const kpreemptpri = shownKp ?? KPREEMPTPRI_PRE_FIX;
  if (shownKp === null) notes.push(`kpreemptpri not shown: assumed ${KPREEMPTPRI_PRE_FIX} (maxclsyspri + 1, the default before the illumos 1532 fix)`);

  const cpus = [...snap.cpus].sort((a, b) => a.id - b.id);
  const cpuIds = cpus.map((c) => c.id);
  const threads: ThreadDef[] = [];
  const startedAs = new Map<string, 'oncpu' | 'queued'>();
  const cpuDefs: CpuDef[] = cpus.map((c, i) => {
    const def: CpuDef = {};
    if (c.addr !== null) def.addr = c.addr;
    if (c.flags !== null) def.flags = c.flags & ~CPU_QUIESCED;
    if (c.runrun !== null) def.runrun = c.runrun;
    if (c.kprunrun !== null) def.kprunrun = c.kprunrun;
    if (c.switchTicks !== null) def.switchTicks = c.switchTicks;
    const run = runningThread(c, byAddr, notes);
    const running = run?.t ?? null;
    const queue = c.runq ?? [];
    if (c.runq === null && (c.nrun ?? 0) > 0) notes.push(`cpu ${c.id}: ${c.nrun} queued threads not listed (plain ::cpuinfo): not simulated`);
    if (running !== null && running.addr !== null && !startedAs.has(running.addr)) {
      const pri = run?.pri ?? 0;
      const higherWaiting = queue.some((q) => q.pri > pri);
      const stuck = (c.switchTicks ?? 0) >= hz && higherWaiting;
      threads.push(onCpuThread(running, pri, i, stuck, hz, notes, c.id));
      startedAs.set(running.addr, 'oncpu');
    }
    for (const q of queue) {
      if (startedAs.has(q.thread)) continue;
      const t = byAddr.get(q.thread) ?? null;
      const def2 = queuedThread(q.thread, q.pri, q.proc, t, i, c.id, notes);
      if (def2 === null) continue;
      threads.push(def2);
      startedAs.set(q.thread, 'queued');
    }
    return def;
  });
  const approx = snap.threads.filter((t) => t.addr !== null && startedAs.has(t.addr) && ['IA', 'FSS', 'FX'].includes(t.cls ?? '')).length;
  if (approx > 0) notes.push(`${approx} IA/FSS/FX thread(s) simulated as TS`);
  const asleep = snap.threads.filter((t) => t.addr !== null && !startedAs.has(t.addr) && t.state !== 'onproc').length;
  if (asleep > 0) notes.push(`${asleep} other thread(s) in the dump are not runnable there and are left out`);
  notes.push('no interrupts are simulated; an interrupt active at dump time is taken as finished');
  const scenario: ScenarioFile = {
    name: 'from-dump',
    description: 'seeded from a parsed mdb dump',
    params: { hz, kpreemptpri, ...(shownKpq !== null ? { kpqpri: shownKpq } : {}) },
    addrWidth: widthOf(snap),
    cpus: cpuDefs.length > 0 ? cpuDefs : 1,
    threads,
  };
  return { scenario, hzSource, shown: { kpreemptpri: shownKp, kpqpri: shownKpq }, cpuIds, startedAs, notes };
}

/** The dispatched thread: the one on the CPU, or the one an interrupt thread pinned. */
function runningThread(c: DispatcherSnapshot['cpus'][number], byAddr: Map<string, Thread>, notes: string[]): { t: Thread; pri: number } | null {
  if (c.proc === '(idle)' || c.thread === null) return null;
  if (c.pil.length > 0) {
    const pinned = c.pinned;
    if (pinned === null || pinned.proc === '(idle)') return null;
    const t = byAddr.get(pinned.thread);
    if (t === undefined || t.pri === null) {
      notes.push(`cpu ${c.id}: the thread under its interrupt (${pinned.thread}) has no known priority: cpu starts idle`);
      return null;
    }
    return { t, pri: t.pri };
  }
  const t = byAddr.get(c.thread);
  const pri = t?.pri ?? c.pri;
  return t === undefined || pri === null ? null : { t, pri };
}

/** The simulator's class for a dumped thread: its own if shown, else by priority band. FSS, FX and IA
 * threads are simulated as TS (same 0-59 band; their own tables are not modelled). */
function classOf(t: Thread | null, pri: number): 'TS' | 'SYS' | 'SDC' | null {
  const cls = t?.cls ?? null;
  if (cls === 'SDC') return 'SDC';
  if (cls === 'SYS') return pri >= MINCLSYSPRI && pri <= MAXCLSYSPRI ? 'SYS' : null;
  if (cls !== null && ['TS', 'IA', 'FSS', 'FX'].includes(cls)) return pri <= TS_MAXUMDPRI ? 'TS' : null;
  if (pri < 0 || pri > MAXCLSYSPRI) return null;
  return pri < MINCLSYSPRI ? 'TS' : 'SYS';
}

function procName(t: Thread | null, fallback: string | null): string {
  return t?.proc ?? fallback ?? 'sched';
}

function onCpuThread(t: Thread, pri: number, cpu: number, stuck: boolean, hz: number, notes: string[], id: number): ThreadDef {
  const cls = classOf(t, pri) ?? (pri < MINCLSYSPRI ? 'TS' : 'SYS');
  const def: ThreadDef = { name: t.addr as string, addr: t.addr as string, proc: procName(t, null), class: cls, pri: clampPri(cls, pri), start: { onCpu: cpu }, program: [] };
  if (t.cldata !== null) def.cldata = t.cldata;
  if (cls === 'TS') {
    if (t.tsTimeleft !== null) def.tsTimeleft = t.tsTimeleft;
    else if (stuck) def.tsTimeleft = 0;
    if (t.tsDispwait !== null) def.tsDispwait = t.tsDispwait;
  }
  if (stuck) {
    def.program = [{ kernel: 'forever' }];
    notes.push(`cpu ${id}: ${t.addr} taken to run in the kernel without end (SWITCH of ${hz}+ ticks with higher-priority work queued)`);
  } else {
    def.program = cls === 'TS' ? [{ user: [1, 10] }, { kernel: [0, 2] }, { sleep: [5, 50] }] : [{ kernel: [0, 2] }, { sleep: [5, 50] }];
    notes.push(`cpu ${id}: ${t.addr} given a generic ${cls} behaviour (short bursts and sleeps)`);
  }
  return def;
}

function queuedThread(addr: string, pri: number, proc: string, t: Thread | null, cpu: number, id: number, notes: string[]): ThreadDef | null {
  const cls = classOf(t, pri);
  if (cls === null) {
    notes.push(`${addr} (pri ${pri}) on cpu ${id}: no class fits that priority; left out`);
    return null;
  }
  const program: StepDef[] = cls === 'TS' ? [{ user: [1, 5] }, { sleep: [50, 200] }] : [{ kernel: [0, 1] }, { wait: true }];
  const def: ThreadDef = { name: addr, addr, proc: procName(t, proc), class: cls, pri: clampPri(cls, pri), start: { queuedOn: cpu }, program };
  if (t?.cldata) def.cldata = t.cldata;
  if (cls === 'TS' && t?.tsTimeleft !== null && t?.tsTimeleft !== undefined) def.tsTimeleft = t.tsTimeleft;
  const bound = boundCpuOf(t, cpu);
  if (bound !== null) {
    def.bound = bound;
    notes.push(`${addr} on cpu ${id}: bound there (${t?.boundCpu !== null && t?.boundCpu !== undefined && t.boundCpu >= 0 ? 't_bind_cpu' : 'a per-CPU network worker, bound by default'})`);
  }
  return def;
}

function boundCpuOf(t: Thread | null, cpu: number): number | null {
  if (t === null) return null;
  if (t.boundCpu !== null && t.boundCpu >= 0) return cpu;
  const funcs = (t.stack ?? []).map((f) => f.func);
  const desc = t.desc ?? '';
  return BOUND_WORKERS.some((w) => funcs.includes(w) || desc.startsWith(w)) ? cpu : null;
}

function clampPri(cls: 'TS' | 'SYS' | 'SDC', pri: number): number | undefined {
  if (cls === 'SDC') return undefined;
  return cls === 'TS' ? Math.max(0, Math.min(TS_MAXUMDPRI, pri)) : Math.max(MINCLSYSPRI, Math.min(MAXCLSYSPRI, pri));
}

function widthOf(snap: DispatcherSnapshot): 8 | 11 | 16 {
  let w = 0;
  for (const c of snap.cpus) for (const a of [c.addr, c.thread]) if (a !== null) w = Math.max(w, a.length);
  return w > 11 ? 16 : w > 8 ? 11 : 8;
}
