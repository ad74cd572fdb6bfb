// Worker thread body: analyses one text per message and sends back the analysis without the
// bulk the TUI does not need (line text, per-section bodies, records): copying those back would
// cost the main thread what the worker saved it. The main thread keeps the text and splits it.
import { parentPort } from 'node:worker_threads';
import { analyzeText } from '../analyze.ts';
import type { Analysis } from '../analysis.ts';

export interface WorkerRequest {
  id: number;
  text: string;
  source: string;
}

export type WorkerReply = { id: number; ok: true; analysis: Analysis } | { id: number; ok: false; message: string };

/** The analysis minus what the main thread can rebuild or does not show. */
export function slim(a: Analysis): Analysis {
  return { ...a, lines: [], records: [], sections: a.sections.map((s) => ({ ...s, body: [] })) };
}

parentPort?.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: req.id, ok: true, analysis: slim(analyzeText(req.text, { source: req.source, lean: true })) };
  } catch (e) {
    reply = { id: req.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
