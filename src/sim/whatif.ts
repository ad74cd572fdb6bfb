// "What if the tunable had been different?": seed the simulator from a parsed dump, run it forward
// twice (as dumped, and with the changes), and judge each finding over the whole simulated window:
// it clears only when everything it names moved and nothing it names is back in the same state by
// the end (a waiter waiting a second or more again, a culprit holding a CPU with a preemption
// pending for a second or more). Moving once and coming back is reported as such, not as cleared.
import type { Analysis } from '../analysis.ts';
import { toAddr } from '../../illumos/index.ts';
import type { Finding, Severity } from '../rules/types.ts';
import { parseDuration } from './duration.ts';
import { shortTicks } from '../rules/policy.ts'; // one duration format for outcome details, shared with the TUI
import { scenarioFromSnapshot, type Seeded } from './from-snapshot.ts';
import { applyTunables, type ParamInput } from './params.ts';
import { runScenario } from './run.ts';
import { summarize, type SimSummary } from './summary.ts';
import { KIND_NORMAL, TS_RUN, type SimCpu, type SimState, type SimThread } from './types.ts';

/**
 * How a kpreemptpri change is applied. `boot`: a kernel whose dispinit() sets it (the illumos 1532
 * fix), so kpqpri follows it unless /etc/system set kpqpri. `live`: `kpreemptpri/w 0t99` on the
 * running system, which leaves kpqpri where dispinit() put it.
 */
export type KpreemptMode = 'boot' | 'live';

export interface WhatIfOptions {
  /** How long to run forward: ticks, or a duration such as `60s` (default 60 s). */
  duration?: number | string;
  seed?: number;
  /** hz to assume when the dump does not show it. */
  assumeHz?: number;
  /** How a kpreemptpri change is applied (default `boot`). */
  kpreemptpri?: KpreemptMode;
}

/** cleared: gone by the end and not back; returns: everything moved once, but it is back; remains: something never moved. */
export type WhatIfStatus = 'cleared' | 'returns' | 'remains' | 'n/a';

export interface WhatIfOutcome {
  rule: string;
  title: string;
  severity: Severity;
  cpu?: number;
  status: WhatIfStatus;
  /** status === 'cleared': the changed run is rid of it by the end of the window. */
  cleared: boolean;
  /** Ticks into the changed run at which everything it names had first moved, or null. */
  clearedAfterTicks: number | null;
  /** The unchanged run clears it too (then the change is not what cleared it). */
  clearedWithoutChange: boolean;
  /** Could the simulator place anything the finding names? */
  assessable: boolean;
  detail: string;
}

export interface WhatIfResult {
  changes: Record<string, number>;
  ticks: number;
  hz: number;
  /** Where hz came from: the dump, --hz, or the 1532-era default. */
  hzSource: Seeded['hzSource'] | null;
  /** How a kpreemptpri change was applied, or null when none was asked for. */
  kpreemptpriMode: KpreemptMode | null;
  /** kpreemptpri and kpqpri of the control run and of the changed run. */
  base: { kpreemptpri: number; kpqpri: number };
  changed: { kpreemptpri: number; kpqpri: number };
  outcomes: WhatIfOutcome[];
  notes: string[];
  /** The run with the changes, and the control run without them. */
  summary: SimSummary | null;
  baseline: SimSummary | null;
}

export function whatIf(analysis: Analysis, changes: Record<string, number>, opts: WhatIfOptions = {}): WhatIfResult {
  const seeded = scenarioFromSnapshot(analysis.snapshot, opts.assumeHz !== undefined ? { assumeHz: opts.assumeHz } : {});
  const notes = [...seeded.notes];
  const sp = seeded.scenario.params ?? {};
  const hz = sp.hz as number;
  const baseKp = sp.kpreemptpri as number;
  const baseKpq = sp.kpqpri ?? baseKp;
  const mode: KpreemptMode | null = changes['kpreemptpri'] !== undefined ? opts.kpreemptpri ?? 'boot' : null;
  const result = (ticks: number, changed: { kpreemptpri: number; kpqpri: number }, outcomes: WhatIfOutcome[], summary: SimSummary | null, baseline: SimSummary | null): WhatIfResult => ({
    changes, ticks, hz, hzSource: seeded.hzSource, kpreemptpriMode: mode, base: { kpreemptpri: baseKp, kpqpri: baseKpq }, changed, outcomes, notes, summary, baseline,
  });
  const empty = (why: string): WhatIfResult => {
    notes.push(why);
    return result(0, { kpreemptpri: baseKp, kpqpri: baseKpq }, analysis.findings.map((f) => outcome(f, 'n/a', null, false, why)), null, null);
  };
  const tun = applyTunables({}, changes);
  if (!tun.ok) return empty(tun.message);
  const input: ParamInput = { ...tun.input };
  if (input.kpreemptpri !== undefined && input.kpqpri === undefined) {
    input.kpqpri = kpqpriAfter(mode ?? 'boot', input.kpreemptpri, baseKpq, seeded.shown);
  }
  const changed = { kpreemptpri: input.kpreemptpri ?? baseKp, kpqpri: input.kpqpri ?? baseKpq };
  for (const n of sameAsBase(changes, { hz, kpreemptpri: baseKp, kpqpri: baseKpq }, seeded)) notes.push(n);
  if (mode !== null) notes.push(modeNote(mode, changed.kpqpri, baseKpq));
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
  const next = runScenario(seeded.scenario, { seed, ticks, dump: false, params: input });
  if (!base.ok) return empty(`cannot simulate this dump: ${base.errors[0] ?? ''}`);
  if (!next.ok) return empty(`cannot simulate with these changes: ${next.errors[0] ?? ''}`);
  const cIndex = new RunIndex(next.state, seeded);
  const bIndex = new RunIndex(base.state, seeded);
  const outcomes = analysis.findings.map((f) => {
    const c = judge(cIndex, f);
    if (c === null) return outcome(f, 'n/a', null, false, 'nothing it names could be simulated from this dump');
    const b = judge(bIndex, f);
    const without = b !== null && b.status === 'cleared';
    return outcome(f, c.status, c.moved, without, describe(c, b, ticks, hz));
  });
  return result(ticks, changed, outcomes, summarize(next.state), summarize(base.state));
}

/** kpqpri of the changed run when only kpreemptpri was given. */
function kpqpriAfter(mode: KpreemptMode, kp: number, baseKpq: number, shown: Seeded['shown']): number {
  if (mode === 'live') return baseKpq;
  // A kpqpri set in /etc/system (shown, and not equal to kpreemptpri) survives the reboot.
  if (shown.kpqpri !== null && shown.kpreemptpri !== null && shown.kpqpri !== shown.kpreemptpri) return shown.kpqpri;
  return kp;
}

function modeNote(mode: KpreemptMode, kpq: number, baseKpq: number): string {
  return mode === 'boot'
    ? `simulated as the boot-time fix (a kernel whose dispinit() sets kpreemptpri): kpqpri ${kpq === baseKpq ? 'stays' : 'follows it to'} ${kpq}; the live patch kpreemptpri/w would leave kpqpri at ${baseKpq} (--patch live)`
    : `simulated as the live patch (kpreemptpri/w on the running kernel): kpqpri stays ${kpq}, so unbound threads at ${kpq - 1} and below still use per-CPU queues; the boot-time fix would move kpqpri too (--patch boot)`;
}

/** Notes for changes that set a value the control run already has. */
function sameAsBase(changes: Record<string, number>, base: Record<string, number>, seeded: Seeded): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(changes)) {
    const b = base[k];
    if (b === undefined || b !== v) continue;
    const shown = k === 'hz' ? seeded.hzSource === 'dump' : k === 'kpreemptpri' ? seeded.shown.kpreemptpri !== null : k === 'kpqpri' ? seeded.shown.kpqpri !== null : false;
    out.push(`${k}=${v} is the value ${shown ? 'the dump shows' : 'assumed for the dump (not shown there)'}: both runs simulate the same ${k}`);
  }
  return out;
}

/** Lookups over one finished run, built once (a per-finding scan made what-if quadratic). */
class RunIndex {
  readonly byAddr = new Map<string, SimThread>();
  readonly cpuOf = new Map<SimThread, SimCpu>();
  readonly cpuById = new Map<number, SimCpu>();
  readonly threshold: number;
  constructor(readonly s: SimState, readonly seeded: Seeded) {
    for (const t of s.threads) this.byAddr.set(toAddr(t.addr) ?? t.addr, t);
    for (const c of s.cpus) this.cpuOf.set(c.dispthread, c);
    seeded.cpuIds.forEach((id, i) => {
      const c = s.cpus[i];
      if (c !== undefined) this.cpuById.set(id, c);
    });
    this.threshold = s.params.hz;
  }
  /** Ticks `t` has been waiting on a queue at the end, or 0. */
  waitingNow(t: SimThread): number {
    return t.state === TS_RUN && t.waitrq >= 0 ? this.s.lbolt - t.waitrq : 0;
  }
  /**
   * Ticks `t` has held its CPU since it was last dispatched, when RNRN or KRNRN is pending at the
   * end, or 0. Not cpu_last_swtch: a re-pick of the same thread honours RNRN without moving it.
   */
  heldNow(t: SimThread): number {
    const c = this.cpuOf.get(t);
    return c === undefined || !(c.runrun || c.kprunrun) || t.lastDispatch < 0 ? 0 : this.s.lbolt - t.lastDispatch;
  }
}

interface Judgement {
  status: Exclude<WhatIfStatus, 'n/a'>;
  /** Tick at which everything named had first moved, or null. */
  moved: number | null;
  parts: string[];
}

/** How a finding fares over one run; null when the simulator placed none of what it names. */
function judge(ix: RunIndex, f: Finding): Judgement | null {
  const { s, seeded, threshold } = ix;
  const hz = s.params.hz;
  const len = (n: number): string => `${n} ticks${n >= hz ? ` (${shortTicks(n, hz)})` : ''}`;
  const parts: string[] = [];
  let worst = 0;
  let known = 0;
  let open = false;
  let back = false;
  for (const a of f.threads ?? []) {
    const addr = toAddr(a) ?? a;
    const how = seeded.startedAs.get(addr);
    const t = ix.byAddr.get(addr);
    if (how === undefined || t === undefined) continue;
    known++;
    const tick = how === 'queued' ? t.firstOn : t.firstOff;
    if (tick < 0) {
      open = true;
      parts.push(`${addr} never ${how === 'queued' ? 'ran' : 'left its CPU'}`);
      continue;
    }
    worst = Math.max(worst, tick);
    let text = `${addr} ${how === 'queued' ? 'ran' : 'left its CPU'} at tick ${tick}`;
    const again = Math.max(t.maxLaterWait, ix.waitingNow(t));
    const held = ix.heldNow(t);
    if (held >= threshold) {
      back = true;
      const c = ix.cpuOf.get(t) as SimCpu;
      text += `, but at the end it is back on cpu ${cpuLabel(ix, c)} with ${c.kprunrun ? 'KRNRN' : 'RNRN'} pending for ${len(held)}`;
    } else if (how === 'queued' && again >= threshold) {
      back = true;
      text += `, but later waited ${len(again)} again`;
    }
    parts.push(text);
  }
  if (known === 0 && f.cpu !== undefined) {
    const c = ix.cpuById.get(f.cpu);
    if (c === undefined) return null;
    if (c.firstSwitch < 0) return { status: 'remains', moved: null, parts: [`cpu ${f.cpu} never switched threads`] };
    const text = `cpu ${f.cpu} switched threads at tick ${c.firstSwitch}`;
    const held = c.dispthread.kind === KIND_NORMAL && (c.runrun || c.kprunrun) && c.dispthread.lastDispatch >= 0 ? s.lbolt - c.dispthread.lastDispatch : 0;
    let longest = 0;
    for (let p = c.disp.maxrunpri; p >= 0; p--) for (let t = c.disp.first[p] ?? null; t !== null; t = t.link) longest = Math.max(longest, s.lbolt - t.waitrq);
    if (held >= threshold) return { status: 'returns', moved: c.firstSwitch, parts: [`${text}, but at the end its thread has had a preemption pending for ${len(held)}`] };
    if (longest >= threshold) return { status: 'returns', moved: c.firstSwitch, parts: [`${text}, but at the end a thread on its queue has waited ${len(longest)}`] };
    return { status: 'cleared', moved: c.firstSwitch, parts: [text] };
  }
  if (known === 0) return null;
  return { status: open ? 'remains' : back ? 'returns' : 'cleared', moved: open ? null : worst, parts };
}

function cpuLabel(ix: RunIndex, c: SimCpu): number {
  return ix.seeded.cpuIds[c.id] ?? c.id;
}

function describe(c: Judgement, b: Judgement | null, ticks: number, hz: number): string {
  const shown = c.parts.slice(0, 4).join('; ') + (c.parts.length > 4 ? `; and ${c.parts.length - 4} more` : '');
  const at = (n: number): string => (n === 0 ? 'at once' : `after ${n} tick${n === 1 ? '' : 's'}${n >= hz ? ` (${shortTicks(n, hz)})` : ''}`);
  switch (c.status) {
    case 'cleared':
      return `cleared ${at(c.moved as number)} and stayed clear to the end: ${shown}${b !== null && b.status === 'cleared' ? ` (it also clears unchanged, ${at(b.moved as number)})` : ''}`;
    case 'returns':
      return `moved ${at(c.moved as number)}, but is back by the end of the ${ticks}-tick window: ${shown}`;
    case 'remains':
      return `still there after ${ticks} ticks (${shortTicks(ticks, hz)}): ${shown}`;
  }
}

function outcome(f: Finding, status: WhatIfStatus, tick: number | null, without: boolean, detail: string): WhatIfOutcome {
  const o: WhatIfOutcome = {
    rule: f.rule,
    title: f.title,
    severity: f.severity,
    status,
    cleared: status === 'cleared',
    clearedAfterTicks: tick,
    clearedWithoutChange: without,
    assessable: status !== 'n/a',
    detail,
  };
  if (f.cpu !== undefined) o.cpu = f.cpu;
  return o;
}

const HZ_FROM: Record<Seeded['hzSource'], string> = { dump: 'from the dump', option: 'as given', default: 'assumed: the dump does not show it' };

/** The result as text for the terminal (names come from the dump: neutralised by the caller). */
export function formatWhatIf(r: WhatIfResult): string {
  const lines: string[] = [];
  const ch = Object.entries(r.changes).map(([k, v]) => `${k}=${v}`).join(', ');
  const hzText = `hz ${r.hz}${r.hzSource !== null ? `, ${HZ_FROM[r.hzSource]}` : ''}`;
  lines.push(`what if ${ch}: simulated ${r.ticks} ticks (${shortTicks(r.ticks, r.hz)} at ${hzText}) from the dump, with and without the change`);
  lines.push(`  control run: kpreemptpri ${r.base.kpreemptpri}, kpqpri ${r.base.kpqpri}; changed run: kpreemptpri ${r.changed.kpreemptpri}, kpqpri ${r.changed.kpqpri}${r.kpreemptpriMode !== null ? ` (${r.kpreemptpriMode === 'boot' ? 'boot-time fix' : 'live patch'})` : ''}`);
  for (const o of r.outcomes) {
    const mark = o.status === 'n/a' ? 'n/a    ' : o.status === 'cleared' ? (o.clearedWithoutChange ? 'clears*' : 'CLEARS ') : o.status === 'returns' ? 'RETURNS' : 'REMAINS';
    lines.push(`  ${mark} ${o.rule}${o.cpu !== undefined ? ` (cpu ${o.cpu})` : ''}: ${o.detail}`);
  }
  if (r.outcomes.some((o) => o.cleared && o.clearedWithoutChange)) lines.push('  (* clears without the change too)');
  if (r.outcomes.length === 0) lines.push('  the dump has no findings to test');
  for (const n of r.notes) lines.push(`  note: ${n}`);
  return lines.join('\n') + '\n';
}
