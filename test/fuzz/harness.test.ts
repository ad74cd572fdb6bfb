// The fuzz harness itself: hangs are cut off, crashes and broken invariants are reported,
// and the pool keeps working after a worker is terminated. Uses the harness's stand-in targets.
import { afterAll, describe, expect, it } from 'vitest';
import { FuzzPool } from './pool.ts';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveRegression, loadRegressions } from './regressions.ts';

const pool = new FuzzPool({ jobs: 1, timeoutMs: 3000, memoryMb: 256, selfTest: true });
afterAll(() => pool.close());

describe('FuzzPool (stand-in targets)', () => {
  it('passes an ordinary input', async () => {
    expect((await pool.run({ type: 'text', text: '> ::cpuinfo\n' })).failures).toEqual([]);
  });

  it('reports a hang within the time bound and replaces the worker', async () => {
    const t0 = Date.now();
    const r = await pool.run({ type: 'text', text: 'FUZZ-HANG\n' }, 1000);
    expect(r.failures).toEqual([{ stage: 'any', kind: 'hang', message: 'no result within 1000 ms' }]);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect((await pool.run({ type: 'text', text: 'after the hang\n' })).failures).toEqual([]);
  });

  it('reports a crash with its stage', async () => {
    const r = await pool.run({ type: 'text', text: 'FUZZ-CRASH' });
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({ stage: 'analyze', kind: 'crash' });
    expect(r.failures[0]!.message).toMatch(/^TypeError: self-test crash/);
  });

  it('reports a broken accounting identity', async () => {
    const r = await pool.run({ type: 'text', text: 'a\nFUZZ-MISCOUNT\n' });
    expect(r.failures.map((f) => f.kind)).toContain('accounting');
  });

  it('reports control characters in terminal output', async () => {
    const r = await pool.run({ type: 'text', text: 'FUZZ-ESCAPE' });
    expect(r.failures).toEqual([{ stage: 'report:self-test', kind: 'control-chars', message: expect.stringContaining('U+001B') }]);
  });

  it('runs generated cases and returns their provenance', async () => {
    const r = await pool.run({ type: 'case', seed: 5, index: 17 });
    expect(r.failures).toEqual([]);
    expect(r.fixture).toBeTypeOf('string');
    expect(r.applied!.length).toBeGreaterThan(0);
  });

  it('minimizes a failing input to the lines that matter', async () => {
    const text = Array.from({ length: 200 }, (_, i) => (i === 123 ? 'FUZZ-CRASH' : `line ${i}`)).join('\n') + '\n';
    const r = await pool.run({ type: 'minimize', text, signature: 'analyze/crash/TypeError: self-test crash', budget: { checks: 500, ms: 10_000 } });
    expect(r.text).toBe('FUZZ-CRASH\n');
  });
});

describe('regression fixtures', () => {
  it('saves a failure once per signature, keeping the exact text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'playfair-fuzz-'));
    try {
      const f = { stage: 'report:text', kind: 'crash', message: 'TypeError: x is undefined' };
      const text = 'a\0b\ud800c\r\n';
      const file = saveRegression(f, text, { seed: 1, index: 2, fixture: 'fixtures/seed/illumos-1532.txt', mutations: ['nuls'] }, dir);
      expect(file).toMatch(/^report-text-crash-[0-9a-f]{10}\.json$/);
      expect(saveRegression(f, 'other', null, dir)).toBeNull();
      expect(readdirSync(dir)).toHaveLength(1);
      const [loaded] = loadRegressions(dir);
      expect(loaded!.reg.text).toBe(text);
      expect(JSON.parse(readFileSync(join(dir, file!), 'utf8')).failure).toEqual(f);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run fuzz arguments', () => {
  it('run the 100,000-entry run queue by default; --runq 0 skips it, and a queue has at least the seed\'s 4', async () => {
    const { parseArgs, RUNQ_ENTRIES } = await import('./run.ts');
    const runq = (argv: string[]) => {
      const a = parseArgs(argv);
      return typeof a === 'string' ? a : a.runq;
    };
    expect(RUNQ_ENTRIES).toBe(100_000);
    expect(runq([])).toBe(100_000);
    expect(runq(['--runq', '0'])).toBe(0);
    expect(runq(['--runq', '2'])).toBe(4);
    expect(runq(['--runq', '20000'])).toBe(20_000);
    expect(runq(['--runq', 'x'])).toBe('--runq needs a whole number, got x');
  });
});
