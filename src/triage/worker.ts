// Worker thread for `triage --jobs N`: triages the files the main thread sends, one at a time.
import { parentPort } from 'node:worker_threads';
import { triageFile, type TriageOptions } from './one.ts';

export interface WorkRequest {
  i: number;
  file: string;
  opts: TriageOptions;
}

const port = parentPort;
if (port !== null) {
  port.on('message', (m: WorkRequest) => {
    void triageFile(m.file, m.opts).then((record) => port.postMessage({ i: m.i, record }));
  });
  port.postMessage({ ready: true });
}
