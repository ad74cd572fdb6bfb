// Analysis off the render path: a worker thread runs analyzeText so keys stay live while a large
// dump is read. The main thread splits the text into lines itself (the worker does not send them
// back) and analyses a small preview meanwhile. If a worker cannot start, analysis runs in-thread
// after the current frame is drawn.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/launch.ts';
import { Analyzer, analyzeText } from '../analyze.ts';
import type { Analysis } from '../analysis.ts';
import type { WorkerReply, WorkerRequest } from './analyze-worker.ts';
import { hydrate } from './transfer.ts';
import { PreviewFilter } from './preview.ts';
import { eachLine } from '../ingest/lines.ts';

export interface BackgroundAnalyzer {
  /** Resolves with the full analysis; a large input may first give `onPreview` a quick one. */
  analyze(text: string, source: string, onPreview?: (a: Analysis) => void): Promise<Analysis>;
  /** Start the worker now (if not started), so a later large input does not wait for it. */
  warm(): void;
  close(): Promise<void>;
}

/** The analysis worker (see src/workers/launch.ts for how it loads, compiled or not). */
function startAnalyzeWorker(): Worker {
  return startWorker(new URL('./analyze-worker.ts', import.meta.url));
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

/** Lines per turn of the event loop for main-thread work on a large input (a few ms each). */
const TURN_LINES = 20_000;
const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

/** splitLines, a chunk per turn of the event loop, so keys stay live while 50 MB is split. */
export async function splitLinesInTurns(text: string): Promise<string[]> {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    await turn();
    start = eachLine(text, (line) => out.push(line), start, TURN_LINES);
  }
  return out;
}

/** The preview analysis (see preview.ts), in turns; null if `wanted` turns false meanwhile. */
async function previewInTurns(lines: readonly string[], source: string, wanted: () => boolean): Promise<Analysis | null> {
  const an = new Analyzer({ source, lean: true });
  const filter = new PreviewFilter();
  for (let i = 0; i < lines.length; i += TURN_LINES) {
    await turn();
    if (!wanted()) return null;
    const end = Math.min(lines.length, i + TURN_LINES);
    for (let j = i; j < end; j++) an.push(filter.line(lines[j]!));
  }
  return an.finish();
}

export function backgroundAnalyzer(opts: AnalyzerOptions = {}): BackgroundAnalyzer {
  const threshold = opts.threshold ?? WORKER_THRESHOLD;
  let worker: Worker | null = null;
  let broken = false;
  let closed = false;
  let nextId = 1;
  interface Pending {
    text: string;
    source: string;
    lines: Promise<string[]>;
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
    if (worker || broken || closed) return worker;
    try {
      const w = startAnalyzeWorker();
      w.unref(); // never keeps the process alive on its own
      w.on('message', (r: WorkerReply) => {
        const p = pending.get(r.id);
        if (!p) return;
        pending.delete(r.id);
        if (r.ok) void p.lines.then((lines) => p.resolve(hydrate({ ...r.analysis, lines }, r.stacks)));
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
      // The worker does not send the line text back: the main thread splits it meanwhile.
      const lines = splitLinesInTurns(text);
      const result = new Promise<Analysis>((resolve, reject) => {
        pending.set(id, { text, source, lines, resolve, reject });
        const req: WorkerRequest = { id, text, source };
        w.postMessage(req);
      });
      // While the worker reads everything, the main thread analyses the preview (the bulky
      // output blanked), a chunk of lines per turn of the event loop so keys stay live, and the
      // CPU table shows in a moment. It gives up if the full analysis comes back first.
      if (onPreview) {
        void lines
          .then(async (ls) => {
            const a = await previewInTurns(ls, source, () => pending.has(id));
            if (a && pending.has(id)) onPreview({ ...a, lines: ls });
          })
          .catch(() => undefined); // a preview is optional; the full analysis still comes
      }
      return result;
    },
    warm() {
      get();
    },
    async close() {
      closed = true;
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
