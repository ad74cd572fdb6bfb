// The `sim --audit` harness itself (independent of what the rules conclude): its healthy workloads
// are varied, valid and confirmed healthy by their own runs; OFFLINE CPUs run nothing; the #1532
// family scenarios do leave threads starved for the audit to ask about; the report lists seeds.
import { describe, expect, it } from 'vitest';
import { CPU_OFFLINE } from '../../illumos/index.ts';
import { auditFamily, FAMILY, formatAudit, unhealthy, type AuditReport } from '../../src/sim/audit.ts';
import { auditWorkload } from '../../src/sim/audit-workload.ts';
import { runScenario } from '../../src/sim/run.ts';
import { validateScenario } from '../../src/sim/scenario-validate.ts';
import { KIND_IDLE } from '../../src/sim/types.ts';
import { runSim } from '../../src/cli/sim.ts';
import { fakeIO } from './helpers.ts';

describe('audit workloads', () => {
  const ws = Array.from({ length: 60 }, (_, i) => auditWorkload(i + 1));

  it('are deterministic and valid scenarios', () => {
    expect(auditWorkload(7)).toEqual(auditWorkload(7));
    for (const w of ws) expect(validateScenario(w.scenario)).toMatchObject({ ok: true });
  });

  it('cover what the audit promises: OFFLINE and idle CPUs, classes, binding, interrupts, hz, both kpreemptpri, dumps', () => {
    const threads = ws.flatMap((w) => w.scenario.threads);
    const cpuDefs = ws.flatMap((w) => (Array.isArray(w.scenario.cpus) ? w.scenario.cpus : []));
    expect(cpuDefs.some((c) => ((c.flags ?? 0) & CPU_OFFLINE) !== 0)).toBe(true);
    expect(new Set(threads.map((t) => t.class))).toEqual(new Set(['TS', 'SYS', 'SDC']));
    expect(threads.some((t) => t.bound !== undefined)).toBe(true);
    expect(threads.some((t) => t.bound === undefined && t.class === 'SYS')).toBe(true);
    expect(ws.some((w) => (w.scenario.interrupts ?? []).length > 0)).toBe(true);
    expect(new Set(ws.map((w) => w.scenario.params?.hz))).toEqual(new Set([100, 1000]));
    expect(new Set(ws.map((w) => w.scenario.params?.kpreemptpri))).toEqual(new Set([99, 100]));
    expect(ws.some((w) => w.scenario.dump !== undefined) && ws.some((w) => w.scenario.dump === undefined)).toBe(true);
    // No program can hold a CPU in the kernel for long: the shape #1532 needs never forms.
    expect(JSON.stringify(threads.map((t) => t.program))).not.toMatch(/forever/);
  });

  it('are healthy by their own runs, and OFFLINE CPUs run only their idle thread', () => {
    let offlineSeen = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const w = auditWorkload(seed);
      const r = runScenario(w.scenario, { seed, ticks: w.ticks, debug: seed <= 5 });
      if (!r.ok) throw new Error(r.errors.join());
      expect({ seed, sick: unhealthy(r.state) }).toEqual({ seed, sick: null });
      for (const c of r.state.cpus) {
        if (!c.offline) continue;
        offlineSeen++;
        expect([c.dispthread.kind, c.disp.nrunnable, c.firstSwitch]).toEqual([KIND_IDLE, 0, -1]);
      }
    }
    expect(offlineSeen).toBeGreaterThan(0);
  }, 120_000);
});

describe('audit of the #1532 family', () => {
  for (const name of FAMILY) {
    it(`${name} leaves threads starved for the verdicts to name (no harness problem)`, () => {
      expect(auditFamily(name, 1).filter((p) => p.kind === 'harness')).toEqual([]);
    }, 120_000);
  }
});

describe('audit report', () => {
  it('lists each problem with its seed and counts them', () => {
    const r: AuditReport = {
      healthyRuns: 3,
      familyRuns: 6,
      falseAlarms: [{ kind: 'false-alarm', scenario: 'audit-2', seed: 2, detail: 'high runq-starvation (cpu 1): x' }],
      misses: [{ kind: 'miss', scenario: 'sys-equal-pri', seed: 1, detail: 'y' }],
      harness: [],
    };
    expect(formatAudit(r, 1)).toBe(
      'false-alarm audit-2 seed 2: high runq-starvation (cpu 1): x\n' +
        'miss sys-equal-pri seed 1: y\n' +
        `sim --audit: 3 healthy workloads (seeds 1..3): 1 false alarm(s) (2); 6 #1532-family runs (${FAMILY.join(', ')}): 1 miss(es) (sys-equal-pri 1)\n`,
    );
  });

  it('refuses a bad seed count', async () => {
    const f = fakeIO();
    expect(await runSim(['--audit', '--seeds', '0'], f.io)).toBe(2);
    expect(f.err()).toMatch(/--seeds must be an integer/);
  });
});
