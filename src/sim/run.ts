// Running a scenario: build, run to the end tick, optionally take the scenario's dump.
import { buildState, type BuildOptions } from './build.ts';
import { applyDump } from './dump.ts';
import { runUntil } from './engine.ts';
import type { ScenarioFile } from './scenario-types.ts';
import type { SimState } from './types.ts';

export interface RunOptions extends BuildOptions {
  /** Simulated length in ticks. */
  ticks: number;
  /** Take the scenario's dump at the end (default: when the scenario has one). */
  dump?: boolean;
  onSample?: (s: SimState) => void;
}

export function runScenario(scn: ScenarioFile, opts: RunOptions): { ok: true; state: SimState } | { ok: false; errors: string[] } {
  const b = buildState(scn, opts);
  if (!b.ok) return b;
  const s = b.state;
  const sample = opts.onSample;
  if (sample !== undefined) s.onSample = () => sample(s);
  runUntil(s, opts.ticks);
  if (opts.dump ?? true) applyDump(s);
  return { ok: true, state: s };
}
