// Running triage over many files: in-process for one job, on worker threads for more. Results
// are handed back by index as they complete; the caller restores input order.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { triageFile, type TriageOptions } from './one.ts';
import { errorRecord, type TriageRecord } from './record.ts';
import type { WorkRequest } from './worker.ts';

export type OnResult = (i: number, record: TriageRecord) => void;

/**
 * A worker that can load our TypeScript. Node 20 does not apply `--import tsx` in a worker's
 * execArgv to the worker's own entry module (ERR_UNKNOWN_FILE_EXTENSION), so the worker starts
 * from a small script that registers tsx's ESM hooks in that thread and then imports worker.ts.
 */
function spawnWorker(): Worker {
  const require = createRequire(import.meta.url);
  const tsxDist = dirname(require.resolve('tsx'));
  const api = pathToFileURL(join(tsxDist, 'esm', 'api', 'index.mjs')).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true });
}

async function inProcess(files: readonly string[], opts: TriageOptions, onResult: OnResult): Promise<void> {
  for (let i = 0; i < files.length; i++) onResult(i, await triageFile(files[i]!, opts));
}

function onWorkers(files: readonly string[], opts: TriageOptions, jobs: number, onResult: OnResult): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    let done = 0;
    let live = 0;
    const total = files.length;
    const finishOne = () => {
      done++;
      if (done === total) resolve();
    };
    const start = () => {
      const w = spawnWorker();
      let current: number | null = null;
      live++;
      const feed = () => {
        if (next >= total) {
          current = null;
          void w.terminate();
          return;
        }
        current = next++;
        const req: WorkRequest = { i: current, file: files[current]!, opts };
        w.postMessage(req);
      };
      w.on('message', (m: { ready?: boolean; i?: number; record?: TriageRecord }) => {
        if (m.ready === true) return feed();
        if (m.i !== undefined && m.record !== undefined) {
          onResult(m.i, m.record);
          finishOne();
          feed();
        }
      });
      let failure: string | null = null;
      w.on('error', (e) => {
        failure = e.message;
      });
      w.on('exit', (code) => {
        live--;
        // The worker died (a crash, out of memory): its file gets an error record, and a new
        // worker takes over the rest.
        if (current !== null) {
          onResult(current, errorRecord(files[current]!, `worker failed: ${failure ?? `exit code ${code}`}`));
          current = null;
          finishOne();
        }
        if (next < total && live < jobs) start();
      });
    };
    for (let k = 0; k < Math.min(jobs, total); k++) start();
  });
}

export async function runPool(files: readonly string[], opts: TriageOptions, jobs: number, onResult: OnResult): Promise<void> {
  if (files.length === 0) return;
  if (jobs <= 1 || files.length === 1) return inProcess(files, opts, onResult);
  return onWorkers(files, opts, jobs, onResult);
}
