// Simulator benchmark: simulated ticks per second and wall time for the #1532 scenario over the
// report's 18.4 hours (6,624,000 ticks on 2 CPUs; target under 1 s), and for 64 CPUs with 5,000
// threads over one simulated hour (360,000 ticks; target under 20 s), each next to an empty tick
// loop over the same number of ticks in the same child, plus peak memory (maxRSS of the child,
// against a child that only loads the simulator). Each measurement runs in its own child process.
// Plus `sim --what-if kpreemptpri=99` (60 simulated seconds, both runs) on a generated dump of
// 4,096 CPUs (1,024 with --quick): issue 15 asked for it to be linear in CPUs x threads.
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchRow } from './types.ts';
import { runJsonChild } from './child.ts';
import { bigWorkload } from '../src/sim/bench-workload.ts';
import { generateTranscript } from './gen/transcript.ts';
import { analyzeText } from '../src/analyze.ts';
import { whatIf } from '../src/sim/whatif.ts';
import { loadScenario } from '../src/sim/scenario-load.ts';
import { runScenario } from '../src/sim/run.ts';
import type { ScenarioFile } from '../src/sim/scenario-types.ts';

const MiB = 1024 * 1024;
const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../', import.meta.url));

type Mode = 'seed1532' | 'big' | 'idle' | 'whatif';

interface ChildReport {
  mode: Mode;
  ticks: number;
  /** Wall time of each simulated run, ms. */
  times: number[];
  /** CPU time (user + system) of each run, ms: steadier than wall time on a loaded machine. */
  cpu: number[];
  /** Wall time of the empty tick loop over the same ticks, ms (median of 5). */
  loop: number;
  /** The empty loop's result, reported so the loop cannot be optimised away. */
  sink: number;
  events: number;
  maxRss: number;
  startRss: number;
  check: string;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The baseline: a loop that only advances a tick counter (kept observable so it is not removed). */
function emptyTickLoop(ticks: number): number {
  let acc = 0;
  for (let t = 1; t <= ticks; t++) acc = (acc + t) | 0;
  return acc;
}

function workload(mode: Mode, quick: boolean): { scn: ScenarioFile | null; ticks: number } {
  if (mode === 'idle') return { scn: null, ticks: 0 };
  if (mode === 'seed1532') {
    const l = loadScenario('illumos-1532');
    if (!l.ok) throw new Error(l.errors.join('; '));
    return { scn: l.scenario, ticks: 6_624_000 };
  }
  return { scn: bigWorkload(64, 5000), ticks: quick ? 36_000 : 360_000 };
}

/** What-if on a generated dump: the time of whatIf() alone (the dump is parsed before the clock starts). */
function whatIfChild(quick: boolean): ChildReport {
  const startRss = process.memoryUsage().rss;
  const cpus = quick ? 1024 : 4096;
  const a = analyzeText(generateTranscript({ bytes: Math.max(4e6, cpus * 1500), cpus, seed: 1 }), { source: 'bench' });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = whatIf(a, { kpreemptpri: 99 }, { duration: '60s' });
  const c = process.cpuUsage(c0);
  const wall = performance.now() - t0;
  const events = (r.summary?.events ?? 0) + (r.baseline?.events ?? 0);
  return {
    mode: 'whatif', ticks: r.ticks, times: [wall], cpu: [(c.user + c.system) / 1000], loop: 0, sink: 0, events,
    maxRss: process.resourceUsage().maxRSS * 1024, startRss, check: `${cpus} cpus, ${a.findings.length} findings, ${events} events`,
  };
}

function child(mode: Mode, reps: number, quick: boolean): ChildReport {
  if (mode === 'whatif') return whatIfChild(quick);
  const startRss = process.memoryUsage().rss;
  const { scn, ticks } = workload(mode, quick);
  const times: number[] = [];
  const cpu: number[] = [];
  let events = 0;
  let check = '';
  if (scn !== null) {
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const r = runScenario(scn, { seed: 7, ticks });
      const c = process.cpuUsage(c0);
      times.push(performance.now() - t0);
      cpu.push((c.user + c.system) / 1000);
      if (!r.ok) throw new Error(r.errors.join('; '));
      events = r.state.stats.events;
      const c1 = r.state.cpus[1]!;
      check = `${events} events; cpu 1 pri ${c1.thread.pri} RNRN ${c1.runrun} KRNRN ${c1.kprunrun} SWITCH ${r.state.lbolt - c1.lastSwtch}`;
    }
  }
  const loops: number[] = [];
  let sink = 0;
  for (let i = 0; i < 5 && ticks > 0; i++) {
    const t0 = performance.now();
    sink ^= emptyTickLoop(ticks);
    loops.push(performance.now() - t0);
  }
  return { mode, ticks, times, cpu, loop: loops.length > 0 ? median(loops) : 0, sink, events, maxRss: process.resourceUsage().maxRSS * 1024, startRss, check };
}

function runChild(mode: Mode, reps: number, quick: boolean): Promise<ChildReport> {
  return runJsonChild<ChildReport>(`sim child (${mode})`, SELF, ['--child', mode, String(reps), quick ? 'quick' : 'full'], ROOT);
}

function rows(label: string, r: ChildReport, idle: ChildReport): BenchRow[] {
  const wall = median(r.times) / 1000;
  const loop = r.loop / 1000;
  const tps = r.ticks / wall;
  const loopTps = r.ticks / Math.max(loop, 1e-9);
  return [
    { name: `sim: ${label}: simulated ticks per second`, value: tps, unit: 'ticks/s', baseline: loopTps, ratio: tps / loopTps },
    { name: `sim: ${label}: wall time`, value: wall, unit: 's', baseline: loop, ratio: wall / Math.max(loop, 1e-9) },
    { name: `sim: ${label}: CPU time`, value: median(r.cpu) / 1000, unit: 's', baseline: loop, ratio: median(r.cpu) / 1000 / Math.max(loop, 1e-9) },
    { name: `sim: ${label}: peak RSS`, value: r.maxRss / MiB, unit: 'MiB', baseline: idle.maxRss / MiB, ratio: r.maxRss / idle.maxRss },
  ];
}

export const run: BenchModule = async ({ quick }) => {
  const log = (s: string) => process.stderr.write(s + '\n');
  const reps = quick ? 1 : 3;
  const idle = await runChild('idle', 1, quick);
  const seed = await runChild('seed1532', reps, quick);
  log(`sim: 1532 ${seed.check}`);
  const big = await runChild('big', quick ? 1 : 1, quick);
  log(`sim: 64 cpus ${big.check}`);
  const bigLabel = `64 CPUs, 5000 threads, ${quick ? '6 min' : '1 h'} (${big.ticks.toLocaleString('en-US')} ticks${quick ? ', quick' : ', target < 20 s'})`;
  const wi = await runChild('whatif', 1, quick);
  log(`sim: what-if ${wi.check}`);
  return [
    ...rows('illumos-1532, 18.4 h (6,624,000 ticks, 2 CPUs; target < 1 s)', seed, idle),
    ...rows(bigLabel, big, idle),
    { name: `sim: what-if kpreemptpri=99, 60 s, ${quick ? '1,024' : '4,096'} CPUs: wall time`, value: median(wi.times) / 1000, unit: 's', baseline: null, ratio: null },
    { name: `sim: what-if kpreemptpri=99, 60 s, ${quick ? '1,024' : '4,096'} CPUs: CPU time`, value: median(wi.cpu) / 1000, unit: 's', baseline: null, ratio: null },
  ];
};

if (process.argv[2] === '--child' && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [mode, reps, q] = process.argv.slice(3);
  process.stdout.write(JSON.stringify(child(mode as Mode, Number(reps), q === 'quick')) + '\n');
}
