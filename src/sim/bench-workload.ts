// The large benchmark workload: many CPUs and thousands of threads of a busy server (mostly
// sleeping TS processes, CPU hogs, interactive threads, per-CPU network workers woken by NIC
// interrupts, taskq threads at 60-98, SDC ZFS threads), built as an ordinary scenario.
import type { IntrDef, ScenarioFile, ThreadDef } from './scenario-types.ts';

export function bigWorkload(ncpus: number, nthreads: number): ScenarioFile {
  const threads: ThreadDef[] = [];
  const add = (t: ThreadDef, n: number): void => {
    if (n > 0) threads.push({ ...t, count: n });
  };
  const ring = ncpus; // one network worker per CPU
  const rest = Math.max(0, nthreads - ring);
  const hogs = Math.min(Math.round(rest * 0.02), Math.floor(ncpus / 2));
  const taskq = Math.round(rest * 0.1);
  const sdc = Math.round(rest * 0.02);
  const interactive = Math.round(rest * 0.1);
  const sleepers = rest - hogs - taskq - sdc - interactive;
  for (let c = 0; c < ncpus; c++) {
    threads.push({ name: `soft-ring-${c}`, class: 'SYS', pri: 99, bound: c, start: 'wait', program: [{ wait: true }, { kernel: 0 }] });
  }
  add({ name: 'hog', proc: 'cc1', class: 'TS', program: [{ user: [50, 500] }, { kernel: [0, 2] }, { sleep: [1, 10] }] }, hogs);
  add({ name: 'taskq', class: 'SYS', pri: 60, start: 'wait', program: [{ wait: true }, { kernel: [0, 2] }, { sleep: [1, 3] }] }, Math.ceil(taskq / 2));
  add({ name: 'taskq-hi', class: 'SYS', pri: 98, start: 'wait', program: [{ wait: true }, { kernel: [0, 1] }] }, Math.floor(taskq / 2));
  add({ name: 'zio', proc: 'zpool-tank', class: 'SDC', dutyCycle: 80, start: 'wait', program: [{ wait: true }, { kernel: [1, 4] }] }, sdc);
  add({ name: 'shell', proc: 'bash', class: 'TS', start: 'wait', program: [{ wait: true }, { user: [0, 2] }, { kernel: [0, 1] }] }, interactive);
  add({ name: 'daemon', proc: 'svc.configd', class: 'TS', start: { sleep: 50 }, program: [{ user: [0, 3] }, { kernel: [0, 1] }, { sleep: [200, 3000] }] }, sleepers);
  const interrupts: IntrDef[] = [];
  for (let c = 0; c < ncpus; c++) {
    interrupts.push({ cpu: c, pil: 6, every: [10, 60], wakes: [`soft-ring-${c}`] });
  }
  // Disk completions and taskq dispatches wake one thread each (cv_signal), as do keystrokes.
  const has = (n: string): boolean => threads.some((t) => t.name === n);
  for (const [name, every] of [['taskq', [0, 2]], ['taskq-hi', [1, 4]], ['zio', [1, 3]], ['shell', [1, 3]]] as const) {
    if (has(name)) interrupts.push({ cpu: interrupts.length % ncpus, pil: 5, every: [...every], wakes: [name], wakeOne: true });
  }
  return {
    name: `bench-${ncpus}cpu-${nthreads}threads`,
    description: 'benchmark workload',
    params: { hz: 100, kpreemptpri: 100, era: 'G20' },
    cpus: ncpus,
    threads,
    interrupts,
  };
}
