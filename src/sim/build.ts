// Building the initial state from a validated scenario: CPUs with their dispatch queues and idle
// threads, the scenario's threads with class data and compiled programs, interrupt threads for
// every PIL a source or the dump uses, and the first events. At lbolt 0 the runnable threads are
// queued (setbackdq) and idle CPUs pick them up.
import { MAXCOMLEN } from '../../illumos/index.ts';
import { AddrAlloc } from './addresses.ts';
import { sdcEnter } from './classes/sdc.ts';
import { tsEnter } from './classes/ts.ts';
import { DispQ, dqInsert } from './dispq.ts';
import { parseDuration } from './duration.ts';
import { settleAll } from './engine.ts';
import { cpuResched, setbackdq } from './enqueue.ts';
import { EV_INTR, EV_SDC, EV_UPDATE, EV_WAKE } from './events.ts';
import { convFrames, makeStackShape, startFunction } from './frames.ts';
import { SimLock, type LockKind } from './locks.ts';
import { EventHeap, PHASE_A, PHASE_C, PHASE_D } from './heap.ts';
import { makeParams, queueLevels, type ParamInput } from './params.ts';
import { Rng } from './rng.ts';
import type { CpuDef, Len, PhaseDef, ScenarioFile, StepDef, ThreadDef } from './scenario-types.ts';
import { defaultTsTable } from './ts-table.ts';
import {
  CLS_SDC, CLS_SYS, CLS_TS, KIND_IDLE, KIND_INTR, KIND_NORMAL, KPQ, OP_KERNEL, OP_LOCK, OP_READ, OP_RWEXIT, OP_SLEEP, OP_UNLOCK, OP_USER, OP_WAIT, OP_WAKE, OP_WRITE,
  Phase, SimCpu, SimOptions, SimState, SimThread, SourceSpec, Step, TS_FREE, TS_ONPROC, TS_SLEEP,
} from './types.ts';

export interface BuildOptions {
  seed: number;
  /** Overrides of the scenario's parameters (tunables from the command line). */
  params?: ParamInput;
  fastForward?: boolean;
  debug?: boolean;
}

export type BuildResult = { ok: true; state: SimState } | { ok: false; errors: string[] };

export function buildState(scn: ScenarioFile, opts: BuildOptions): BuildResult {
  const errors: string[] = [];
  const params = makeParams({ ...(scn.params ?? {}), ...(opts.params ?? {}) });
  const width = scn.addrWidth ?? 16;
  const alloc = new AddrAlloc(width);
  const npri = queueLevels(params);
  const counts = { unbound: 0, stealList: [] };
  const simOpts: SimOptions = { fastForward: opts.fastForward ?? true, debug: opts.debug ?? false };
  const s: SimState = {
    params,
    opts: simOpts,
    ts: defaultTsTable(),
    rng: new Rng(opts.seed),
    heap: new EventHeap(),
    lbolt: 0,
    curPhase: PHASE_D,
    curCpu: -1,
    cpus: [],
    threads: [],
    kpq: new DispQ(KPQ, npri, counts),
    sources: [],
    dump: null,
    dumped: false,
    idleCount: 0,
    addrWidth: width,
    scenario: scn.name,
    seed: opts.seed,
    stats: { events: 0, sdcUpdates: 0, stealVisits: 0, plans: 0 },
    onSample: null,
    tsThreads: [],
    sdcThreads: [],
    touchedList: [],
    touchedN: 0,
    dirtyList: [],
    dirtyN: 0,
    kpqWatch: [],
    kpqPlannedHot: false,
    locks: [],
    lockPanic: null,
    expectedWaits: [],
  };

  // Shared objects and locks (only scenarios that name them allocate addresses for them, so the
  // addresses of every other scenario stay as they were).
  const shared = new Map<string, string>();
  const lockByName = new Map<string, SimLock>();
  for (const [name, o] of Object.entries(scn.objects ?? {})) shared.set(name, o.addr ?? alloc.object());
  for (const [name, kind] of lockUses(scn)) {
    const addr = shared.get(name) ?? alloc.object();
    shared.set(name, addr);
    const l = new SimLock(s.locks.length, name, addr, kind);
    s.locks.push(l);
    lockByName.set(name, l);
  }

  // Scenario threads first, so thread ids follow the file.
  const byName = new Map<string, number[]>();
  const defs: [ThreadDef, SimThread][] = [];
  const ncpus = typeof scn.cpus === 'number' ? scn.cpus : scn.cpus.length;
  for (const def of scn.threads) {
    const n = def.count ?? 1;
    for (let k = 0; k < n; k++) {
      const t = makeThread(s, def, n === 1 ? def.name : `${def.name}#${k + 1}`, alloc, ncpus, errors, shared);
      const ids = byName.get(def.name) ?? [];
      ids.push(t.id);
      byName.set(def.name, ids);
      defs.push([def, t]);
    }
  }
  const resolve = (names: readonly string[] | undefined): number[] => (names ?? []).flatMap((n) => byName.get(n) ?? []);
  const steps: StepContext = { lockByName, shared, alloc };
  for (const [def, t] of defs) t.phases = compileProgram(def.program, resolve, params.hz, errors, def.name, steps);
  if (s.locks.length > 0) for (const [, t] of defs) t.tsAddr = alloc.object(); // each thread's own turnstile (t_ts)
  for (const w of scn.expectedWaits ?? []) {
    s.expectedWaits.push({
      kind: w.kind,
      threads: w.threads.flatMap((n) => (byName.get(n) ?? []).map((id) => (s.threads[id] as SimThread).addr)),
      objects: w.objects.map((o) => shared.get(o.startsWith('$') ? o.slice(1) : o) ?? o),
    });
  }

  // CPUs and their idle threads.
  for (let i = 0; i < ncpus; i++) {
    const cdef = typeof scn.cpus === 'number' ? undefined : scn.cpus[i];
    const [kaddr, ktop] = alloc.kthread();
    const idle = new SimThread(s.threads.length, cdef?.idleThread ?? kaddr, `idle${i}`, 'sched', CLS_SYS, KIND_IDLE, -1, false);
    idle.stackBase = ktop;
    idle.state = TS_ONPROC;
    idle.cpu = i;
    idle.boundCpu = i;
    idle.dispQueue = i;
    s.threads.push(idle);
    const cpu = new SimCpu(i, cdef?.addr ?? alloc.cpu(i), new DispQ(i, npri, counts), idle);
    s.cpus.push(cpu);
    s.idleCount++;
  }

  // Interrupt threads and sources.
  const pils = new Set<string>();
  for (const it of scn.interrupts ?? []) pils.add(`${it.cpu}:${it.pil}`);
  if (scn.dump !== undefined) pils.add(`${scn.dump.cpu}:${scn.dump.pil}`);
  for (const key of [...pils].sort()) {
    const [c, p] = key.split(':').map(Number) as [number, number];
    const [gaddr, top] = alloc.kthread();
    const cdef = typeof scn.cpus === 'number' ? undefined : scn.cpus[c];
    const addr = cdef?.intrThreads?.[String(p)] ?? gaddr;
    const it = new SimThread(s.threads.length, addr, `intr${c}.${p}`, 'sched', CLS_SYS, KIND_INTR, params.intrPri + p, false);
    it.state = TS_FREE;
    it.pil = p;
    it.boundCpu = c;
    it.cpu = c;
    it.stackBase = top;
    s.threads.push(it);
    (s.cpus[c] as SimCpu).intrPool[p] = it;
  }
  for (const it of scn.interrupts ?? []) {
    const [lo, hi] = lenRange(it.every);
    const src: SourceSpec = {
      cpu: it.cpu,
      pil: it.pil,
      everyLo: lo,
      everyHi: hi,
      start: it.start ?? 1,
      service: it.service ?? 0,
      wakes: resolve(it.wakes),
      wakeOne: it.wakeOne ?? false,
      next: 0,
    };
    s.sources.push(src);
  }
  if (scn.dump !== undefined) {
    s.dump = { cpu: scn.dump.cpu, pil: scn.dump.pil, wakes: resolve(scn.dump.wakes), quiesceOthers: scn.dump.quiesceOthers ?? true };
  }
  if (errors.length > 0) return { ok: false, errors };

  // lbolt 0: threads placed exactly first (as a dump showed them), then the runnable through the
  // usual placement, the rest asleep; then idle CPUs pick up work.
  if (typeof scn.cpus !== 'number') scn.cpus.forEach((cdef, i) => applyCpuState(s.cpus[i] as SimCpu, cdef));
  for (const [def, t] of defs) {
    const start = def.start ?? 'run';
    if (typeof start === 'object' && 'onCpu' in start) {
      if (!putOnCpu(s, s.cpus[start.onCpu] as SimCpu, t)) return { ok: false, errors: [`cpu ${start.onCpu}: more than one thread starts on it`] };
    }
    else if (typeof start === 'object' && 'queuedOn' in start) {
      const c = s.cpus[start.queuedOn] as SimCpu;
      t.cpu = c.id;
      t.waitrq = 0;
      dqInsert(c.disp, t, t.pri, false);
    }
  }
  // Threads found queued were put there under the tunables being simulated: the preemption
  // request their enqueue would have made (cpu_resched for the queue's best) is made now.
  const seededQueues = new Set(defs.flatMap(([d]) => (typeof d.start === 'object' && 'queuedOn' in d.start ? [d.start.queuedOn] : [])));
  for (const i of [...seededQueues].sort((a, b) => a - b)) {
    const c = s.cpus[i] as SimCpu;
    if (c.disp.maxrunpri >= 0) cpuResched(s, c, c.disp.maxrunpri);
  }
  for (const [def, t] of defs) {
    const start = def.start ?? 'run';
    if (start === 'run') setbackdq(s, t, false);
    else if (start === 'wait' || 'sleep' in start) {
      t.state = TS_SLEEP;
      t.waitingEvent = start === 'wait';
      if (start !== 'wait') s.heap.push(Math.max(1, start.sleep), PHASE_A, 1, EV_WAKE, t.id, t.wakeGen);
    }
  }
  settleAll(s);
  s.heap.push(params.hz, PHASE_C, 0, EV_UPDATE, 0, 0);
  if (s.sdcThreads.length > 0) s.heap.push(params.sdcUpdateTicks, PHASE_C, 1, EV_SDC, 0, 0);
  s.sources.forEach((src, i) => s.heap.push(Math.max(1, src.start), PHASE_A, 1, EV_INTR, i, 0));
  return { ok: true, state: s };
}

function applyCpuState(c: SimCpu, def: CpuDef): void {
  if (def.flags !== undefined) c.flags = def.flags;
  if (def.runrun !== undefined) c.runrun = def.runrun;
  if (def.kprunrun !== undefined) c.kprunrun = def.kprunrun;
  // cpu_last_swtch from SWITCH = lbolt - cpu_last_swtch, with the run starting at lbolt 0.
  if (def.switchTicks !== undefined) c.lastSwtch = -def.switchTicks;
}

/** A thread found running on a CPU: it is the CPU's dispatched thread from the start. */
function putOnCpu(s: SimState, c: SimCpu, t: SimThread): boolean {
  if (c.dispthread.kind !== KIND_IDLE) return false;
  t.state = TS_ONPROC;
  t.cpu = c.id;
  t.dispQueue = c.id;
  c.thread = t;
  c.dispthread = t;
  c.dispatchPri = t.pri;
  t.lastDispatch = 0; // on the CPU from the start of the run
  s.idleCount--;
  return true;
}

function makeThread(s: SimState, def: ThreadDef, name: string, alloc: AddrAlloc, ncpus: number, errors: string[], shared: ReadonlyMap<string, string>): SimThread {
  const cls = def.class === 'TS' ? CLS_TS : def.class === 'SDC' ? CLS_SDC : CLS_SYS;
  const kernelThread = def.proc === undefined || def.proc === 'sched';
  const [gaddr, top] = kernelThread ? alloc.kthread() : alloc.uthread();
  const addr = def.addr !== undefined && def.count === undefined ? def.addr : gaddr;
  const lwp = def.lwp ?? cls !== CLS_SYS;
  const t = new SimThread(s.threads.length, addr, name, def.proc ?? 'sched', cls, KIND_NORMAL, 0, lwp);
  t.stackBase = def.addr !== undefined && kernelThread ? BigInt('0x' + def.addr) : top;
  t.boundCpu = def.bound ?? -1;
  t.cpu = def.cpu ?? def.bound ?? s.threads.length % ncpus;
  if (cls === CLS_TS) {
    tsEnter(s, t, def.pri ?? 29, def.upri ?? 0);
    if (def.tsTimeleft !== undefined) t.tsTimeleft = def.tsTimeleft;
    if (def.tsDispwait !== undefined) t.tsDispwait = def.tsDispwait;
    t.cldata = def.cldata !== undefined && def.count === undefined ? def.cldata : alloc.cldata();
    s.tsThreads.push(t);
  } else if (cls === CLS_SDC) {
    sdcEnter(s, t, def.dutyCycle ?? 80);
    s.sdcThreads.push(t);
  } else t.pri = def.pri ?? 60;
  const st = makeStackShape(def.stack, kernelThread, alloc, shared);
  for (const e of st.errors) errors.push(`thread ${name}: ${e}`);
  t.stack = st.shape;
  t.desc = def.desc ?? (kernelThread ? `${startFunction(st.shape) ?? 'thread_start'}()` : `${def.proc?.slice(0, MAXCOMLEN)}/${t.id + 1}`);
  s.threads.push(t);
  return t;
}

function lenRange(l: Len | 'forever'): [number, number] {
  if (l === 'forever') return [Infinity, Infinity];
  return typeof l === 'number' ? [l, l] : [l[0], l[1]];
}

/** Locks named by lock steps, in order of first use, with their kind (validation keeps it unique). */
function lockUses(scn: ScenarioFile): Map<string, LockKind> {
  const out = new Map<string, LockKind>();
  for (const def of scn.threads) {
    const phased = def.program.length > 0 && 'steps' in (def.program[0] as object);
    const list = phased ? (def.program as PhaseDef[]).flatMap((p) => p.steps) : (def.program as StepDef[]);
    for (const st of list) {
      const name = 'lock' in st ? st.lock : 'unlock' in st ? st.unlock : 'read' in st ? st.read : 'write' in st ? st.write : 'rwExit' in st ? st.rwExit : null;
      if (name !== null && !out.has(name)) out.set(name, 'lock' in st || 'unlock' in st ? 'mutex' : 'rwlock');
    }
  }
  return out;
}

interface StepContext {
  lockByName: ReadonlyMap<string, SimLock>;
  shared: ReadonlyMap<string, string>;
  alloc: AddrAlloc;
}

function compileProgram(
  prog: PhaseDef[] | StepDef[],
  resolve: (names: readonly string[]) => number[],
  hz: number,
  errors: string[],
  who: string,
  ctx: StepContext,
): Phase[] {
  const phased = prog.length > 0 && 'steps' in (prog[0] as object);
  const phases: PhaseDef[] = phased ? (prog as PhaseDef[]) : [{ steps: prog as StepDef[] }];
  return phases.map((ph) => {
    let until = Infinity;
    if (typeof ph.until === 'number') until = ph.until;
    else if (typeof ph.until === 'string') {
      const d = parseDuration(ph.until, hz);
      if (d.ok) until = d.ticks;
      else errors.push(`thread ${who}: ${d.message}`);
    }
    return { until, steps: ph.steps.map((st) => compileStep(st, resolve, ctx, errors, who)) };
  });
}

function compileStep(st: StepDef, resolve: (names: readonly string[]) => number[], ctx: StepContext, errors: string[], who: string): Step {
  const lockStep = (op: number, name: string, at: string[] | undefined): Step => {
    const l = ctx.lockByName.get(name) as SimLock;
    const errs: string[] = [];
    const frames = convFrames(at ?? [], ctx.alloc, new Map(), ctx.shared, errs);
    for (const e of errs) errors.push(`thread ${who}: ${e}`);
    return { op, lo: 0, hi: 0, preempt: true, targets: [], lock: l.id, at: frames };
  };
  if ('lock' in st) return lockStep(OP_LOCK, st.lock, st.at);
  if ('unlock' in st) return lockStep(OP_UNLOCK, st.unlock, undefined);
  if ('read' in st) return lockStep(OP_READ, st.read, st.at);
  if ('write' in st) return lockStep(OP_WRITE, st.write, st.at);
  if ('rwExit' in st) return lockStep(OP_RWEXIT, st.rwExit, undefined);
  if ('user' in st) {
    const [lo, hi] = lenRange(st.user);
    return { op: OP_USER, lo, hi, preempt: true, targets: [] };
  }
  if ('kernel' in st) {
    const [lo, hi] = lenRange(st.kernel);
    return { op: OP_KERNEL, lo, hi, preempt: st.preempt ?? true, targets: [] };
  }
  if ('sleep' in st) {
    const [lo, hi] = lenRange(st.sleep);
    return { op: OP_SLEEP, lo, hi, preempt: true, targets: [] };
  }
  if ('wait' in st) return { op: OP_WAIT, lo: 0, hi: 0, preempt: true, targets: [] };
  return { op: OP_WAKE, lo: 0, hi: 0, preempt: true, targets: resolve(st.wake) };
}
