// Triage benchmark: reports per second through `playfair triage` (a fresh process each run,
// start-up included, output discarded) with --jobs 1 and --jobs 2, over a corpus of copies of the
// real, seed and hand-written reports. The --jobs 2 row has the --jobs 1 figure as its in-run
// baseline, so its ratio is the speed-up as a user sees it.
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { BIN, ensureBuilt, ROOT } from './build.ts';
import type { BenchModule, BenchRow } from './types.ts';

const SOURCES = ['fixtures/real', 'fixtures/seed', 'fixtures/handwritten/rules'];

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Copies every source report round-robin until the corpus has `n` files. */
export function makeCorpus(n: number, sources: readonly string[] = SOURCES): { dir: string; count: number } {
  const originals: string[] = [];
  for (const d of sources) {
    let names: string[] = [];
    try {
      names = readdirSync(join(ROOT, d));
    } catch {
      continue;
    }
    for (const f of names.sort()) if (f.endsWith('.txt')) originals.push(join(ROOT, d, f));
  }
  if (originals.length === 0) throw new Error('no reports found to build the triage corpus');
  const dir = mkdtempSync(join(tmpdir(), 'playfair-triage-bench-'));
  for (let i = 0; i < n; i++) copyFileSync(originals[i % originals.length]!, join(dir, `r${String(i).padStart(5, '0')}.txt`));
  return { dir, count: n };
}

/**
 * One timed `playfair triage DIR --jobs N` in a fresh process of the compiled build, start-up
 * included, as a user runs it; returns reports/second and checks every report produced a record.
 */
export function timeTriage(dir: string, count: number, jobs: number): Promise<number> {
  ensureBuilt();
  const args = [BIN, 'triage', dir, '--jobs', String(jobs)];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      for (const c of b) if (c === 10) lines++;
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('close', (code) => {
      const secs = (performance.now() - t0) / 1000;
      if (code !== 0 || lines !== count + 1) reject(new Error(`triage --jobs ${jobs}: exit ${code}, ${lines} lines for ${count} reports: ${err.slice(0, 200)}`));
      else resolve(count / secs);
    });
  });
}

export const run: BenchModule = async ({ quick }) => {
  // Big enough that loading the pipeline in each thread (about a second) does not dominate.
  const n = quick ? 400 : 3000;
  const reps = quick ? 1 : 3;
  const { dir, count } = makeCorpus(n);
  try {
    const one: number[] = [];
    const two: number[] = [];
    // Interleaved, so drift (thermal, other load) hits both settings alike.
    for (let r = 0; r < reps; r++) {
      one.push(await timeTriage(dir, count, 1));
      two.push(await timeTriage(dir, count, 2));
    }
    const j1 = median(one);
    const j2 = median(two);
    const rows: BenchRow[] = [
      { name: `triage --jobs 1 (${count} reports)`, value: j1, unit: 'reports/s', baseline: null, ratio: null },
      // Issue 15's goal for two workers on two cores.
      { name: `triage --jobs 2 (${count} reports)`, value: j2, unit: 'reports/s', baseline: j1, ratio: j2 / j1, goal: 1.7 },
    ];
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
