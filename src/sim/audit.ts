// The standing oracle behind `playfair sim --audit`: the simulator's own runs, rendered as the mdb
// text an engineer would paste and analysed by the real pipeline (analyzeText). Two halves:
//  - healthy random workloads (audit-workload.ts) must get no high or critical finding: any is a
//    false alarm. The run itself must confirm it is healthy (no wait of a second, no CPU held with
//    a preemption pending for a second); a workload that fails that is a harness error, not a pass.
//  - the #1532 family scenarios must always be named: every thread the run leaves starved on a CPU
//    queue (a second or more) is named by a high or critical finding (by address, or by its CPU),
//    and so is the thread holding that CPU (by address; for an interrupt over it, the pinned one).
//    An interrupt-level hog is the exception: the dump bounds neither how long an interrupt has run
//    nor how long its waiters waited (cpu_last_swtch does not move for an interrupt), so a finding
//    of any severity that names the hog or its CPU, and each waiter or that CPU, is what is owed.
import { HZ_DEFAULT, toAddr } from '../../illumos/index.ts';
import { analyzeText } from '../analyze.ts';
import { atOrAbove } from '../rules/policy.ts';
import type { Finding } from '../rules/types.ts';
import { auditWorkload } from './audit-workload.ts';
import { parseDuration } from './duration.ts';
import { runScenario } from './run.ts';
import { loadScenario } from './scenario-load.ts';
import { summarize } from './summary.ts';
import { emitTranscript, type EmitKind } from './transcript.ts';
import { KIND_NORMAL, type SimState } from './types.ts';

/** The #1532 family: built-in scenarios whose starvation every verdict must name. */
export const FAMILY = [
  'illumos-1532', // the seed's shape
  'illumos-1532-intr', // the dump taken from an interrupt over the stuck CPU
  'illumos-1532-sdc98', // SDC at 98 behind a kernel loop on a fixed (illumos 7232 era) kernel
  'sys-equal-pri', // equal-priority SYS starvation
  'pageout-taskq', // #1532 comment 6: zio workers behind pageout_scanner
  'pageout-taskq-sdc', // the same with SDC zio workers at 98
] as const;

export interface AuditProblem {
  /** false-alarm: a high/critical finding on a healthy run; miss: a family starvation not named; harness: the run could not be judged. */
  kind: 'false-alarm' | 'miss' | 'harness';
  scenario: string;
  seed: number;
  detail: string;
}

export interface AuditReport {
  healthyRuns: number;
  familyRuns: number;
  falseAlarms: AuditProblem[];
  misses: AuditProblem[];
  harness: AuditProblem[];
}

const HIGH = (f: Finding): boolean => atOrAbove(f.severity, 'high');

function describeFinding(f: Finding): string {
  return `${f.severity} ${f.rule}${f.cpu !== undefined ? ` (cpu ${f.cpu})` : ''}: ${f.title}`;
}

/** Problems of the analysis itself: an internal error is never a pass. */
function internalErrors(a: ReturnType<typeof analyzeText>, scenario: string, seed: number): AuditProblem[] {
  return a.diagnostics
    .filter((d) => d.kind === 'internal')
    .map((d) => ({ kind: 'harness' as const, scenario, seed, detail: `internal error at line ${d.line}: ${d.message}` }));
}

/** Where the run itself is not healthy: a wait of a second or more, or a CPU held that long with a preemption pending. */
export function unhealthy(s: SimState): string | null {
  const sum = summarize(s);
  const w = sum.longestWait;
  if (w !== null && w.waitTicks >= s.params.hz) return `the run is not healthy: ${w.name} (pri ${w.pri}) waited ${w.waitTicks} ticks`;
  for (const c of s.cpus) {
    // Since it was last dispatched, not since cpu_last_swtch: disp() re-picking the same thread
    // honours RNRN without changing cpu_last_swtch (SWITCH is not the age of anything).
    const held = s.lbolt - c.dispthread.lastDispatch;
    if (c.dispthread.kind === KIND_NORMAL && (c.runrun || c.kprunrun) && held >= s.params.hz) {
      return `the run is not healthy: cpu ${c.id} held by ${c.dispthread.name} for ${held} ticks with a preemption pending`;
    }
  }
  return null;
}

export function auditHealthy(seed: number): AuditProblem[] {
  const w = auditWorkload(seed);
  const name = w.scenario.name;
  const harness = (detail: string): AuditProblem[] => [{ kind: 'harness', scenario: name, seed, detail }];
  let state: SimState;
  try {
    const r = runScenario(w.scenario, { seed, ticks: w.ticks });
    if (!r.ok) return harness(`scenario rejected: ${r.errors.join('; ')}`);
    state = r.state;
  } catch (e) {
    return harness(`simulation failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  const sick = unhealthy(state);
  if (sick !== null) return harness(sick);
  const kinds: EmitKind[] = ['cpuinfo-v', 'findstack-v'];
  if (w.withPrint) kinds.push('print');
  if (w.withTunables) kinds.push('tunables');
  const mdb = w.scenario.mdb ?? {};
  const text = emitTranscript(state, kinds, { autowrap: mdb.autowrap ?? null, withDesc: mdb.withDesc ?? false, maxStacks: Infinity });
  const a = analyzeText(text, { source: name });
  return [
    ...internalErrors(a, name, seed),
    ...a.findings.filter(HIGH).map((f) => ({ kind: 'false-alarm' as const, scenario: name, seed, detail: describeFinding(f) })),
  ];
}

export function auditFamily(name: string, seed: number): AuditProblem[] {
  const harness = (detail: string): AuditProblem[] => [{ kind: 'harness', scenario: name, seed, detail }];
  const l = loadScenario(name);
  if (!l.ok) return harness(l.errors.join('; '));
  const scn = l.scenario;
  const d = parseDuration(scn.defaultDuration ?? '10m', scn.params?.hz ?? HZ_DEFAULT);
  if (!d.ok) return harness(d.message);
  const r = runScenario(scn, { seed, ticks: d.ticks });
  if (!r.ok) return harness(r.errors.join('; '));
  const s = r.state;
  const sum = summarize(s);
  const starved = sum.starved.filter((x) => x.queuedOn >= 0);
  if (starved.length === 0) return harness('the scenario left no thread starved on a CPU queue: nothing to name');
  // As the seed was captured: ::cpuinfo -v, the waiters' stacks, ts_timeleft; hz and kpreemptpri not shown.
  const mdb = scn.mdb ?? {};
  const text = emitTranscript(s, ['cpuinfo-v', 'findstack-v', 'print'], { autowrap: mdb.autowrap ?? null, withDesc: mdb.withDesc ?? false, maxStacks: Infinity });
  const a = analyzeText(text, { source: name });
  const high = a.findings.filter(HIGH);
  const names = (f: Finding, addr: string): boolean => (f.threads ?? []).some((x) => (toAddr(x) ?? x) === addr);
  const out = internalErrors(a, name, seed);
  const hogged = (cpu: number): boolean => {
    const hog = s.cpus[cpu]?.intr[0];
    return hog !== undefined && s.lbolt - hog.intrSince >= s.params.hz;
  };
  for (const w of starved) {
    const addr = toAddr(w.addr) ?? w.addr;
    const owed = hogged(w.queuedOn) ? a.findings : high;
    if (!owed.some((f) => names(f, addr) || f.cpu === w.queuedOn)) {
      const what = hogged(w.queuedOn) ? 'no finding' : 'no high or critical finding';
      out.push({ kind: 'miss', scenario: name, seed, detail: `${addr} (${w.cls} pri ${w.pri}) queued on cpu ${w.queuedOn} for ${w.waitTicks} ticks: ${what} names it or its CPU` });
    }
  }
  for (const cpu of new Set(starved.map((w) => w.queuedOn))) {
    const c = s.cpus[cpu];
    if (c === undefined) continue;
    const hog = c.intr[0];
    if (hog !== undefined && hogged(cpu)) {
      // An interrupt-level hog: the interrupt thread itself holds the CPU; name it or the CPU.
      const addr = toAddr(hog.addr) ?? hog.addr;
      if (!a.findings.some((f) => names(f, addr) || f.cpu === cpu)) {
        out.push({ kind: 'miss', scenario: name, seed, detail: `cpu ${cpu} is held by a PIL ${hog.pil} interrupt thread ${addr} for ${s.lbolt - hog.intrSince} ticks: no finding names it or the CPU` });
      }
      continue;
    }
    if (c.dispthread.kind !== KIND_NORMAL) continue;
    // The dispatched thread, pinned or not: a recent interrupt (the dump's) is not the culprit.
    const addr = toAddr(c.dispthread.addr) ?? c.dispthread.addr;
    const over = hog !== undefined ? ` (pinned under a PIL ${hog.pil} interrupt)` : '';
    if (!high.some((f) => names(f, addr))) {
      out.push({ kind: 'miss', scenario: name, seed, detail: `cpu ${cpu} is held by ${addr} (${c.dispthread.name}, pri ${c.dispthread.pri})${over}: no high or critical finding names it` });
    }
  }
  return out;
}

/** Healthy seeds first..first+count-1; each family scenario with seeds first..first+families-1. */
export function runAudit(first: number, count: number, onProgress?: (done: number, total: number) => void): AuditReport {
  const families = Math.max(1, Math.ceil(count / 50));
  const total = count + families * FAMILY.length;
  const all: AuditProblem[] = [];
  let done = 0;
  for (let i = 0; i < count; i++) {
    all.push(...auditHealthy(first + i));
    onProgress?.(++done, total);
  }
  for (const name of FAMILY) {
    for (let k = 0; k < families; k++) {
      all.push(...auditFamily(name, first + k));
      onProgress?.(++done, total);
    }
  }
  return {
    healthyRuns: count,
    familyRuns: families * FAMILY.length,
    falseAlarms: all.filter((p) => p.kind === 'false-alarm'),
    misses: all.filter((p) => p.kind === 'miss'),
    harness: all.filter((p) => p.kind === 'harness'),
  };
}

/** The report as text: each problem with its seed, then the counts. */
export function formatAudit(r: AuditReport, first: number): string {
  const lines: string[] = [];
  for (const p of [...r.harness, ...r.falseAlarms, ...r.misses]) lines.push(`${p.kind} ${p.scenario} seed ${p.seed}: ${p.detail}`);
  const seeds = (ps: AuditProblem[]): string => {
    const xs = [...new Set(ps.map((p) => `${p.scenario.startsWith('audit-') ? '' : `${p.scenario} `}${p.seed}`))];
    return xs.length === 0 ? '' : ` (${xs.slice(0, 20).join(', ')}${xs.length > 20 ? `, ... ${xs.length - 20} more` : ''})`;
  };
  lines.push(
    `sim --audit: ${r.healthyRuns} healthy workloads (seeds ${first}..${first + r.healthyRuns - 1}): ${r.falseAlarms.length} false alarm(s)${seeds(r.falseAlarms)}; ` +
      `${r.familyRuns} #1532-family runs (${FAMILY.join(', ')}): ${r.misses.length} miss(es)${seeds(r.misses)}` +
      (r.harness.length > 0 ? `; ${r.harness.length} run(s) could not be judged${seeds(r.harness)}` : ''),
  );
  return lines.join('\n') + '\n';
}
