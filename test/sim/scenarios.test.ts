// The built-in scenarios say what they are meant to show, and bad scenario files are refused
// with the path of each problem.
import { describe, expect, it } from 'vitest';
import { builtinScenarios, loadScenario } from '../../src/sim/scenario-load.ts';
import { validateScenario } from '../../src/sim/scenario-validate.ts';
import { buildState } from '../../src/sim/build.ts';
import { summarize } from '../../src/sim/summary.ts';
import { run } from './helpers.ts';

describe('built-in scenarios', () => {
  it('all load and validate', () => {
    expect(builtinScenarios()).toEqual([
      'deadlock-2', 'healthy-mix', 'illumos-1532', 'illumos-1532-intr', 'illumos-1532-sdc98', 'mutex-convoy', 'pageout-chain', 'pageout-taskq',
      'pageout-taskq-sdc', 'rwlock-cycle-3', 'sys-equal-pri',
    ]);
    for (const n of builtinScenarios()) expect(loadScenario(n).ok).toBe(true);
  });

  it('pageout-taskq (SYS 99 workers): starved behind pageout_scanner at 100, served within a few ticks at 99', () => {
    const before = summarize(run('pageout-taskq', { ticks: 6000 }));
    expect(before.starved.filter((w) => w.name.startsWith('zio_write_intr')).length).toBeGreaterThan(0);
    expect(before.starved.some((w) => w.queuedOn === 1)).toBe(true);
    const after = summarize(run('pageout-taskq', { ticks: 6000, params: { kpreemptpri: 99 } }));
    expect(after.starved).toEqual([]);
    expect(after.longestByPri.find((w) => w.pri === 99)!.waitTicks).toBeLessThan(20);
  });

  it('pageout-taskq-sdc (SDC workers at 98): starved at both values, a limit of the fix', () => {
    for (const kp of [100, 99]) {
      const sum = summarize(run('pageout-taskq-sdc', { ticks: 6000, params: { kpreemptpri: kp } }));
      expect(sum.starved.filter((w) => w.name.startsWith('zio_write_intr') && w.cls === 'SDC' && w.pri === 98).length).toBeGreaterThan(0);
    }
  });

  it('healthy-mix: no starvation at either value, and no quantum overrun beyond a second', () => {
    for (const kp of [100, 99]) {
      const s = run('healthy-mix', { ticks: 12_000, params: { kpreemptpri: kp } });
      const sum = summarize(s);
      expect(sum.starved).toEqual([]);
      expect(sum.longestWait!.waitTicks).toBeLessThan(2 * s.params.hz);
      // Kernel stretches here last at most 2 ticks, but an expired quantum is carried across short
      // sleeps (ts_sleep and ts_wakeup refill it only once ts_dispwait passes ts_maxwait, i.e. after
      // a ts_update), so a thread that rarely returns to user mode overruns by up to about a second.
      for (const t of s.tsThreads) expect(t.tsTimeleft).toBeGreaterThanOrEqual(-s.params.hz);
    }
  });
});

describe('validateScenario', () => {
  const base = { name: 'x', description: 'x', cpus: 2, threads: [{ name: 'a', class: 'TS', program: [{ user: 5 }] }] };
  it('accepts a minimal scenario', () => {
    expect(validateScenario(base).ok).toBe(true);
  });
  it('reports each problem with its path', () => {
    const bad = {
      ...base,
      cpus: 2,
      threads: [
        { name: 'a', class: 'XX', program: [{ user: -1 }] },
        { name: 'a', class: 'SYS', pri: 120, bound: 5, program: [{ wake: ['nobody'] }] },
      ],
      interrupts: [{ cpu: 3, pil: 12, every: 0 }],
    };
    const r = validateScenario(bad);
    expect(r.ok).toBe(false);
    const errs = r.ok ? [] : r.errors;
    for (const want of [
      'threads[0].class',
      'threads[0].program[0].user',
      'threads[1].name: duplicate',
      'threads[1].pri',
      'threads[1].bound',
      'threads[1].program: every step takes zero time',
      'threads[1].program[0].wake: unknown thread nobody',
      'interrupts[0].cpu',
      'interrupts[0].pil',
      'interrupts[0].every',
    ]) {
      expect(errs.some((e) => e.startsWith(want))).toBe(true);
    }
  });
  it('refuses two threads placed on the same CPU', () => {
    const scn = { ...base, threads: [
      { name: 'a', class: 'TS' as const, start: { onCpu: 0 }, program: [{ user: 5 }] },
      { name: 'b', class: 'TS' as const, start: { onCpu: 0 }, program: [{ user: 5 }] },
    ] };
    const b = buildState(scn, { seed: 1 });
    expect(b.ok).toBe(false);
  });
  it('loadScenario explains an unknown name or a broken file', () => {
    const r = loadScenario('no-such-scenario');
    expect(r.ok ? '' : r.errors[0]).toMatch(/unknown scenario 'no-such-scenario' \(built in: deadlock-2, healthy-mix/);
    const f = loadScenario('/nonexistent/file.json');
    expect(f.ok ? '' : f.errors[0]).toMatch(/cannot read/);
  });
});
