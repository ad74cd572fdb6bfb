// Worker thread body: analyses one text per message and sends back the analysis without the
// bulk the TUI does not need, in a form that is cheap for the main thread to receive
// (transfer.ts). The main thread keeps the text and splits it into lines itself.
import { parentPort } from 'node:worker_threads';
import { analyzeText } from '../analyze.ts';
import type { Analysis } from '../analysis.ts';
import { slim } from './transfer.ts';

export interface WorkerRequest {
  id: number;
  text: string;
  source: string;
}

export type WorkerReply =
  | { id: number; ok: true; analysis: Analysis; stacks: string }
  | { id: number; ok: false; message: string };

parentPort?.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: req.id, ok: true, ...slim(analyzeText(req.text, { source: req.source, lean: true })) };
  } catch (e) {
    reply = { id: req.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
