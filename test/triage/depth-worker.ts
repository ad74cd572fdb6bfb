// A triage worker for tests of how many reports the pool hands a worker at once: it answers each
// report a little later (so whatever the pool sends meanwhile arrives), with a record whose error
// says how many reports it held, that one included, when it answered.
import { parentPort } from 'node:worker_threads';
import { errorRecord } from '../../src/triage/record.ts';
import type { WorkRequest } from '../../src/triage/worker.ts';

const port = parentPort!;
const held: WorkRequest[] = [];
port.on('message', (m: WorkRequest) => {
  held.push(m);
  if (held.length > 1) return;
  const answer = () => {
    const n = held.length;
    const r = held.shift()!;
    port.postMessage({ i: r.i, record: errorRecord(r.file.name, `held ${n}`) });
    if (held.length > 0) setTimeout(answer, 20);
  };
  setTimeout(answer, 20);
});
port.postMessage({ ready: true });
