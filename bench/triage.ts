// Triage benchmark: reports per second through `playfair triage` (in-process CLI call, output
// discarded) with --jobs 1 and --jobs 2, over a corpus of copies of the real, seed and
// hand-written reports. The --jobs 2 row has the --jobs 1 figure as its in-run baseline, so its
// ratio is the speed-up (worker start-up included, as a user sees it).
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runTriage } from '../src/cli/triage.ts';
import type { BenchModule, BenchRow } from './types.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SOURCES = ['fixtures/real', 'fixtures/seed', 'fixtures/handwritten/rules'];

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Copies every source report round-robin until the corpus has `n` files. */
export function makeCorpus(n: number): { dir: string; count: number } {
  const originals: string[] = [];
  for (const d of SOURCES) {
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

/** One timed `triage` run; returns reports/second and checks every report produced a record. */
export async function timeTriage(dir: string, count: number, jobs: number): Promise<number> {
  let lines = 0;
  const io = {
    stdout: { write: (s: string) => (lines += s.split('\n').length - 1) },
    stderr: { write: () => true },
    stdin: Readable.from([]),
  };
  const t0 = performance.now();
  const code = await runTriage([dir, '--jobs', String(jobs)], io);
  const secs = (performance.now() - t0) / 1000;
  if (code !== 0 || lines !== count + 1) throw new Error(`triage --jobs ${jobs}: exit ${code}, ${lines} lines for ${count} reports`);
  return count / secs;
}

export const run: BenchModule = async ({ quick }) => {
  const n = quick ? 120 : 600;
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
      { name: `triage --jobs 2 (${count} reports)`, value: j2, unit: 'reports/s', baseline: j1, ratio: j2 / j1 },
    ];
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
