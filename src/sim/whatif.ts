// "What if the tunable had been different?": seed the simulator from a parsed dump, run it forward
// twice (as dumped, and with the changes), and say for each finding whether it clears and after
// how long. A finding clears when every thread it names that the simulator could place has moved:
// a queued thread has run, a running thread has left its CPU (for findings naming only a CPU:
// when that CPU switched threads).
import type { Analysis } from '../analysis.ts';
import { normalizeAddr } from '../../grammar/common/numbers.ts';
import type { Finding, Severity } from '../rules/types.ts';
import { parseDuration, formatTicks } from './duration.ts';
import { scenarioFromSnapshot } from './from-snapshot.ts';
import { applyTunables } from './params.ts';
import { runScenario } from './run.ts';
import { summarize, type SimSummary } from './summary.ts';
import type { SimState } from './types.ts';

export interface WhatIfOptions {
  /** How long to run forward: ticks, or a duration such as `60s` (default 60 s). */
  duration?: number | string;
  seed?: number;
  /** hz to assume when the dump does not show it. */
  assumeHz?: number;
}

export interface WhatIfOutcome {
  rule: string;
  title: string;
  severity: Severity;
  cpu?: number;
  /** The changed run no longer shows it by the end. */
  cleared: boolean;
  /** Ticks into the changed run at which it cleared, or null. */
  clearedAfterTicks: number | null;
  /** Whether the unchanged run cleared it too (then the change is not what cleared it). */
  clearedWithoutChange: boolean;
  /** Could the simulator place anything the finding names? */
  assessable: boolean;
  detail: string;
}

export interface WhatIfResult {
  changes: Record<string, number>;
  ticks: number;
  hz: number;
  outcomes: WhatIfOutcome[];
  notes: string[];
  /** The run with the changes, and the control run without them. */
  summary: SimSummary | null;
  baseline: SimSummary | null;
}

export function whatIf(analysis: Analysis, changes: Record<string, number>, opts: WhatIfOptions = {}): WhatIfResult {
  const seeded = scenarioFromSnapshot(analysis.snapshot, { assumeHz: opts.assumeHz ?? 100 });
  const notes = [...seeded.notes];
  const hz = seeded.scenario.params?.hz ?? 100;
  const empty = (why: string): WhatIfResult => ({
    changes,
    ticks: 0,
    hz,
    outcomes: analysis.findings.map((f) => outcome(f, false, null, false, false, why)),
    notes: [...notes, why],
    summary: null,
    baseline: null,
  });
  const tun = applyTunables({}, changes);
  if (!tun.ok) return empty(tun.message);
  let ticks = 60 * hz;
  if (typeof opts.duration === 'number') ticks = opts.duration;
  else if (typeof opts.duration === 'string') {
    const d = parseDuration(opts.duration, hz);
    if (!d.ok) return empty(d.message);
    ticks = d.ticks;
  }
  if (seeded.scenario.threads.length === 0) return empty('the dump shows no running or queued thread to simulate');
  const seed = opts.seed ?? 1;
  const base = runScenario(seeded.scenario, { seed, ticks, dump: false });
  const changed = runScenario(seeded.scenario, { seed, ticks, dump: false, params: tun.input });
  if (!base.ok) return empty(`cannot simulate this dump: ${base.errors[0] ?? ''}`);
  if (!changed.ok) return empty(`cannot simulate with these changes: ${changed.errors[0] ?? ''}`);
  const outcomes = analysis.findings.map((f) => {
    const c = resolution(changed.state, f, seeded.cpuIds, seeded.startedAs);
    const b = resolution(base.state, f, seeded.cpuIds, seeded.startedAs);
    if (c === null) return outcome(f, false, null, false, false, 'nothing it names could be simulated from this dump');
    const detail = c.tick !== null
      ? `cleared ${c.tick === 0 ? 'at once' : `after ${formatTicks(c.tick, hz)}`}: ${c.detail}${b?.tick !== null && b !== null ? ` (it also clears unchanged, after ${formatTicks(b.tick as number, hz)})` : ''}`
      : `still there after ${formatTicks(ticks, hz)}: ${c.detail}`;
    return outcome(f, c.tick !== null, c.tick, b?.tick !== null && b !== null, true, detail);
  });
  return { changes, ticks, hz, outcomes, notes, summary: summarize(changed.state), baseline: summarize(base.state) };
}

function outcome(f: Finding, cleared: boolean, tick: number | null, without: boolean, assessable: boolean, detail: string): WhatIfOutcome {
  const o: WhatIfOutcome = {
    rule: f.rule,
    title: f.title,
    severity: f.severity,
    cleared,
    clearedAfterTicks: tick,
    clearedWithoutChange: without,
    assessable,
    detail,
  };
  if (f.cpu !== undefined) o.cpu = f.cpu;
  return o;
}

/** When (if ever) everything the finding names moved; null when the simulator placed none of it. */
function resolution(
  s: SimState,
  f: Finding,
  cpuIds: readonly number[],
  startedAs: ReadonlyMap<string, 'oncpu' | 'queued'>,
): { tick: number | null; detail: string } | null {
  const byAddr = new Map(s.threads.map((t) => [normalizeAddr(t.addr) ?? t.addr, t]));
  const parts: string[] = [];
  let worst = 0;
  let known = 0;
  let open = false;
  for (const a of f.threads ?? []) {
    const addr = normalizeAddr(a) ?? a;
    const how = startedAs.get(addr);
    const t = byAddr.get(addr);
    if (how === undefined || t === undefined) continue;
    known++;
    const tick = how === 'queued' ? t.firstOn : t.firstOff;
    const verb = how === 'queued' ? 'ran' : 'left its CPU';
    if (tick < 0) {
      open = true;
      parts.push(`${addr} never ${how === 'queued' ? 'ran' : 'left its CPU'}`);
    } else {
      worst = Math.max(worst, tick);
      parts.push(`${addr} ${verb} at tick ${tick}`);
    }
  }
  if (known === 0 && f.cpu !== undefined) {
    const idx = cpuIds.indexOf(f.cpu);
    const c = s.cpus[idx];
    if (c === undefined) return null;
    if (c.firstSwitch < 0) return { tick: null, detail: `cpu ${f.cpu} never switched threads` };
    return { tick: c.firstSwitch, detail: `cpu ${f.cpu} switched threads at tick ${c.firstSwitch}` };
  }
  if (known === 0) return null;
  const shown = parts.slice(0, 4).join('; ') + (parts.length > 4 ? `; and ${parts.length - 4} more` : '');
  return { tick: open ? null : worst, detail: shown };
}

/** The result as text for the terminal (names come from the dump: neutralised by the caller). */
export function formatWhatIf(r: WhatIfResult): string {
  const lines: string[] = [];
  const ch = Object.entries(r.changes).map(([k, v]) => `${k}=${v}`).join(', ');
  lines.push(`what if ${ch}: simulated ${r.ticks} ticks (${formatTicks(r.ticks, r.hz)}) from the dump, with and without the change`);
  for (const o of r.outcomes) {
    const mark = !o.assessable ? 'n/a    ' : o.cleared ? (o.clearedWithoutChange ? 'clears*' : 'CLEARS ') : 'REMAINS';
    lines.push(`  ${mark} ${o.rule}${o.cpu !== undefined ? ` (cpu ${o.cpu})` : ''}: ${o.detail}`);
  }
  if (r.outcomes.some((o) => o.clearedWithoutChange)) lines.push('  (* clears without the change too)');
  if (r.outcomes.length === 0) lines.push('  the dump has no findings to test');
  for (const n of r.notes) lines.push(`  note: ${n}`);
  return lines.join('\n') + '\n';
}
