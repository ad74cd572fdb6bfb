// The output bench: one row per format `analyze` writes, each the analysis plus the render against
// the scan, with the goal of issue 15. Timing is not checked (speed belongs to `npm run bench`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS, measureOutput, outputRows, type OutputReport } from '../../bench/output.ts';
import { writeTranscript } from '../../bench/gen/write.ts';
import { run } from '../cli/run.ts';

describe('output bench rows', () => {
  it('divides the input by the median of analysis + render, and the scan likewise', () => {
    // 2 MiB; repetitions (analyze, render): (100, 50), (300, 10), (120, 20) -> sums 150, 310, 140 -> median 150 ms.
    const r: OutputReport = {
      bytes: 2 * 1024 * 1024,
      analyze: [100, 300, 120],
      scan: [20, 30, 25],
      formats: [{ id: 'json', render: [50, 10, 20], chars: 3 * 1024 * 1024 }],
      check: '',
    };
    const [row, ...rest] = outputRows(r);
    expect(rest).toEqual([]);
    // 2 MiB / 0.150 s = 13.33 MiB/s; the scan's median 25 ms: 80 MiB/s; ratio 25 / 150.
    expect(row!.value).toBeCloseTo(2 / 0.15, 9);
    expect(row!.baseline).toBeCloseTo(80, 9);
    expect(row!.ratio).toBeCloseTo(25 / 150, 9);
    expect(row!.goal).toBe(0.5);
    expect(row!.name).toBe('output: analyze --format json, full detail (2 MiB, 3 paired runs; 3.0 MiB written, render alone 20 ms)');
  });

  it('times every format on the same analysis in a child, writing what the CLI writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playfair-output-bench-'));
    try {
      const file = join(dir, 't.txt');
      await writeTranscript(file, 64 * 1024, 1532);
      const r = await measureOutput(file, 2);
      expect(r.formats.map((f) => f.id)).toEqual(FORMATS.map((f) => f.id));
      expect(r.analyze).toHaveLength(2);
      expect(r.scan).toHaveLength(2);
      for (const f of r.formats) expect(f.render).toHaveLength(2);
      const chars = Object.fromEntries(r.formats.map((f) => [f.id, f.chars]));
      // The compact JSON shares stacks, so it is shorter than the indented one; every format wrote something.
      expect(chars['json --compact']).toBeLessThan(chars['json']!);
      for (const f of r.formats) expect(f.chars).toBeGreaterThan(0);
      // Exactly as much as `playfair analyze FILE --format F [--compact]` prints into a pipe.
      for (const f of FORMATS) {
        const cli = await run(['analyze', file, '--format', f.format, ...(f.compact ? ['--compact'] : [])]);
        expect([f.id, chars[f.id]]).toEqual([f.id, cli.out.length]);
      }
      expect(outputRows(r).map((row) => row.goal)).toEqual(FORMATS.map(() => 0.5));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
