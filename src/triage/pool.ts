// Running triage over many files, each parsed in a worker thread with a heap limit, so a report
// that crashes the pipeline or runs it out of memory costs its own record (an error), not the
// batch: the dead worker is replaced and the next report goes on. --jobs N runs N workers, all
// taking the next file as they finish one. Results are handed back by index as they complete; the
// caller restores input order. An abort (SIGINT) stops the workers at once.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/launch.ts';
import type { InternalError } from '../../grammar/common/source.ts';
import type { ReportRef } from './files.ts';
import type { TriageOptions } from './one.ts';
import { errorRecord, type TriageRecord } from './record.ts';
import type { WorkRequest } from './worker.ts';

export type OnResult = (i: number, record: TriageRecord) => void;

/** Old-generation heap per worker: a 64 MiB report analyses in far less; past it, the report is out of memory. */
export const WORKER_HEAP_MB = 2048;

export interface PoolControl {
  /** Stops the run: no more reports are started, and the ones in flight get no record. */
  signal?: AbortSignal;
  /** Heap limit per worker, MB (tests set it small). */
  heapMb?: number;
  /** The worker's entry module (tests use one that crashes on purpose); default ./worker.ts. */
  entry?: URL;
}

/** A worker on the triage entry (or a test's), with this pool's heap limit. */
function spawnWorker(ctl: PoolControl): Worker {
  const entry = ctl.entry ?? new URL('./worker.ts', import.meta.url);
  return startWorker(entry, { resourceLimits: { maxOldGenerationSizeMb: ctl.heapMb ?? WORKER_HEAP_MB } });
}

/** Hands out file indexes in order to whoever asks next. */
class Queue {
  private next = 0;
  constructor(readonly total: number) {}
  take(): number | null {
    return this.next < this.total ? this.next++ : null;
  }
}

function why(e: Error): string {
  return (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory' : e.message;
}

/** One lane of the pool: a worker that is replaced whenever it dies, until the queue is empty. */
function lane(files: readonly ReportRef[], opts: TriageOptions, q: Queue, onResult: OnResult, ctl: PoolControl): Promise<void> {
  return new Promise((resolve) => {
    const aborted = () => ctl.signal?.aborted === true;
    let w: Worker | null = null;
    let current: number | null = null;
    let failure: InternalError | null = null;
    let ready = false;

    /** The next file that needs a worker; files known to be unreadable get their record here. */
    const takeWork = (): number | null => {
      for (;;) {
        if (aborted()) return null;
        const i = q.take();
        if (i === null) return null;
        const ref = files[i]!;
        if (ref.error === undefined) return i;
        onResult(i, errorRecord(ref.name, ref.error));
      }
    };
    const feed = (worker: Worker) => {
      current = takeWork();
      if (current === null) {
        void worker.terminate();
        return;
      }
      const req: WorkRequest = { i: current, file: files[current]!, opts };
      worker.postMessage(req);
    };
    const start = () => {
      const worker = spawnWorker(ctl);
      w = worker;
      ready = false;
      failure = null;
      worker.on('message', (m: { ready?: boolean; i?: number; record?: TriageRecord }) => {
        if (m.ready === true) {
          ready = true;
          return feed(worker);
        }
        if (m.i !== undefined && m.record !== undefined && m.i === current) {
          current = null;
          onResult(m.i, m.record);
          feed(worker);
        }
      });
      worker.on('error', (e) => {
        failure = { message: why(e), stack: e.stack ?? why(e) };
      });
      worker.on('exit', (code) => {
        w = null;
        const lost = current;
        current = null;
        if (aborted()) return resolve();
        // A dead analysis is playfair's failure (its bounds did not hold), so an internal error.
        const err = failure ?? { message: `worker exited with code ${code}`, stack: `worker exited with code ${code}` };
        if (lost !== null) onResult(lost, errorRecord(files[lost]!.name, `analysis failed: ${err.message}`, err));
        else if (!ready) {
          // A worker that cannot even start would be replaced forever: the next report pays for it.
          const next = takeWork();
          if (next === null) return resolve();
          onResult(next, errorRecord(files[next]!.name, `analysis failed: worker did not start: ${err.message}`, err));
        } else return resolve();
        start();
      });
    };
    ctl.signal?.addEventListener('abort', () => {
      current = null;
      if (w !== null) void w.terminate();
    });
    start();
  });
}

export async function runPool(files: readonly ReportRef[], opts: TriageOptions, jobs: number, onResult: OnResult, ctl: PoolControl = {}): Promise<void> {
  const q = new Queue(files.length);
  const lanes: Promise<void>[] = [];
  for (let k = 0; k < Math.max(1, Math.min(jobs, files.length)); k++) lanes.push(lane(files, opts, q, onResult, ctl));
  await Promise.all(lanes);
}
