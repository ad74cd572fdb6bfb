// A small seeded slice of `npm run fuzz` for `npm test`, and the replay of every saved
// regression fixture. Both run in the worker pool, so a hang fails the test instead of stalling it.
import { afterAll, describe, expect, it } from 'vitest';
import { FuzzPool } from './pool.ts';
import { loadRegressions } from './regressions.ts';
import type { Failure } from './check.ts';

const SEED = 20261126;
const CASES = 120;
const pool = new FuzzPool({ jobs: 1, timeoutMs: 30_000, memoryMb: 1024 });
afterAll(() => pool.close());

const describeFailures = (fs: { at: string; f: Failure }[]) => fs.map(({ at, f }) => `${at}: ${f.stage} ${f.kind}: ${f.message}`).join('\n');

describe('fuzz slice', () => {
  it(`runs ${CASES} seeded cases without a failure`, async () => {
    const failures: { at: string; f: Failure }[] = [];
    for (let i = 0; i < CASES; i++) {
      const r = await pool.run({ type: 'case', seed: SEED, index: i });
      for (const f of r.failures) failures.push({ at: `case ${i} [${r.fixture} + ${(r.applied ?? []).join(', ')}]`, f });
    }
    expect(describeFailures(failures)).toBe('');
  }, 600_000);

  it('runs a run queue of 20,000 threads through every output and path', async () => {
    // `npm run fuzz` does 100,000 (RUNQ_ENTRIES); 20,000 keeps npm test quick and still catches
    // work that grows faster than the queue.
    const r = await pool.run({ type: 'runq', entries: 20_000 }, 300_000);
    expect(r.fixture).toBe('runq:20000');
    expect(describeFailures(r.failures.map((f) => ({ at: 'runq', f })))).toBe('');
  }, 600_000);

  it('replays every regression fixture under fixtures/fuzz without its failure', async () => {
    const failures: { at: string; f: Failure }[] = [];
    for (const { file, reg } of loadRegressions()) {
      const r = await pool.run({ type: 'text', text: reg.text });
      for (const f of r.failures) failures.push({ at: file, f });
    }
    expect(describeFailures(failures)).toBe('');
  }, 600_000);
});
