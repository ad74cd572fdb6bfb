// The ingest bench's rows on a tiny generated transcript: their shape, the goals of issue 15, and
// the stamped JSON form. Timing is not checked (speed belongs to `npm run bench`).
import { describe, expect, it } from 'vitest';
import { measureIngest, PATHS, rowsOf, STAGES } from '../../bench/ingest.ts';
import { stamp, table } from '../../bench/run.ts';

describe('ingest bench rows', () => {
  it('gives one paired row per path with its goal, then memory rows against the scan', async () => {
    const f = await measureIngest({ bytes: 64 * 1024, reps: 2, memory: true, repeated: false });
    // Every path ran twice next to two scans in the same child, and analysed the same lines.
    expect(f.paired.map((r) => r.mode)).toEqual(['analyze', 'lean', 'compact', 'stream']);
    for (const r of f.paired) {
      expect(r.times).toHaveLength(2);
      expect(r.scanTimes).toHaveLength(2);
    }
    expect(new Set(f.paired.map((r) => r.check)).size).toBe(1);
    const rows = rowsOf(f);
    // Each path: its wall-time row, with the goal, then the same by CPU time, without one.
    const timed = rows.filter((_, i) => i < 8 && i % 2 === 0);
    const cpu = rows.filter((_, i) => i < 8 && i % 2 === 1);
    expect(timed.map((r) => [r.unit, r.goal])).toEqual([
      ['MiB/s', 0.5],
      ['MiB/s', 0.5],
      ['MiB/s', 0.5],
      ['MiB/s', 0.75],
    ]);
    for (const [i, r] of timed.entries()) {
      expect(r.name).toContain(PATHS[i]!.label);
      expect(r.name).toContain('2 paired runs');
      // A throughput ratio is the path's figure over the scan's.
      expect(r.ratio).toBeCloseTo(r.value / r.baseline!, 9);
    }
    for (const [i, r] of cpu.entries()) {
      expect(r.name).toContain(`${PATHS[i]!.label}, by CPU time`);
      expect([r.unit, r.goal ?? null]).toEqual(['MiB/cpu-s', null]);
      expect(r.ratio).toBeCloseTo(r.value / r.baseline!, 9);
    }
    // Two memory rows each for full detail, lean and stream, none with a goal.
    const memory = rows.slice(8);
    expect(memory).toHaveLength(6);
    for (const r of memory) {
      expect(r.unit).toBe('x');
      expect(r.goal ?? null).toBeNull();
      expect(r.ratio).not.toBeNull();
    }
  }, 180_000);

  it('times full detail stopped after each stage, with no goal of their own', async () => {
    const f = await measureIngest({ bytes: 64 * 1024, reps: 1, memory: false, repeated: false, paths: ['analyze'], stages: true });
    expect(f.paired.map((r) => r.mode)).toEqual(['analyze', 'split', 'read', 'build']);
    const [full, split, read, build] = f.paired.map((r) => r.check);
    // The same lines, all counted parsed (a grammar that reads nothing refuses nothing); threads and
    // CPUs only once the builder runs, and then all of them: rules add none.
    const lines = full!.split(', ').slice(0, 2).join(', ');
    expect(full).toMatch(/[1-9][0-9]* cpus, [1-9][0-9]* threads$/);
    for (const c of [split, read]) expect(c).toBe(`${lines}, 0 cpus, 0 threads`);
    expect(build).toBe(full);
    const rows = rowsOf(f).slice(2);
    expect(rows.map((r) => [r.name.replace(/ \(64 KiB.*\)$| \(0 MiB.*\)$/, ''), r.goal ?? null])).toEqual(
      STAGES.flatMap((s) => [
        [`ingest: ${s.label}`, null],
        [`ingest: ${s.label}, by CPU time`, null],
      ]),
    );
  }, 120_000);

  it('a quick run leaves out the paths not asked for', async () => {
    const f = await measureIngest({ bytes: 16 * 1024, reps: 1, memory: false, repeated: false, paths: ['stream'] });
    expect(f.paired.map((r) => r.mode)).toEqual(['stream']);
    const rows = rowsOf(f);
    expect(rows.map((r) => r.goal ?? null)).toEqual([0.75, null]);
  }, 120_000);
});

describe('stamped rows and the table', () => {
  const rows = [
    { name: 'a', value: 6, unit: 'MiB/s', baseline: 10, ratio: 0.6, goal: 0.5 },
    { name: 'b', value: 7, unit: 'MiB/s', baseline: 10, ratio: 0.7, goal: 0.75 },
    { name: 'c', value: 3, unit: 'x', baseline: 2, ratio: 1.5 },
    // A ceiling: start-up time against `node -e 0`.
    { name: 'd', value: 380, unit: 'ms', baseline: 100, ratio: 3.8, goal: 4, goalIsMax: true },
    { name: 'e', value: 450, unit: 'ms', baseline: 100, ratio: 4.5, goal: 4, goalIsMax: true },
  ];

  it('marks each goal met or not and carries the date, commit and load', () => {
    const s = stamp(rows, '2026-12-05T08:00:00.000Z', 'abc1234', 1.5);
    expect(s.map((r) => [r.goal, r.met])).toEqual([
      [0.5, true],
      [0.75, false],
      [null, null],
      [4, true],
      [4, false],
    ]);
    for (const r of s) expect([r.date, r.commit, r.load]).toEqual(['2026-12-05T08:00:00.000Z', 'abc1234', 1.5]);
  });

  it('prints a goal and a met column', () => {
    const lines = table(rows).split('\n');
    expect(lines[0]).toMatch(/ratio +goal +met$/);
    expect(lines[2]).toMatch(/0\.600x +>= 0\.500x +met$/);
    expect(lines[3]).toMatch(/0\.700x +>= 0\.750x +not met$/);
    expect(lines[4]).toMatch(/1\.500x +- +-$/);
    expect(lines[5]).toMatch(/3\.800x +<= 4\.000x +met$/);
    expect(lines[6]).toMatch(/4\.500x +<= 4\.000x +not met$/);
  });
});
