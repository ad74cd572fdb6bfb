// The cross-check behind `playfair sim --check`. For one seed: generate a random workload, run it
// with invariants checked after every event, run it again stepping every tick and require the same
// end state (fast-forward is exact), then render the end state as an mdb session, parse it back
// with the real pipeline (analyzeText) and compare what the parser read with the simulator's own
// state, field by field. The first difference is reported.
import { analyzeText } from '../analyze.ts';
import type { DispatcherSnapshot, StackFrame, Thread } from '../model/snapshot.ts';
import { toAddr } from '../../illumos/index.ts';
import { threadStack } from './frames.ts';
import { randomWorkload } from './random-workload.ts';
import { runScenario } from './run.ts';
import { comm, cpuSnapshot, toSnapshot } from './snapshot.ts';
import { blockedThreads, emitTranscript, queuedThreads, runningTsThreads } from './transcript.ts';
import type { MdbRecord } from '../../grammar/records.ts';
import { KPQ, SimState } from './types.ts';

export interface CheckMismatch {
  seed: number;
  /** roundtrip: parsed text differs from the state; exactness: fast-forward differs from tick by tick; invariant/error: the run failed. */
  kind: 'roundtrip' | 'exactness' | 'invariant' | 'error';
  field: string;
  expected: string;
  actual: string;
}

export function checkSeed(seed: number): CheckMismatch | null {
  const w = randomWorkload(seed);
  const fail = (kind: CheckMismatch['kind'], field: string, expected = '', actual = ''): CheckMismatch => ({ seed, kind, field, expected, actual });
  let fast: SimState;
  let slow: SimState;
  try {
    const a = runScenario(w.scenario, { seed, ticks: w.ticks, debug: true });
    if (!a.ok) return fail('error', 'scenario', '', a.errors.join('; '));
    fast = a.state;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return fail(msg.startsWith('invariant') ? 'invariant' : 'error', 'run', '', msg);
  }
  try {
    const b = runScenario(w.scenario, { seed, ticks: w.ticks, fastForward: false });
    if (!b.ok) return fail('error', 'scenario', '', b.errors.join('; '));
    slow = b.state;
  } catch (e) {
    return fail('invariant', 'tick-by-tick run', '', e instanceof Error ? e.message : String(e));
  }
  const ex = firstDifference(fingerprint(slow), fingerprint(fast), 'state');
  if (ex !== null) return fail('exactness', ex.path, ex.a, ex.b);

  const mdb = w.scenario.mdb ?? {};
  const text = emitTranscript(fast, ['cpuinfo-v', 'findstack-v', 'print', 'tunables', 'mutex'], {
    autowrap: mdb.autowrap ?? null,
    withDesc: mdb.withDesc ?? false,
    maxStacks: Infinity,
  });
  const parsed = analyzeText(text, { source: `sim-check-${seed}` });
  if (parsed.diagnostics.length > 0) {
    const d = parsed.diagnostics[0]!;
    return fail('roundtrip', `parse of line ${d.line}`, 'no diagnostics', `${d.message}: ${JSON.stringify(parsed.lines[d.line - 1] ?? '')}`);
  }
  if (parsed.accounting.unrecognized > 0) return fail('roundtrip', 'accounting.unrecognized', '0', String(parsed.accounting.unrecognized));
  const d = firstDifference(expectedView(fast, mdb.withDesc ?? false), parsedView(fast, parsed.snapshot), 'snapshot');
  if (d !== null) return fail('roundtrip', d.path, d.a, d.b);
  const m = firstDifference(expectedMutexes(fast), parsedMutexes(parsed.records), 'mutexes');
  return m === null ? null : fail('roundtrip', m.path, m.a, m.b);
}

/** Each simulated mutex as `::mutex` shows it: address, owner, waiters. */
function expectedMutexes(s: SimState): unknown {
  return s.locks.filter((l) => l.kind === 'mutex').map((l) => [A(l.addr), l.owner === null ? null : A(l.owner.addr), l.waiters > 0]);
}

function parsedMutexes(records: readonly MdbRecord[]): unknown {
  return records.flatMap((r) => (r.kind === 'mutex' ? [[A(r.addr), r.owner === null ? null : A(r.owner), r.waiters]] : []));
}

/** Everything that must not depend on fast-forward: the snapshot plus per-thread counters. */
function fingerprint(s: SimState): unknown {
  return {
    lbolt: s.lbolt,
    snapshot: toSnapshot(s),
    threads: s.threads.map((t) => [t.name, t.state, t.pri, t.segLeft, t.runTicks, t.maxWait, t.dispatches, t.tsTimeleft, t.tsDispwait, t.tsFlags, t.tsCpupri, t.pending, t.firstOn, t.firstOff, t.mode, t.trapret, t.epri, t.blockedOn?.name ?? null, t.blockedSince]),
    locks: s.locks.map((l) => [l.owner?.name ?? null, l.readers.map((t) => t.name), l.queues.map((q) => q.map((t) => t.name))]),
    cpus: s.cpus.map((c) => [c.runrun, c.kprunrun, c.chosenLevel, c.lastSwtch, c.dispatchPri, c.disp.maxUnboundPri, c.disp.steal]),
  };
}

interface ThreadView {
  state: string | null;
  pri: number | null;
  proc: string | null;
  onCpu: number | null;
  queuedOn: number | null;
  desc: string | null;
  stack: unknown;
  tsTimeleft: number | null;
  cldata: string | null;
}

const A = (x: string | null): string | null => (x === null ? null : toAddr(x) ?? x);

function frameView(f: StackFrame): unknown {
  return [f.func, f.offset, f.args, A(f.fp), f.saved === true];
}

/** What the emitted text shows, taken from the simulator's state. */
function expectedView(s: SimState, withDesc: boolean): unknown {
  const threads: Record<string, Partial<ThreadView>> = {};
  for (const c of s.cpus) {
    const t = c.thread;
    threads[A(t.addr) as string] = { state: 'onproc', pri: t.pri, onCpu: c.id };
  }
  for (const t of queuedThreads(s)) {
    const kp = t.dispQueue === KPQ;
    const v: Partial<ThreadView> = kp ? {} : { state: 'run', pri: t.pri, proc: comm(t), queuedOn: t.dispQueue };
    v.desc = withDesc ? t.desc : null;
    v.stack = threadStack(t, 16).frames.map(frameView);
    threads[A(t.addr) as string] = v;
  }
  for (const t of blockedThreads(s)) {
    threads[A(t.addr) as string] = { desc: withDesc ? t.desc : null, stack: threadStack(t, 16).frames.map(frameView) };
  }
  for (const t of runningTsThreads(s)) {
    const v = threads[A(t.addr) as string] ?? {};
    v.tsTimeleft = t.tsTimeleft;
    v.cldata = A(t.cldata);
    threads[A(t.addr) as string] = v;
  }
  return {
    cpus: s.cpus.map((c) => cpuView(cpuSnapshot(s, c))),
    threads,
    tunables: { kpreemptpri: s.params.kpreemptpri, hz: s.params.hz },
  };
}

/** The same view read from the parsed snapshot (only the fields the expected view names). */
function parsedView(s: SimState, snap: DispatcherSnapshot): unknown {
  const byAddr = new Map<string, Thread>();
  for (const t of snap.threads) if (t.addr !== null) byAddr.set(t.addr, t);
  const exp = expectedView(s, false) as { threads: Record<string, Partial<ThreadView>> };
  const threads: Record<string, Partial<ThreadView>> = {};
  for (const [addr, want] of Object.entries(exp.threads)) {
    const t = byAddr.get(addr);
    const v: Partial<ThreadView> = {};
    for (const k of Object.keys(want) as (keyof ThreadView)[]) {
      if (t === undefined) (v as Record<string, unknown>)[k] = '(thread not in the parsed snapshot)';
      else if (k === 'stack') v.stack = t.stack === null ? null : t.stack.map(frameView);
      else (v as Record<string, unknown>)[k] = t[k];
    }
    threads[addr] = v;
  }
  return {
    cpus: [...snap.cpus].sort((a, b) => a.id - b.id).map(cpuView),
    threads,
    tunables: { kpreemptpri: snap.tunables['kpreemptpri'] ?? null, hz: snap.tunables['hz'] ?? null },
  };
}

function cpuView(c: DispatcherSnapshot['cpus'][number]): unknown {
  return {
    id: c.id,
    addr: A(c.addr),
    flags: c.flags,
    flagNames: c.flagNames,
    nrun: c.nrun,
    bspl: c.bspl,
    pri: c.pri,
    runrun: c.runrun,
    kprunrun: c.kprunrun,
    switchTicks: c.switchTicks,
    thread: A(c.thread),
    proc: c.proc,
    pil: c.pil.map((p) => [p.pil, A(p.thread)]),
    pinned: c.pinned === null ? null : [A(c.pinned.thread), c.pinned.proc],
    runq: (c.runq ?? []).map((q) => [q.pri, A(q.thread), q.proc]),
  };
}

/** Depth-first comparison; the path and both values of the first difference, or null. */
export function firstDifference(a: unknown, b: unknown, path: string): { path: string; a: string; b: string } | null {
  if (a === b) return null;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return { path: `${path}.length`, a: String(a.length), b: String(b.length) };
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`);
      if (d !== null) return d;
    }
    return null;
  }
  if (Number.isNaN(a) && Number.isNaN(b)) return null;
  return { path, a: JSON.stringify(a) ?? String(a), b: JSON.stringify(b) ?? String(b) };
}

export interface CheckReport {
  seeds: number;
  passed: number;
  mismatches: CheckMismatch[];
}

export function runCheck(first: number, count: number, onProgress?: (done: number) => void): CheckReport {
  const mismatches: CheckMismatch[] = [];
  for (let i = 0; i < count; i++) {
    const m = checkSeed(first + i);
    if (m !== null) mismatches.push(m);
    onProgress?.(i + 1);
  }
  return { seeds: count, passed: count - mismatches.length, mismatches };
}
