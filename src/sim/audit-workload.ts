// Random healthy workloads for `sim --audit`: systems an engineer would call fine, which no rule
// should call a failure. Varied CPUs (some idle, some OFFLINE), TS, SYS and SDC threads, bound and
// unbound, interrupts, hz 100 or 1000, kpreemptpri 99 or 100, with or without a dump. Healthy by
// construction: every kernel stretch and every SYS/SDC burst is short (at most 20 ms), CPU-bound
// user threads are fewer than the online CPUs, and demand stays well below capacity, so no shape
// of #1532 (a thread held in the kernel over queued kernel work) can form. The audit also checks
// the run itself: a workload whose simulation shows a wait of a second is not counted as healthy.
import { CPU_ENABLE, CPU_EXISTS, CPU_OFFLINE, CPU_QUIESCED, CPU_READY, CPU_RUNNING, MAXCLSYSPRI, MINCLSYSPRI } from '../../illumos/index.ts';
import { Rng } from './rng.ts';
import type { CpuDef, IntrDef, Len, ScenarioFile, StepDef, ThreadDef } from './scenario-types.ts';

export interface AuditWorkload {
  scenario: ScenarioFile;
  ticks: number;
  /** What the transcript shows besides `::cpuinfo -v` and `::findstack -v`. */
  withPrint: boolean;
  withTunables: boolean;
}

const USER_PROCS = ['bash', 'java', 'postgres', 'nginx', 'node', 'sshd', 'make', 'qemu-system-x86_64'];
/** `psradm -f` leaves RUNNING READY QUIESCED EXISTS OFFLINE (0x2f): ENABLE cleared, QUIESCED once idle. */
const OFFLINE_FLAGS = CPU_RUNNING | CPU_READY | CPU_QUIESCED | CPU_EXISTS | CPU_OFFLINE;
const ONLINE_FLAGS = CPU_RUNNING | CPU_READY | CPU_EXISTS | CPU_ENABLE;

export function auditWorkload(seed: number): AuditWorkload {
  const r = new Rng(seed * 2246822519 + 977);
  const hz = r.pick([100, 100, 1000]);
  // 20 ms: the longest kernel stretch or kernel burst a healthy thread has (2 ticks at hz 100).
  const short = Math.max(1, Math.round(hz / 50));
  const ncpus = r.int(1, 8);
  const offline = new Set<number>();
  if (ncpus >= 3 && r.int(0, 2) === 0) offline.add(r.int(1, ncpus - 1));
  const online = Array.from({ length: ncpus }, (_, i) => i).filter((i) => !offline.has(i));
  const onCpu = (): number => r.pick(online);
  const len = (lo: number, hi: number): Len => [lo, Math.max(lo, hi)];

  const threads: ThreadDef[] = [];
  const waiters: string[] = [];
  // Fewer CPU-bound user threads than online CPUs: each gets a CPU or shares quanta with one other.
  const hogs = r.int(0, Math.max(0, Math.floor(online.length / 2)));
  for (let i = 0; i < hogs; i++) {
    // Some never sleep: alone on a CPU, disp() re-picks them every quantum and SWITCH keeps growing.
    const program: StepDef[] = r.int(0, 1) === 0
      ? [{ user: len(hz / 2, hz * 2) }, { kernel: len(0, short) }]
      : [{ user: len(hz / 2, hz * 2) }, { kernel: len(0, short) }, { sleep: len(1, 3) }];
    threads.push({ name: `hog${i}`, proc: r.pick(USER_PROCS), class: 'TS', cpu: onCpu(), program });
  }
  // Interactive and I/O-bound TS threads: short bursts, long sleeps (about 10 % busy each at most).
  const interactive = r.int(0, 3 * online.length);
  for (let i = 0; i < interactive; i++) {
    const name = `ts${i}`;
    const waits = r.int(0, 2) === 0;
    const program: StepDef[] = waits
      ? [{ wait: true }, { kernel: len(0, short) }, { user: len(0, short) }]
      : [{ user: len(0, short * 2) }, { kernel: len(0, short) }, { sleep: len(short * 20, hz) }];
    if (waits) waiters.push(name);
    const t: ThreadDef = { name, proc: r.pick(USER_PROCS), class: 'TS', cpu: onCpu(), start: waits ? 'wait' : r.pick(['run', { sleep: r.int(1, hz) }] as const), program };
    if (r.int(0, 5) === 0) t.pri = r.int(0, 59);
    threads.push(t);
  }
  // Kernel threads: taskq and worker threads at 60..99, bound (like soft ring workers) or not.
  const sys = r.int(0, 2 * online.length);
  for (let i = 0; i < sys; i++) {
    const name = `sys${i}`;
    const pri = r.pick([MINCLSYSPRI, MINCLSYSPRI, 81, 97, 98, MAXCLSYSPRI, MAXCLSYSPRI]);
    const waits = r.int(0, 1) === 0;
    const t: ThreadDef = {
      name,
      class: 'SYS',
      pri,
      start: waits ? 'wait' : { sleep: r.int(1, hz) },
      program: waits ? [{ wait: true }, { kernel: len(0, short) }] : [{ kernel: len(0, short) }, { sleep: len(short * 10, hz * 2) }],
    };
    if (waits) waiters.push(name);
    if (r.int(0, 2) === 0) t.bound = onCpu();
    else t.cpu = onCpu();
    threads.push(t);
  }
  if (r.int(0, 3) === 0) {
    threads.push({ name: 'zio', proc: 'zpool-tank', class: 'SDC', dutyCycle: r.int(30, 90), count: r.int(1, 3), start: 'wait', cpu: onCpu(), program: [{ wait: true }, { kernel: len(0, short) }] });
    waiters.push('zio');
  }
  if (r.int(0, 2) === 0) {
    // The pageout thread: pageout() is on its stack whenever it sleeps, which is nearly always.
    threads.push({
      name: 'pageout', proc: 'sched', class: 'SYS', pri: MAXCLSYSPRI - 1, cpu: onCpu(), start: 'wait',
      program: [{ wait: true }, { kernel: len(0, short) }],
      stack: { sleep: ['cv_wait+0x7f(@cv, @mutex)', 'pageout+0x1f1()'] },
    });
    waiters.push('pageout');
  }
  if (threads.length === 0 || r.int(0, 4) === 0) {
    // Every system has fsflush; it also keeps the thread list from being empty.
    threads.push({ name: 'fsflush', proc: 'fsflush', class: 'SYS', pri: MINCLSYSPRI, cpu: onCpu(), start: { sleep: r.int(1, hz) }, program: [{ kernel: len(0, short) }, { sleep: hz }] });
  }

  const interrupts: IntrDef[] = [];
  for (let i = r.int(0, 3); i > 0; i--) {
    const wakes = waiters.filter(() => r.int(0, 2) === 0);
    const it: IntrDef = { cpu: onCpu(), pil: r.int(1, 10), every: len(Math.max(2, short * 2), hz / 2), wakes };
    if (r.int(0, 1) === 0) it.wakeOne = true;
    interrupts.push(it);
  }

  const cpus: CpuDef[] = Array.from({ length: ncpus }, (_, i) => ({ flags: offline.has(i) ? OFFLINE_FLAGS : ONLINE_FLAGS }));
  const scenario: ScenarioFile = {
    name: `audit-${seed}`,
    description: 'a healthy workload generated for sim --audit',
    params: { hz, kpreemptpri: r.pick([99, 100]), era: r.pick(['G11', 'G20'] as const), rtLoaded: r.int(0, 3) === 0 },
    addrWidth: r.pick([16, 16, 16, 11, 8] as const),
    mdb: { autowrap: r.pick([null, null, 80]), withDesc: r.int(0, 1) === 1 },
    cpus,
    threads,
    interrupts,
  };
  // The dump's interrupt wakes threads that are queued and never run: what a dump often catches.
  if (r.int(0, 2) !== 0) scenario.dump = { cpu: onCpu(), pil: r.int(1, 10), wakes: waiters.filter(() => r.int(0, 1) === 0) };
  return { scenario, ticks: r.int(5 * hz, 60 * hz), withPrint: r.int(0, 3) !== 0, withTunables: r.int(0, 3) !== 0 };
}
