// Start-up benchmark: wall time of a whole `playfair analyze` process on the seed report (the
// compiled build, as installed), against `node -e 0` measured in the same run, interleaved.
// The goal (issue 14) is a ratio of at most 4.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN, ensureBuilt, ROOT } from './build.ts';
import type { BenchModule, BenchRow } from './types.ts';

const SEED = join(ROOT, 'fixtures/seed/illumos-1532.txt');

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Milliseconds for one process to run to exit; throws if it exits with an unexpected code. */
function timeRun(args: readonly string[], expect: number): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== expect) throw new Error(`node ${args.join(' ')} exited ${String(r.status)}, expected ${expect}`);
  return ms;
}

export const run: BenchModule = async (opts) => {
  // The figure is for the compiled package, built from these sources.
  ensureBuilt();
  const n = opts.quick ? 5 : 15;
  const base: number[] = [];
  const cli: number[] = [];
  timeRun([BIN, 'analyze', SEED], 1); // warm the file cache once, not counted
  for (let i = 0; i < n; i++) {
    base.push(timeRun(['-e', '0'], 0));
    cli.push(timeRun([BIN, 'analyze', SEED], 1)); // 1: the seed has findings
  }
  const b = median(base);
  const c = median(cli);
  const row: BenchRow = { name: 'start-up: analyze seed (whole process)', value: c, unit: 'ms', baseline: b, ratio: c / b, goal: 4, goalIsMax: true };
  return [row];
};
