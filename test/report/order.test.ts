// The order every report shows findings in: severity, then confidence, then a stable id.
import { describe, expect, it } from 'vitest';
import { compareFindings, reportOrder } from '../../src/rules/policy.ts';
import type { Finding } from '../../src/rules/types.ts';
import { toAddr } from '../../illumos/index.ts';

function f(rule: string, severity: Finding['severity'], confidence: Finding['confidence'], cpu?: number, thread?: string): Finding {
  return {
    rule,
    severity,
    confidence,
    title: `${rule} ${severity}`,
    message: '',
    evidence: [],
    ...(cpu !== undefined ? { cpu } : {}),
    ...(thread !== undefined ? { threads: [toAddr(thread)!] } : {}),
    fix: '',
    confirm: [],
    references: [],
  };
}

describe('reportOrder', () => {
  it('severity first, then certain before inferred, then rule id, CPU, first thread', () => {
    const input = [
      f('b-rule', 'medium', 'certain'),
      f('z-rule', 'high', 'inferred', 0),
      f('b-rule', 'high', 'certain', 2, 'ffffff02'),
      f('b-rule', 'high', 'certain', 1, 'ffffff09'),
      f('a-rule', 'high', 'certain'),
      f('b-rule', 'high', 'certain', 1, 'ffffff01'),
      f('c-rule', 'critical', 'inferred'),
    ];
    const order = reportOrder(input).map((x) => `${x.severity} ${x.confidence} ${x.rule} ${x.cpu ?? '-'} ${x.threads?.[0] ?? '-'}`);
    expect(order).toEqual([
      'critical inferred c-rule - -',
      'high certain a-rule - -',
      'high certain b-rule 1 ffffff01',
      'high certain b-rule 1 ffffff09',
      'high certain b-rule 2 ffffff02',
      'high inferred z-rule 0 -',
      'medium certain b-rule - -',
    ]);
  });

  it('does not depend on the input order, and keeps full ties in the rules order', () => {
    const x = f('r', 'low', 'certain', 3);
    const y = { ...f('r', 'low', 'certain', 3), title: 'second' };
    expect(compareFindings(x, y)).toBe(0);
    expect(reportOrder([x, y]).map((v) => v.title)).toEqual(['r low', 'second']);
    const many = [f('q', 'info', 'inferred'), f('p', 'info', 'certain'), f('p', 'critical', 'inferred')];
    expect(reportOrder(many)).toEqual(reportOrder([...many].reverse()));
  });
});
