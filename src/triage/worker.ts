// Worker thread for triage: triages the reports the main thread sends, one at a time. Runs under
// a heap limit (see pool.ts), so a report that exhausts memory ends this thread, not the batch.
import { parentPort } from 'node:worker_threads';
import type { ReportRef } from './files.ts';
import { triageFile, type TriageOptions } from './one.ts';

export interface WorkRequest {
  i: number;
  file: ReportRef;
  opts: TriageOptions;
}

const port = parentPort;
if (port !== null) {
  port.on('message', (m: WorkRequest) => {
    void triageFile(m.file, m.opts).then((record) => port.postMessage({ i: m.i, record }));
  });
  port.postMessage({ ready: true });
}
