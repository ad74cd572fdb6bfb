// Shared test helpers: load and run built-in scenarios, find threads by name, in-process CLI IO.
import { Readable } from 'node:stream';
import type { CliIO } from '../../src/cli/io.ts';
import { loadScenario } from '../../src/sim/scenario-load.ts';
import type { ScenarioFile } from '../../src/sim/scenario-types.ts';
import { runScenario, type RunOptions } from '../../src/sim/run.ts';
import type { SimState, SimThread } from '../../src/sim/types.ts';

export function scenario(name: string): ScenarioFile {
  const l = loadScenario(name);
  if (!l.ok) throw new Error(l.errors.join('\n'));
  return structuredClone(l.scenario);
}

export function run(scn: ScenarioFile | string, opts: Partial<RunOptions> & { ticks: number }): SimState {
  const r = runScenario(typeof scn === 'string' ? scenario(scn) : scn, { seed: 7, ...opts });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.state;
}

export function thread(s: SimState, name: string): SimThread {
  const t = s.threads.find((x) => x.name === name);
  if (t === undefined) throw new Error(`no thread ${name}`);
  return t;
}

export function fakeIO(stdin = ''): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: { write: (x: string) => (out += x) },
    stderr: { write: (x: string) => (err += x) },
    stdin: Readable.from([stdin]) as CliIO['stdin'],
  };
  return { io, out: () => out, err: () => err };
}
