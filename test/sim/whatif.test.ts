// whatIf on the real seed report: kpreemptpri 99 clears every finding at once; keeping 100 clears
// none of the starvation; and the seeding says what it assumed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { scenarioFromSnapshot } from '../../src/sim/from-snapshot.ts';
import { validateScenario } from '../../src/sim/scenario-validate.ts';
import { whatIf } from '../../src/sim/whatif.ts';

const seed = analyzeText(readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8'), { source: 'seed' });

describe('scenarioFromSnapshot on the seed report', () => {
  const seeded = scenarioFromSnapshot(seed.snapshot);
  it('yields a valid scenario with the dump\'s CPUs and queues', () => {
    expect(validateScenario(seeded.scenario).ok).toBe(true);
    const byName = new Map(seeded.scenario.threads.map((t) => [t.name, t]));
    const q = byName.get('ffffff01d5a600c0')!;
    expect(q.start).toEqual({ onCpu: 1 });
    expect(q.class).toBe('TS');
    expect(q.tsTimeleft).toBe(-6618541);
    expect(q.program).toEqual([{ kernel: 'forever' }]);
    expect(byName.get('ffffff0007e01c40')!.bound).toBe(1); // mac_soft_ring_worker
    expect(byName.get('ffffff0007e1fc40')!.bound).toBe(1); // squeue_worker
    expect(byName.get('ffffff01cfa6d7c0')!.bound).toBeUndefined();
    expect(seeded.scenario.cpus).toEqual([
      { addr: 'fffffffffbc486e0', flags: 0x1b, runrun: false, kprunrun: false, switchTicks: 0 },
      { addr: 'ffffff01d3e32580', flags: 0x1b, runrun: true, kprunrun: false, switchTicks: 6620600 },
    ]);
  });
  it('notes its assumptions', () => {
    expect(seeded.notes.join('\n')).toMatch(/hz not shown/);
    expect(seeded.notes.join('\n')).toMatch(/kpreemptpri not shown/);
  });
});

describe('whatIf', () => {
  it('kpreemptpri=99 clears every finding within a few ticks, which the unchanged run does not', () => {
    const r = whatIf(seed, { kpreemptpri: 99 });
    expect(r.outcomes.length).toBe(seed.findings.length);
    expect(r.outcomes.length).toBeGreaterThan(2);
    for (const o of r.outcomes) {
      expect({ rule: o.rule, cleared: o.cleared }).toEqual({ rule: o.rule, cleared: true });
      expect(o.clearedAfterTicks).toBeLessThanOrEqual(5);
      expect(o.clearedWithoutChange).toBe(false);
    }
    expect(r.summary!.starved).toEqual([]);
    expect(r.baseline!.starved.map((w) => w.addr).sort()).toEqual(['ffffff0007e01c40', 'ffffff0007e1fc40']);
  });
  it('kpreemptpri=100 (no change) leaves the starvation in place', () => {
    const r = whatIf(seed, { kpreemptpri: 100 }, { duration: '10s' });
    const k = r.outcomes.find((o) => o.rule === 'kpreempt-threshold')!;
    expect(k.cleared).toBe(false);
    expect(k.detail).toMatch(/never ran/);
  });
  it('refuses unknown tunables and a dump with nothing to simulate', () => {
    expect(whatIf(seed, { bogus: 1 }).notes.join()).toMatch(/unknown tunable/);
    const empty = analyzeText('just prose\n');
    const r = whatIf(empty, { kpreemptpri: 99 });
    expect(r.outcomes).toEqual([]);
    expect(r.notes.join()).toMatch(/no running or queued thread/);
  });
});
