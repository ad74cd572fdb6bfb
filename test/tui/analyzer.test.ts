// The background analyzer: a worker thread runs the real pipeline; large inputs get a preview.
import { afterAll, describe, expect, test } from 'vitest';
import { backgroundAnalyzer } from '../../src/tui/analyzer.ts';
import { analyzeText } from '../../src/analyze.ts';
import { makeDump } from '../../bench/tui.ts';
import { SEED_TEXT } from '../seed.ts';

describe('backgroundAnalyzer', () => {
  const bg = backgroundAnalyzer({ threshold: 0 }); // everything through the worker
  afterAll(() => bg.close());

  test('the worker gives the same findings and snapshot as analyzeText, with the full lines', { timeout: 180_000 }, async () => {
    const direct = analyzeText(SEED_TEXT, { source: 'seed' });
    const viaWorker = await bg.analyze(SEED_TEXT, 'seed');
    expect(viaWorker.findings.map((f) => [f.rule, f.severity, f.cpu])).toEqual(direct.findings.map((f) => [f.rule, f.severity, f.cpu]));
    expect(viaWorker.snapshot.cpus).toEqual(direct.snapshot.cpus);
    expect(viaWorker.lines).toEqual(direct.lines);
    expect(viaWorker.records).toEqual([]); // not copied back: the TUI does not use them
  });

  test('a dump with many stacks shows a preview (CPUs, no stacks) before the full analysis', { timeout: 180_000 }, async () => {
    const text = makeDump(300);
    const previews: { cpus: number; threads: number }[] = [];
    const a = await bg.analyze(text, 'big', (p) => previews.push({ cpus: p.snapshot.cpus.length, threads: p.snapshot.threads.length }));
    expect(previews).toHaveLength(1);
    expect(previews[0]!.cpus).toBe(2);
    expect(a.snapshot.cpus).toHaveLength(2);
    expect(a.snapshot.threads.length).toBeGreaterThanOrEqual(300);
    expect(previews[0]!.threads).toBeLessThan(a.snapshot.threads.length);
  });

  test('small inputs are analysed in-thread without a worker', async () => {
    const small = backgroundAnalyzer();
    const a = await small.analyze(SEED_TEXT, 'seed');
    expect(a.snapshot.cpus).toHaveLength(2);
    await small.close();
  });
});
