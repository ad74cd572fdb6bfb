// `tsx bench/triage-parts.ts [N]`: where `triage --jobs 2` spends its time against `--jobs 1`, on N
// copies of the real and seed reports: whole runs of each (interleaved), a worker's start-up to
// ready (one alone, two at once), the same reports analysed in this one thread with no worker, and
// the size of the records the workers post back. Prints one line per figure; not a bench module.
import { createRequire } from 'node:module';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { makeCorpus, timeTriage } from './triage.ts';
import { median } from './ingest.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A worker booted the way src/triage/pool.ts boots one (tsx hooks, then worker.ts); resolves at its `ready`, in ms. */
function workerReady(): Promise<{ ms: number; worker: Worker }> {
  const require = createRequire(import.meta.url);
  const api = pathToFileURL(join(dirname(require.resolve('tsx')), 'esm', 'api', 'index.mjs')).href;
  const entry = pathToFileURL(join(ROOT, 'src/triage/worker.ts')).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  const t0 = performance.now();
  const worker = new Worker(boot, { eval: true, execArgv: [] });
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve({ ms: performance.now() - t0, worker }));
    worker.once('error', reject);
  });
}

async function main(n: number): Promise<void> {
  const out = (s: string) => process.stdout.write(s + '\n');
  const { loadavg } = await import('node:os');
  out(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const { dir, count } = makeCorpus(n, ['fixtures/real', 'fixtures/seed']);
  try {
    // Whole processes, as a user runs them, interleaved so drift hits both.
    const one: number[] = [];
    const two: number[] = [];
    for (let r = 0; r < 3; r++) {
      one.push(count / (await timeTriage(dir, count, 1)));
      two.push(count / (await timeTriage(dir, count, 2)));
    }
    out(`triage --jobs 1, ${count} reports: ${one.map((s) => s.toFixed(2)).join(', ')} s (median ${median(one).toFixed(2)})`);
    out(`triage --jobs 2, ${count} reports: ${two.map((s) => s.toFixed(2)).join(', ')} s (median ${median(two).toFixed(2)}); speed-up ${(median(one) / median(two)).toFixed(2)}x`);

    // Worker start-up: one alone, then two at once (what --jobs 2 pays before its first report).
    const alone: number[] = [];
    const pair: number[] = [];
    for (let r = 0; r < 3; r++) {
      const a = await workerReady();
      alone.push(a.ms);
      await a.worker.terminate();
      const both = await Promise.all([workerReady(), workerReady()]);
      pair.push(Math.max(...both.map((b) => b.ms)));
      await Promise.all(both.map((b) => b.worker.terminate()));
    }
    out(`worker start-up to ready: alone ${alone.map((x) => x.toFixed(0)).join(', ')} ms; two at once (the later) ${pair.map((x) => x.toFixed(0)).join(', ')} ms`);

    // The reports in this thread, no worker: the work itself, after one warm-up pass.
    const { triageFile } = await import('../src/triage/one.ts');
    const files = readdirSync(dir).sort();
    const opts = { maxInput: 1 << 30 };
    const pass = async (): Promise<{ ms: number; bytes: number; cpu: number }> => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      let bytes = 0;
      for (const f of files) {
        const rec = await triageFile({ name: f, path: join(dir, f) }, opts);
        bytes += JSON.stringify(rec).length;
      }
      const c = process.cpuUsage(c0);
      return { ms: performance.now() - t0, bytes, cpu: (c.user + c.system) / 1000 };
    };
    const cold = await pass();
    const warm = [await pass(), await pass()];
    out(`in one thread, no worker: first pass ${cold.ms.toFixed(0)} ms (JIT cold), then ${warm.map((w) => w.ms.toFixed(0)).join(', ')} ms (${(warm[1]!.ms / count).toFixed(2)} ms a report; CPU ${warm[1]!.cpu.toFixed(0)} ms)`);
    out(`records posted back: ${warm[1]!.bytes} bytes of JSON for ${count} reports (${(warm[1]!.bytes / count).toFixed(0)} a report)`);
    out(`load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(Number(process.argv[2] ?? 306));
