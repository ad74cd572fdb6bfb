import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { RULES, runRules } from '../../src/rules/index.ts';
import { ctx } from './helpers.ts';

describe('rule set', () => {
  it('has the seven stable ids, in report order', () => {
    expect(RULES.map((r) => r.id)).toEqual([
      'kpreempt-threshold',
      'runq-starvation',
      'ts-timeleft-overrun',
      'preemption-pending',
      'stranded-runnable',
      'priority-inversion',
      'taskq-starvation',
    ]);
  });

  it('a rule that throws becomes a note; the others still run', () => {
    const boom = { id: 'boom', title: 'x', run: () => { throw new Error('bad'); } };
    RULES.unshift(boom);
    try {
      const r = runRules(ctx(emptySnapshot(), []));
      expect(r.notes[0]).toEqual({ rule: 'boom', message: 'internal error, rule skipped: bad' });
      expect(r.notes.length).toBeGreaterThan(1);
    } finally {
      RULES.shift();
    }
  });
});
