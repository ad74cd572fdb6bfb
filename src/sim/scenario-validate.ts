// Checks a scenario read from JSON before anything trusts it; every problem is reported with its
// path (`threads[2].program[0].steps[1]`), never thrown.
import { CPU_OFFLINE } from '../../illumos/index.ts';
import type { ScenarioFile } from './scenario-types.ts';

type Obj = Record<string, unknown>;

export function validateScenario(x: unknown): { ok: true; scenario: ScenarioFile } | { ok: false; errors: string[] } {
  const e: string[] = [];
  if (!isObj(x)) return { ok: false, errors: ['scenario: expected an object'] };
  str(x, 'name', 'scenario', e);
  if (x.description !== undefined && typeof x.description !== 'string') e.push('scenario.description: expected a string');
  const ncpus = typeof x.cpus === 'number' ? x.cpus : Array.isArray(x.cpus) ? x.cpus.length : -1;
  if (!Number.isInteger(ncpus) || ncpus < 1 || ncpus > 1024) e.push('scenario.cpus: expected 1..1024 CPUs (a count or a list)');
  if (x.addrWidth !== undefined && x.addrWidth !== 8 && x.addrWidth !== 11 && x.addrWidth !== 16) e.push('scenario.addrWidth: 8, 11 or 16');
  if (x.params !== undefined && !isObj(x.params)) e.push('scenario.params: expected an object');
  const names = new Set<string>();
  if (!Array.isArray(x.threads) || x.threads.length === 0) e.push('scenario.threads: expected a non-empty list');
  else x.threads.forEach((t, i) => thread(t, `threads[${i}]`, ncpus, names, e));
  const known = (n: string): boolean => names.has(n);
  if (Array.isArray(x.threads)) {
    x.threads.forEach((t, i) => {
      if (isObj(t)) forSteps(t.program, (st, p) => {
        if (isObj(st) && Array.isArray(st.wake)) for (const w of st.wake) if (typeof w !== 'string' || !known(w)) e.push(`threads[${i}].${p}.wake: unknown thread ${String(w)}`);
      });
    });
  }
  if (Array.isArray(x.threads)) lockKinds(x.threads, e);
  if (Array.isArray(x.cpus) && Array.isArray(x.threads)) offline(x.cpus, x.threads, e);
  if (x.interrupts !== undefined) {
    if (!Array.isArray(x.interrupts)) e.push('scenario.interrupts: expected a list');
    else x.interrupts.forEach((it, i) => intr(it, `interrupts[${i}]`, ncpus, known, e));
  }
  if (x.dump !== undefined) {
    const d = x.dump;
    if (!isObj(d)) e.push('scenario.dump: expected an object');
    else {
      intIn(d, 'cpu', 0, ncpus - 1, 'dump', e);
      intIn(d, 'pil', 1, 10, 'dump', e);
      wakes(d.wakes, 'dump.wakes', known, e);
    }
  }
  return e.length === 0 ? { ok: true, scenario: x as unknown as ScenarioFile } : { ok: false, errors: e };
}

function thread(t: unknown, p: string, ncpus: number, names: Set<string>, e: string[]): void {
  if (!isObj(t)) {
    e.push(`${p}: expected an object`);
    return;
  }
  if (typeof t.name !== 'string' || t.name === '') e.push(`${p}.name: expected a name`);
  else if (names.has(t.name)) e.push(`${p}.name: duplicate '${t.name}'`);
  else names.add(t.name);
  if (t.class !== 'TS' && t.class !== 'SYS' && t.class !== 'SDC') e.push(`${p}.class: TS, SYS or SDC`);
  if (t.count !== undefined) intIn(t, 'count', 1, 100000, p, e);
  if (t.pri !== undefined) {
    if (t.class === 'SYS') intIn(t, 'pri', 60, 99, p, e);
    else intIn(t, 'pri', 0, 59, p, e);
  }
  if (t.upri !== undefined) intIn(t, 'upri', -60, 60, p, e);
  if (t.dutyCycle !== undefined) intIn(t, 'dutyCycle', 1, 100, p, e);
  if (t.bound !== undefined) intIn(t, 'bound', 0, ncpus - 1, p, e);
  if (t.cpu !== undefined) intIn(t, 'cpu', 0, ncpus - 1, p, e);
  if (t.addr !== undefined && (typeof t.addr !== 'string' || !/^[0-9a-f]{1,16}$/.test(t.addr))) e.push(`${p}.addr: lower-case hex without 0x`);
  const st = t.start;
  const okStart =
    st === undefined || st === 'run' || st === 'wait' ||
    (isObj(st) && Object.keys(st).length === 1 &&
      ((Number.isInteger(st.sleep) && (st.sleep as number) >= 0) ||
        (Number.isInteger(st.onCpu) && (st.onCpu as number) >= 0 && (st.onCpu as number) < ncpus) ||
        (Number.isInteger(st.queuedOn) && (st.queuedOn as number) >= 0 && (st.queuedOn as number) < ncpus)));
  if (!okStart) e.push(`${p}.start: 'run', 'wait', {sleep: ticks}, {onCpu: cpu} or {queuedOn: cpu}`);
  if (t.tsTimeleft !== undefined && !Number.isInteger(t.tsTimeleft)) e.push(`${p}.tsTimeleft: an integer`);
  if (t.tsDispwait !== undefined && !Number.isInteger(t.tsDispwait)) e.push(`${p}.tsDispwait: an integer`);
  if (!Array.isArray(t.program) || t.program.length === 0) {
    e.push(`${p}.program: expected a non-empty list`);
    return;
  }
  let spends = false;
  forSteps(t.program, (st, sp) => {
    const r = step(st, `${p}.${sp}`, e);
    if (r) spends = true;
  });
  if (!spends) e.push(`${p}.program: every step takes zero time (add a sleep, a wait or a non-zero length)`);
}

/** Calls `f` for each step with its path; accepts a list of phases or a bare list of steps. */
function forSteps(program: unknown, f: (st: unknown, path: string) => void): void {
  if (!Array.isArray(program)) return;
  const phased = program.length > 0 && isObj(program[0]) && Array.isArray((program[0] as Obj).steps);
  if (!phased) {
    program.forEach((st, i) => f(st, `program[${i}]`));
    return;
  }
  program.forEach((ph, i) => {
    if (isObj(ph) && Array.isArray(ph.steps)) ph.steps.forEach((st, j) => f(st, `program[${i}].steps[${j}]`));
  });
}

/**
 * A lock is a mutex (lock/unlock) or an rwlock (read/write/rwExit), never both; a release needs an
 * acquire of the same lock earlier in the thread's program (mutex_exit of a mutex not held panics).
 */
function lockKinds(threads: unknown[], e: string[]): void {
  const kind = new Map<string, string>();
  threads.forEach((t, i) => {
    if (!isObj(t)) return;
    const held = new Map<string, number>();
    forSteps(t.program, (st, p) => {
      if (!isObj(st)) return;
      for (const k of ['lock', 'read', 'write'] as const) if (typeof st[k] === 'string') held.set(st[k], (held.get(st[k]) ?? 0) + 1);
      for (const k of ['unlock', 'rwExit'] as const) {
        const name = st[k];
        if (typeof name !== 'string') continue;
        const n = held.get(name) ?? 0;
        if (n === 0) e.push(`threads[${i}].${p}.${k}: '${name}' is not taken earlier in this program`);
        else held.set(name, n - 1);
      }
      for (const [k, want] of [['lock', 'mutex'], ['unlock', 'mutex'], ['read', 'rwlock'], ['write', 'rwlock'], ['rwExit', 'rwlock']] as const) {
        const name = st[k];
        if (typeof name !== 'string') continue;
        const had = kind.get(name);
        if (had !== undefined && had !== want) e.push(`threads[${i}].${p}.${k}: '${name}' is used as a ${had} elsewhere`);
        else kind.set(name, want);
      }
    });
  });
}

/** Checks one step; returns true if it can take time. */
function step(st: unknown, p: string, e: string[]): boolean {
  if (!isObj(st)) {
    e.push(`${p}: expected a step object`);
    return false;
  }
  const keys = Object.keys(st).filter((k) => k !== 'preempt' && k !== 'at');
  if (keys.length !== 1) {
    e.push(`${p}: exactly one of user, kernel, sleep, wait, wake, lock, unlock, read, write, rwExit`);
    return false;
  }
  const k = keys[0] as string;
  const v = st[k];
  switch (k) {
    case 'user':
      return len(v, `${p}.user`, e);
    case 'kernel':
      if (st.preempt !== undefined && typeof st.preempt !== 'boolean') e.push(`${p}.preempt: true or false`);
      return v === 'forever' || len(v, `${p}.kernel`, e);
    case 'sleep':
      if (v !== 'forever') len(v, `${p}.sleep`, e);
      return true; // a sleep always lasts at least a tick
    case 'wait':
      if (v !== true) e.push(`${p}.wait: true`);
      return true;
    case 'wake':
      if (!Array.isArray(v)) e.push(`${p}.wake: a list of thread names`);
      return false;
    case 'lock':
    case 'unlock':
    case 'read':
    case 'write':
    case 'rwExit':
      if (typeof v !== 'string' || v === '') e.push(`${p}.${k}: a lock name`);
      if (st.at !== undefined && (!Array.isArray(st.at) || st.at.some((f) => typeof f !== 'string'))) e.push(`${p}.at: a list of frames`);
      return false;
    default:
      e.push(`${p}: unknown step '${k}'`);
      return false;
  }
}

/** Checks a length; returns true if it can be non-zero. */
function len(v: unknown, p: string, e: string[]): boolean {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0) e.push(`${p}: a whole number of ticks >= 0`);
    return v > 0;
  }
  if (Array.isArray(v) && v.length === 2 && v.every((n) => Number.isInteger(n) && (n as number) >= 0) && (v[0] as number) <= (v[1] as number)) {
    return (v[1] as number) > 0;
  }
  e.push(`${p}: ticks, or [lo, hi] with 0 <= lo <= hi`);
  return false;
}

function intr(it: unknown, p: string, ncpus: number, known: (n: string) => boolean, e: string[]): void {
  if (!isObj(it)) {
    e.push(`${p}: expected an object`);
    return;
  }
  intIn(it, 'cpu', 0, ncpus - 1, p, e);
  intIn(it, 'pil', 1, 10, p, e);
  if (!len(it.every, `${p}.every`, e)) e.push(`${p}.every: must allow a non-zero gap`);
  if (it.service !== undefined) intIn(it, 'service', 0, Number.MAX_SAFE_INTEGER, p, e);
  if (it.start !== undefined) intIn(it, 'start', 0, Number.MAX_SAFE_INTEGER, p, e);
  wakes(it.wakes, `${p}.wakes`, known, e);
  if (it.wakeOne !== undefined && typeof it.wakeOne !== 'boolean') e.push(`${p}.wakeOne: true or false`);
}

function wakes(w: unknown, p: string, known: (n: string) => boolean, e: string[]): void {
  if (w === undefined) return;
  if (!Array.isArray(w)) {
    e.push(`${p}: a list of thread names`);
    return;
  }
  for (const n of w) if (typeof n !== 'string' || !known(n)) e.push(`${p}: unknown thread ${String(n)}`);
}

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function str(o: Obj, k: string, p: string, e: string[]): void {
  if (typeof o[k] !== 'string' || o[k] === '') e.push(`${p}.${k}: expected a string`);
}

function intIn(o: Obj, k: string, lo: number, hi: number, p: string, e: string[]): void {
  const v = o[k];
  if (!Number.isInteger(v) || (v as number) < lo || (v as number) > hi) e.push(`${p}.${k}: expected an integer in ${lo}..${hi}`);
}

/** An OFFLINE CPU (cpu_flags 0x20) runs only its idle thread: nothing may be bound or placed there. */
function offline(cpus: unknown[], threads: unknown[], e: string[]): void {
  const off = new Set<number>();
  cpus.forEach((c, i) => {
    if (isObj(c) && typeof c.flags === 'number' && (c.flags & CPU_OFFLINE) !== 0) off.add(i);
  });
  if (off.size === 0) return;
  if (off.size === cpus.length) e.push('scenario.cpus: every CPU is OFFLINE');
  threads.forEach((t, i) => {
    if (!isObj(t)) return;
    const st = isObj(t.start) ? t.start : {};
    for (const [k, v] of [['bound', t.bound], ['cpu', t.cpu], ['start.onCpu', st.onCpu], ['start.queuedOn', st.queuedOn]] as const) {
      if (typeof v === 'number' && off.has(v)) e.push(`threads[${i}].${k}: cpu ${v} is OFFLINE`);
    }
  });
}
