// whatIf on the real seed report: kpreemptpri 99 clears the pri-99 workers' starvation but not the
// kernel loop (the culprit is back on cpu 1 with RNRN pending by the end); keeping 100 clears none
// of the starvation; the seeding says what it assumed; boot-time fix and live patch differ in kpqpri.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { scenarioFromSnapshot } from '../../src/sim/from-snapshot.ts';
import { validateScenario } from '../../src/sim/scenario-validate.ts';
import { formatWhatIf, whatIf } from '../../src/sim/whatif.ts';

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
  it('kpreemptpri=99 clears the starvation findings but not the kernel loop, which comes back', () => {
    const r = whatIf(seed, { kpreemptpri: 99 });
    expect(r.outcomes.length).toBe(seed.findings.length);
    const by = new Map(r.outcomes.map((o) => [o.rule, o]));
    // The bound pri-99 workers run within a tick or two (KRNRN now set) and never wait 1 s again.
    for (const rule of ['kpreempt-threshold', 'runq-starvation']) {
      const o = by.get(rule)!;
      expect({ rule, status: o.status, cleared: o.cleared }).toEqual({ rule, status: 'cleared', cleared: true });
      expect(o.clearedAfterTicks).toBeLessThanOrEqual(5);
      expect(o.clearedWithoutChange).toBe(false);
    }
    // qemu (ffffff01d5a600c0) is preempted at tick 0 but, its program a kernel loop, it is back on
    // cpu 1 at its own pri 0 with RNRN set whenever nothing at 99 waits: the loop is not cured.
    for (const rule of ['ts-timeleft-overrun', 'preemption-pending']) {
      const o = by.get(rule)!;
      expect({ rule, status: o.status, cleared: o.cleared }).toEqual({ rule, status: 'returns', cleared: false });
      expect(o.detail).toMatch(/ffffff01d5a600c0 left its CPU at tick 0, but at the end it is back on cpu 1 with RNRN pending/);
    }
    const cpu1 = r.summary!.cpus[1]!;
    expect([cpu1.thread, cpu1.runrun]).toEqual(['ffffff01d5a600c0', true]);
    expect(r.summary!.starved).toEqual([]);
    expect(r.baseline!.starved.map((w) => w.addr).sort()).toEqual(['ffffff0007e01c40', 'ffffff0007e1fc40']);
  });
  it('simulates the boot-time fix by default (kpqpri follows) and the live patch on request (kpqpri stays 100)', () => {
    const boot = whatIf(seed, { kpreemptpri: 99 }, { duration: '2s' });
    expect([boot.kpreemptpriMode, boot.base, boot.changed]).toEqual(['boot', { kpreemptpri: 100, kpqpri: 100 }, { kpreemptpri: 99, kpqpri: 99 }]);
    const live = whatIf(seed, { kpreemptpri: 99 }, { duration: '2s', kpreemptpri: 'live' });
    expect([live.kpreemptpriMode, live.changed]).toEqual(['live', { kpreemptpri: 99, kpqpri: 100 }]);
    expect(live.notes.join('\n')).toMatch(/live patch .*kpqpri stays 100/);
    // An explicit kpqpri wins in either mode.
    expect(whatIf(seed, { kpreemptpri: 99, kpqpri: 60 }, { duration: '2s', kpreemptpri: 'live' }).changed.kpqpri).toBe(60);
  });
  it('labels hz by where it came from and says when a value equals the assumed one', () => {
    const r = whatIf(seed, { kpreemptpri: 100 }, { duration: '1s' });
    expect([r.hz, r.hzSource, r.ticks]).toEqual([100, 'default', 100]);
    expect(r.notes.join('\n')).toMatch(/kpreemptpri=100 is the value assumed for the dump \(not shown there\): both runs simulate the same kpreemptpri/);
    expect(formatWhatIf(r)).toMatch(/^what if kpreemptpri=100: simulated 100 ticks \(1\.0s at hz 100, assumed: the dump does not show it\)/);
    const given = whatIf(seed, { kpreemptpri: 99 }, { duration: '1s', assumeHz: 1000 });
    expect([given.hz, given.hzSource, given.ticks]).toEqual([1000, 'option', 1000]);
  });
  it('kpreemptpri=100 (no change) leaves the starvation in place', () => {
    const r = whatIf(seed, { kpreemptpri: 100 }, { duration: '10s' });
    const k = r.outcomes.find((o) => o.rule === 'kpreempt-threshold')!;
    expect(k.cleared).toBe(false);
    expect(k.detail).toMatch(/never ran/);
  });
  it('refuses unknown tunables and a dump with nothing to simulate', () => {
    expect(whatIf(seed, { bogus: 1 }).notes.join()).toMatch(/unknown tunable/);
    // Kernel names only: nosteal_ticks is not one; maxclsyspri is one the simulator cannot change.
    expect(whatIf(seed, { nosteal_ticks: 1 }).notes.join()).toMatch(/unknown tunable 'nosteal_ticks'/);
    expect(whatIf(seed, { maxclsyspri: 98 }).notes.join()).toMatch(/'maxclsyspri' is not one the simulator can change/);
    const empty = analyzeText('just prose\n');
    const r = whatIf(empty, { kpreemptpri: 99 });
    expect(r.outcomes).toEqual([]);
    expect(r.notes.join()).toMatch(/no running or queued thread/);
  });
});
