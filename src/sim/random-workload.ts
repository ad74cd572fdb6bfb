// Random workloads for the cross-check: a seed gives a scenario with 1-6 CPUs, a mix of TS, SYS
// and SDC threads (bound or not, user and kernel bursts, sleeps, waits, wake-ups, now and then a
// thread that never leaves the kernel), interrupt sources, sometimes a dump, and random tunables
// and debugger looks (address width, auto-wrap, thread descriptions).
import { Rng } from './rng.ts';
import type { IntrDef, Len, ScenarioFile, StepDef, ThreadDef } from './scenario-types.ts';

export interface RandomWorkload {
  scenario: ScenarioFile;
  ticks: number;
}

const USER_PROCS = ['bash', 'qemu-system-x86_64', 'java', 'postgres', 'nginx', 'node', 'a-very-long-process-name'];
const KERNEL_PROCS = ['sched', 'sched', 'sched', 'fsflush', 'pageout', 'zpool-rpool'];

export function randomWorkload(seed: number): RandomWorkload {
  const r = new Rng(seed * 2654435761 + 12345);
  const ncpus = r.int(1, 6);
  const nthreads = r.int(2, 25);
  const len = (lo: number, hi: number): Len => {
    const a = r.int(lo, hi);
    return r.int(0, 2) === 0 ? a : [a, a + r.int(0, hi)];
  };
  const names = Array.from({ length: nthreads }, (_, i) => `t${i}`);
  const threads: ThreadDef[] = names.map((name) => {
    const k = r.int(0, 9);
    const cls: ThreadDef['class'] = k < 6 ? 'TS' : k < 9 ? 'SYS' : 'SDC';
    const t: ThreadDef = {
      name,
      class: cls,
      proc: cls === 'TS' ? r.pick(USER_PROCS) : cls === 'SDC' ? 'zpool-tank' : r.pick(KERNEL_PROCS),
      program: program(r, len, names),
    };
    if (cls === 'SYS') t.pri = r.int(60, 99);
    if (cls === 'TS') t.pri = r.int(0, 59);
    if (cls === 'SDC') t.dutyCycle = r.int(20, 95);
    if (r.int(0, 4) === 0) t.bound = r.int(0, ncpus - 1);
    t.cpu = r.int(0, ncpus - 1);
    const st = r.int(0, 5);
    t.start = st < 3 ? 'run' : st < 5 ? 'wait' : { sleep: r.int(1, 200) };
    return t;
  });
  const interrupts: IntrDef[] = [];
  for (let i = r.int(0, 3); i > 0; i--) {
    const wakes = names.filter(() => r.int(0, 3) === 0);
    interrupts.push({ cpu: r.int(0, ncpus - 1), pil: r.int(1, 10), every: len(1, 60), service: r.int(0, 4) === 0 ? r.int(1, 3) : 0, wakes });
  }
  const widths = [16, 16, 11, 8] as const;
  const scenario: ScenarioFile = {
    name: `random-${seed}`,
    description: 'generated for the cross-check',
    params: { hz: r.pick([100, 100, 1000]), kpreemptpri: r.pick([99, 100]), era: r.pick(['G11', 'G20'] as const) },
    addrWidth: r.pick(widths),
    mdb: { autowrap: r.pick([null, 80]), withDesc: r.int(0, 1) === 1 },
    cpus: ncpus,
    threads,
    interrupts,
  };
  if (r.int(0, 2) === 0) scenario.dump = { cpu: r.int(0, ncpus - 1), pil: r.int(1, 10), wakes: names.filter(() => r.int(0, 3) === 0) };
  addLocks(new Rng(seed * 40503 + 777), threads, len);
  return { scenario, ticks: r.int(1, 3000) };
}

function program(r: Rng, len: (lo: number, hi: number) => Len, names: string[]): StepDef[] {
  const steps: StepDef[] = [];
  for (let i = r.int(1, 5); i > 0; i--) {
    const k = r.int(0, 9);
    if (k < 3) steps.push({ user: len(0, 30) });
    else if (k < 6) steps.push(r.int(0, 3) === 0 ? { kernel: len(0, 10), preempt: false } : { kernel: len(0, 20) });
    else if (k < 8) steps.push({ sleep: len(1, 100) });
    else if (k < 9) steps.push({ wait: true });
    else steps.push({ wake: names.filter(() => r.int(0, 4) === 0) });
  }
  // Every program must be able to spend time; now and then one never leaves the kernel.
  if (r.int(0, 15) === 0) steps.push({ kernel: 'forever' });
  else steps.push({ sleep: len(1, 50) });
  return steps;
}

const CALLERS = ['zfs_zget+0x1a0(@zfsvfs, 3f, @zpp)', 'vn_rele+0x2d(@vp)', 'dnode_hold_impl+0x12e(@os, 3f, 1, 0, @tag, @dnp)', 'vfs_rlock_wait+0x1c(@vfsp)'];

/**
 * Critical sections on a few mutexes and rwlocks in about half the workloads (their own generator,
 * so the rest of each seed's workload is as before): lock, work, sometimes a sleep holding it,
 * unlock. Sections may nest in either order, so cycles happen too.
 */
function addLocks(r: Rng, threads: ThreadDef[], len: (lo: number, hi: number) => Len): void {
  if (r.int(0, 1) === 0) return;
  const locks = Array.from({ length: r.int(1, 3) }, (_, i) => ({ name: `lk${i}`, rw: r.int(0, 2) === 0 }));
  for (const t of threads) {
    if (r.int(0, 1) === 0) continue;
    const steps = t.program as StepDef[];
    const l = r.pick(locks);
    const at = r.int(0, 1) === 0 ? { at: [r.pick(CALLERS)] } : {};
    const enter: StepDef = l.rw ? (r.int(0, 1) === 0 ? { read: l.name, ...at } : { write: l.name, ...at }) : { lock: l.name, ...at };
    const exit: StepDef = l.rw ? { rwExit: l.name } : { unlock: l.name };
    const body: StepDef[] = [{ kernel: len(0, 5) }];
    if (r.int(0, 2) === 0) body.push({ sleep: len(1, 20) });
    const inner = r.pick(locks);
    if (inner !== l && r.int(0, 3) === 0) body.push(inner.rw ? { write: inner.name } : { lock: inner.name }, { kernel: len(0, 3) }, inner.rw ? { rwExit: inner.name } : { unlock: inner.name });
    steps.splice(r.int(0, steps.length - 1), 0, enter, ...body, exit);
  }
}
