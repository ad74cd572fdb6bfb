// Worker-thread side of the fuzz pool: builds cases, runs them through the targets, reports back.
// Runs in a thread the pool can terminate, so a hang costs one worker, not the run.
import { parentPort, workerData } from 'node:worker_threads';
import { makeCase } from './cases.ts';
import { checkText, type Failure } from './check.ts';
import { loadCorpus } from './corpus.ts';
import { minimize } from './minimize.ts';
import { bigRunQueue } from './runq.ts';
import { loadTargets, selfTestTargets } from './targets.ts';
import type { Job, JobResult, WorkerInit } from './protocol.ts';

const init = workerData as WorkerInit;
const port = parentPort!;

try {
  const targets = init.selfTest ? selfTestTargets() : await loadTargets(init.inject);
  const corpus = loadCorpus();
  port.postMessage({ type: 'ready', missing: targets.missing });
  port.on('message', (job: Job) => {
    void handle(job).then(
      (r) => port.postMessage(r),
      (e: unknown) => port.postMessage({ type: 'result', failures: [{ stage: 'harness', kind: 'crash', message: String(e) }] } satisfies JobResult),
    );
  });

  async function handle(job: Job): Promise<JobResult> {
    if (job.type === 'case') {
      const c = makeCase(corpus, job.seed, job.index);
      const failures = await checkText(c.text, targets);
      return { type: 'result', failures, fixture: c.fixture, applied: c.applied, chars: c.text.length, text: failures.length > 0 ? c.text : undefined };
    }
    if (job.type === 'runq') {
      const seed = corpus.find((c) => c.name === 'fixtures/seed/illumos-1532.txt');
      if (seed === undefined) return { type: 'result', failures: [{ stage: 'harness', kind: 'crash', message: 'the seed fixture is not in the corpus' }] };
      const text = bigRunQueue(seed.text, job.entries);
      const failures = await checkText(text, targets);
      return { type: 'result', failures, fixture: `runq:${job.entries}`, chars: text.length };
    }
    if (job.type === 'text') {
      const failures = await checkText(job.text, targets);
      return { type: 'result', failures, chars: job.text.length };
    }
    const text = await minimize(job.text, job.signature, targets, job.budget);
    return { type: 'result', failures: [] as Failure[], text, chars: text.length };
  }
} catch (e) {
  port.postMessage({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
}
