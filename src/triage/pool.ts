// Running triage over many files. --jobs 1: all in this thread. --jobs N: this thread plus N-1
// worker threads, all taking the next file as they finish one. This thread starts at once while
// the workers load the pipeline, so a small batch costs little more than --jobs 1. Results are
// handed back by index as they complete; the caller restores input order.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TriageOptions } from './one.ts';
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
  // execArgv []: the parent's own `--import tsx` would only add a second, useless hook chain.
  return new Worker(boot, { eval: true, execArgv: [] });
}

/** Hands out file indexes in order to whoever asks next. */
class Queue {
  private next = 0;
  constructor(readonly total: number) {}
  take(): number | null {
    return this.next < this.total ? this.next++ : null;
  }
  get empty(): boolean {
    return this.next >= this.total;
  }
}

async function mainThreadLoop(files: readonly string[], opts: TriageOptions, q: Queue, onResult: OnResult): Promise<void> {
  // Loaded here, not at the top: a run that only feeds workers would not need it.
  const { triageFile } = await import('./one.ts');
  for (let i = q.take(); i !== null; i = q.take()) onResult(i, await triageFile(files[i]!, opts));
}

function workerLoop(files: readonly string[], opts: TriageOptions, q: Queue, onResult: OnResult): Promise<void> {
  return new Promise((resolve) => {
    const w = spawnWorker();
    let current: number | null = null;
    let failure: string | null = null;
    const feed = () => {
      current = q.take();
      if (current === null) {
        void w.terminate();
        return;
      }
      const req: WorkRequest = { i: current, file: files[current]!, opts };
      w.postMessage(req);
    };
    w.on('message', (m: { ready?: boolean; i?: number; record?: TriageRecord }) => {
      if (m.ready === true) return feed();
      if (m.i !== undefined && m.record !== undefined) {
        onResult(m.i, m.record);
        feed();
      }
    });
    w.on('error', (e) => {
      failure = e.message;
    });
    w.on('exit', (code) => {
      // A worker that dies (a crash, out of memory) costs its file an error record, not the run.
      if (current !== null) onResult(current, errorRecord(files[current]!, `worker failed: ${failure ?? `exit code ${code}`}`));
      resolve();
    });
  });
}

export async function runPool(files: readonly string[], opts: TriageOptions, jobs: number, onResult: OnResult): Promise<void> {
  const q = new Queue(files.length);
  const helpers = Math.max(0, Math.min(jobs, files.length) - 1);
  const loops: Promise<void>[] = [];
  for (let k = 0; k < helpers; k++) loops.push(workerLoop(files, opts, q, onResult));
  loops.push(mainThreadLoop(files, opts, q, onResult));
  await Promise.all(loops);
}
