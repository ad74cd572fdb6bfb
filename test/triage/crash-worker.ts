// A triage worker for tests of the pool's containment: reports named `oom.txt` exhaust the heap,
// `throw.txt` throw outside any handler (uncaught in the message listener), `exit.txt` end the thread; others are triaged for real.
import { parentPort } from 'node:worker_threads';
import { triageFile } from '../../src/triage/one.ts';
import type { WorkRequest } from '../../src/triage/worker.ts';

const port = parentPort!;
const hog: string[][] = [];
port.on('message', (m: WorkRequest) => {
  const name = m.file.name;
  if (name.endsWith('oom.txt')) {
    for (;;) hog.push(Array.from({ length: 1 << 16 }, (_, i) => `${i}-${hog.length}`));
  }
  // Thrown while on the report, as the real worker's synchronous analysis would: the pool sends a
  // worker several reports ahead and blames a death on the oldest unanswered one.
  if (name.endsWith('throw.txt')) throw new Error('planted crash');
  if (name.endsWith('exit.txt')) process.exit(3);
  void triageFile(m.file, m.opts).then((record) => port.postMessage({ i: m.i, record }));
});
port.postMessage({ ready: true });
