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

/** Hands out file indexes in order to whoever asks next; what a lane gives back goes out first. */
class Queue {
  private next = 0;
  private readonly back: number[] = [];
  constructor(readonly total: number) {}
  take(): number | null {
    const b = this.back.pop();
    if (b !== undefined) return b;
    return this.next < this.total ? this.next++ : null;
  }
  /** Puts indexes back, to be taken again in the order given, before any new one. */
  giveBack(indexes: readonly number[]): void {
    for (let k = indexes.length - 1; k >= 0; k--) this.back.push(indexes[k]!);
  }
}

function why(e: Error): string {
  return (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory' : e.message;
}

/**
 * Reports handed to a worker ahead of the one it is on. The worker answers one, then waits for the
 * main thread to hear it and send the next; with a few queued in its port it goes straight on
 * (3,000 small reports with --jobs 1: 3.91 -> 3.40 s).
 */
export const IN_FLIGHT = 4;

/**
 * Reports go ahead only while what a worker holds stays this small: a report queued behind a
 * large one would wait for it while another worker may have nothing to do.
 */
export const IN_FLIGHT_BYTES = 256 * 1024;

/**
 * One lane of the pool: a worker that is replaced whenever it dies, until the queue is empty. It
 * holds up to IN_FLIGHT small reports; the worker takes them in order, one at a time, so when it
 * dies the oldest is the one it was on (that report gets the error) and the rest are given back.
 */
function lane(files: readonly ReportRef[], opts: TriageOptions, q: Queue, onResult: OnResult, ctl: PoolControl): Promise<void> {
  return new Promise((resolve) => {
    const aborted = () => ctl.signal?.aborted === true;
    let w: Worker | null = null;
    /** Sent to the current worker and not answered yet, oldest first. */
    let inFlight: number[] = [];
    let failure: InternalError | null = null;
    let ready = false;
    // A size the listing did not give counts as large: nothing goes ahead with it.
    const sizeOf = (i: number) => files[i]!.size ?? IN_FLIGHT_BYTES;
    const held = () => inFlight.reduce((sum, i) => sum + sizeOf(i), 0);

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
    /** Tops the worker up; ends it when there is nothing left to send or wait for. */
    const feed = (worker: Worker) => {
      while (inFlight.length < IN_FLIGHT) {
        const i = takeWork();
        if (i === null) break;
        if (inFlight.length > 0 && held() + sizeOf(i) > IN_FLIGHT_BYTES) {
          q.giveBack([i]);
          break;
        }
        inFlight.push(i);
        const req: WorkRequest = { i, file: files[i]!, opts };
        worker.postMessage(req);
      }
      if (inFlight.length === 0) void worker.terminate();
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
        const k = m.i === undefined || m.record === undefined ? -1 : inFlight.indexOf(m.i);
        if (k >= 0) {
          inFlight.splice(k, 1);
          onResult(m.i!, m.record!);
          feed(worker);
        }
      });
      worker.on('error', (e) => {
        failure = { message: why(e), stack: e.stack ?? why(e) };
      });
      worker.on('exit', (code) => {
        w = null;
        const lost = inFlight.shift() ?? null;
        q.giveBack(inFlight);
        inFlight = [];
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
      inFlight = [];
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
