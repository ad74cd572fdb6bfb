import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { RULES, runRules } from '../../src/rules/index.ts';
import { ctx } from './helpers.ts';

describe('rule set', () => {
  it('has the twelve stable ids, in report order', () => {
    expect(RULES.map((r) => r.id)).toEqual([
      'kpreempt-threshold',
      'runq-starvation',
      'equal-priority-starvation',
      'interrupt-hog',
      'ts-timeleft-overrun',
      'preemption-pending',
      'stranded-runnable',
      'priority-inversion',
      'taskq-starvation',
      'deadlock',
      'wait-chain',
      'lock-convoy',
    ]);
  });

  it('a rule that throws becomes an internal note with its stack; the others still run', () => {
    const boom = { id: 'boom', title: 'x', run: () => { throw new Error('bad'); } };
    const r = runRules(ctx(emptySnapshot(), []), [boom, ...RULES]);
    const first = r.notes[0]!;
    expect(first.rule).toBe('boom');
    expect(first.kind).toBe('internal');
    expect(first.message).toBe('internal error, rule skipped: bad');
    // The stack is the thrown error's own: it names the function that threw.
    expect(first.stack).toMatch(/^Error: bad\n\s+at /);
    expect(r.notes.length).toBeGreaterThan(1);
    expect(r.notes.slice(1).every((n) => n.kind === undefined)).toBe(true);
  });

  it('a thrown non-Error is kept as text, still internal', () => {
    const r = runRules(ctx(emptySnapshot(), []), [{ id: 'odd', title: 'x', run: () => { throw 'plain'; } }]);
    expect(r.notes).toEqual([{ rule: 'odd', message: 'internal error, rule skipped: plain', kind: 'internal', stack: 'plain' }]);
  });
});
