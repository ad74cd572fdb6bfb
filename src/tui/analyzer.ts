// Analysis off the render path: a worker thread runs analyzeText so keys stay live while a large
// dump is read. The main thread splits the text into lines itself (the worker does not send them
// back) and analyses a small preview meanwhile. If a worker cannot start, analysis runs in-thread
// after the current frame is drawn.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { analyzeText } from '../analyze.ts';
import type { Analysis } from '../analysis.ts';
import { splitLines } from '../ingest/lines.ts';
import type { WorkerReply, WorkerRequest } from './analyze-worker.ts';
import { previewFromLines } from './preview.ts';

export interface BackgroundAnalyzer {
  /** Resolves with the full analysis; a large input may first give `onPreview` a quick one. */
  analyze(text: string, source: string, onPreview?: (a: Analysis) => void): Promise<Analysis>;
  close(): Promise<void>;
}

/**
 * The worker is TypeScript: it registers tsx's loader before importing its module, so it runs
 * the same under `tsx` (the CLI), vitest and plain node with tsx installed.
 */
function startWorker(): Worker {
  const require = createRequire(import.meta.url);
  const tsxApi = pathToFileURL(require.resolve('tsx/package.json').replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
  const body = new URL('./analyze-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(body)}); });`;
  return new Worker(code, { eval: true, execArgv: [] });
}

function inThread(text: string, source: string): Promise<Analysis> {
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      try {
        resolve(analyzeText(text, { source }));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

/** Below this many characters analysis runs in-thread: a worker's start-up (loading the whole
 * pipeline again) costs more than the analysis, and a small input analyses within a frame or two. */
export const WORKER_THRESHOLD = 1 << 20;

export interface AnalyzerOptions {
  /** Start the worker now, so it has loaded the pipeline by the time a large input arrives. */
  prewarm?: boolean;
  threshold?: number;
}

export function backgroundAnalyzer(opts: AnalyzerOptions = {}): BackgroundAnalyzer {
  const threshold = opts.threshold ?? WORKER_THRESHOLD;
  let worker: Worker | null = null;
  let broken = false;
  let nextId = 1;
  interface Pending {
    text: string;
    source: string;
    lines?: string[];
    resolve(a: Analysis): void;
    reject(e: Error): void;
  }
  const pending = new Map<number, Pending>();

  // A worker that dies (or cannot load) leaves its work to the main thread rather than failing it.
  const rescue = (): void => {
    for (const [, p] of pending) inThread(p.text, p.source).then(p.resolve, p.reject);
    pending.clear();
  };

  const get = (): Worker | null => {
    if (worker || broken) return worker;
    try {
      const w = startWorker();
      w.unref(); // never keeps the process alive on its own
      w.on('message', (r: WorkerReply) => {
        const p = pending.get(r.id);
        if (!p) return;
        pending.delete(r.id);
        if (r.ok) p.resolve({ ...r.analysis, lines: p.lines ?? splitLines(p.text) });
        else p.reject(new Error(r.message));
      });
      w.on('error', () => {
        broken = true;
        worker = null;
        rescue();
      });
      w.on('exit', () => {
        worker = null;
        rescue();
      });
      worker = w;
    } catch {
      broken = true;
    }
    return worker;
  };

  if (opts.prewarm) get();

  return {
    analyze(text, source, onPreview) {
      if (text.length < threshold) return inThread(text, source);
      const w = get();
      if (!w) return inThread(text, source);
      const id = nextId++;
      const lines = splitLines(text);
      const result = new Promise<Analysis>((resolve, reject) => {
        pending.set(id, { text, source, lines, resolve, reject });
        const req: WorkerRequest = { id, text, source };
        w.postMessage(req);
      });
      // While the worker reads everything, the main thread analyses the small preview (the
      // bulky output blanked), so the CPU table shows in a moment; it stops here when done.
      if (onPreview) {
        const preview = previewFromLines(lines);
        if (preview !== null) {
          setImmediate(() => {
            if (!pending.has(id)) return; // the full analysis already came back
            try {
              onPreview({ ...analyzeText(preview, { source }), lines });
            } catch {
              // a preview is optional; the full analysis still comes
            }
          });
        }
      }
      return result;
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
