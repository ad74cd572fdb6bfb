// A pool of worker threads that each run one job at a time under a time bound. A job that
// overruns is a hang: its worker is terminated and replaced, and the job reports the hang.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Injection, Job, JobResult, WorkerInit, WorkerMessage } from './protocol.ts';

export interface PoolOptions {
  jobs: number;
  /** Per-job time bound in ms (the hang threshold). */
  timeoutMs: number;
  /** Heap limit per worker; exceeding it is reported as an out-of-memory failure. */
  memoryMb: number;
  selfTest?: boolean;
  /** Plant a fault in the real code (tests of the fuzzer: it must then fail). */
  inject?: Injection;
  onNote?: (msg: string) => void;
}

// Workers do not inherit tsx's loader hooks, so each one registers tsx before importing the entry.
const require = createRequire(import.meta.url);
const TSX_API = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const ENTRY = new URL('./worker.ts', import.meta.url).href;
const BOOT = `import(${JSON.stringify(TSX_API)}).then((m) => { m.register(); return import(${JSON.stringify(ENTRY)}); });`;

/** Start-up (tsx, module loading) is not part of any job's time bound. */
const READY_TIMEOUT_MS = 120_000;

class Slot {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private pending: ((m: WorkerMessage) => void) | null = null;
  private dead: ((e: Error) => void) | null = null;
  missing: string[] = [];

  constructor(private readonly opts: PoolOptions) {}

  private start(): Promise<void> {
    const init: WorkerInit = { selfTest: !!this.opts.selfTest, ...(this.opts.inject !== undefined ? { inject: this.opts.inject } : {}) };
    const w = new Worker(BOOT, {
      eval: true,
      workerData: init,
      resourceLimits: { maxOldGenerationSizeMb: this.opts.memoryMb },
      stdout: false,
      stderr: false,
    });
    this.worker = w;
    return new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('fuzz worker did not start')), READY_TIMEOUT_MS);
      t.unref(); // a pool closed during start-up must not wait for this
      w.on('message', (m: WorkerMessage) => {
        if (m.type === 'ready') {
          clearTimeout(t);
          this.missing = m.missing;
          resolve();
        } else if (m.type === 'fatal') {
          clearTimeout(t);
          reject(new Error(m.message));
        } else this.pending?.(m);
      });
      const onDeath = (e: Error) => {
        clearTimeout(t);
        if (this.worker === w) this.worker = null;
        this.ready = null;
        reject(e);
        this.dead?.(e);
      };
      w.on('error', onDeath);
      w.on('exit', (code) => onDeath(new Error(`worker exited with code ${code}`)));
    });
  }

  async run(job: Job, timeoutMs: number): Promise<JobResult> {
    if (!this.ready) this.ready = this.start();
    await this.ready;
    const w = this.worker!;
    return new Promise<JobResult>((resolve) => {
      const done = (r: JobResult) => {
        clearTimeout(timer);
        this.pending = null;
        this.dead = null;
        resolve(r);
      };
      const timer = setTimeout(() => {
        this.kill(w);
        done({ type: 'result', failures: [{ stage: 'any', kind: 'hang', message: `no result within ${timeoutMs} ms` }] });
      }, timeoutMs);
      this.pending = (m) => {
        if (m.type === 'result') done(m);
      };
      this.dead = (e) => {
        const oom = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        done({ type: 'result', failures: [{ stage: 'any', kind: oom ? 'out-of-memory' : 'crash', message: `worker died: ${e.message}` }] });
      };
      w.postMessage(job);
    });
  }

  private kill(w: Worker): void {
    if (this.worker === w) {
      this.worker = null;
      this.ready = null;
    }
    w.removeAllListeners('exit');
    w.removeAllListeners('error');
    w.on('error', () => undefined);
    void w.terminate();
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) {
      w.removeAllListeners('exit');
      await w.terminate();
    }
  }
}

export class FuzzPool {
  private readonly slots: Slot[];
  private readonly idle: Slot[];
  private readonly waiting: ((s: Slot) => void)[] = [];

  constructor(private readonly opts: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, opts.jobs) }, () => new Slot(opts));
    this.idle = this.slots.slice();
  }

  /** Modules the workers could not find (from the first worker that started). */
  get missing(): string[] {
    return this.slots.find((s) => s.missing.length > 0)?.missing ?? [];
  }

  async run(job: Job, timeoutMs = this.opts.timeoutMs): Promise<JobResult> {
    const slot = this.idle.pop() ?? (await new Promise<Slot>((res) => this.waiting.push(res)));
    try {
      return await slot.run(job, timeoutMs);
    } finally {
      const next = this.waiting.shift();
      if (next) next(slot);
      else this.idle.push(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.close()));
  }
}
