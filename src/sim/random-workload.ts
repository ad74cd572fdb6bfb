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
