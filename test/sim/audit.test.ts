// The standing oracle against false alarms and misses (issue 11): a slice of `sim --audit`.
// Healthy simulated workloads, rendered as mdb text and analysed, must get no high or critical
// finding; every #1532-family scenario's starvation must be named. This file asserts zero of each
// (the harness itself is tested in audit-harness.test.ts). All 500 seeds of the README's figure:
// they take seconds, and seeds 88, 131, 150 and 391 were false alarms once.
import { describe, expect, it } from 'vitest';
import { auditFamily, auditHealthy, FAMILY, formatAudit, runAudit } from '../../src/sim/audit.ts';

describe('sim --audit slice', () => {
  it('500 healthy workloads: no false alarm, every run judged', () => {
    const problems = [];
    for (let seed = 1; seed <= 500; seed++) problems.push(...auditHealthy(seed));
    expect(problems.map((p) => `${p.kind} seed ${p.seed}: ${p.detail}`)).toEqual([]);
  }, 300_000);

  for (const name of FAMILY) {
    it(`${name}: the starvation is named`, () => {
      const problems = auditFamily(name, 1);
      expect(problems.map((p) => `${p.kind}: ${p.detail}`)).toEqual([]);
    }, 120_000);
  }

  it('the report says zero of each', () => {
    const r = runAudit(1, 5);
    expect(formatAudit(r, 1)).toMatch(/: 0 false alarm\(s\); \d+ #1532-family runs .*: 0 miss\(es\)\n$/);
  }, 300_000);
});
