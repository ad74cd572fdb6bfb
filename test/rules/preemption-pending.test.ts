import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { preemptionPending } from '../../src/rules/preemption-pending.ts';
import { blankLines, ctx, mkCpu, readLines, SEED_PATH, seedSnapshot } from './helpers.ts';

const lines = blankLines(20);

function cpu(p: Parameters<typeof mkCpu>[0]) {
  const s = emptySnapshot();
  s.cpus.push(mkCpu({ thread: 't1', proc: 'p', lines: { runrun: 3 }, ...p }));
  return s;
}

describe('preemption-pending', () => {
  it('seed: CPU 1, RNRN only, high because pri-99 threads wait and ts_timeleft proves the kernel stay', () => {
    const fs = preemptionPending.run(ctx(seedSnapshot(), readLines(SEED_PATH))).findings;
    expect(fs).toHaveLength(1);
    expect(fs[0]!.cpu).toBe(1);
    expect(fs[0]!.severity).toBe('high');
    expect(fs[0]!.confidence).toBe('certain');
    expect(fs[0]!.message).toContain('the thread stays in the kernel (its ts_timeleft is -6618541');
  });

  it('RNRN, waiters above, but no kernel-loop evidence: low, inferred (SWITCH does not move on a re-pick)', () => {
    const [f] = preemptionPending.run(ctx(cpu({ id: 0, pri: 10, runrun: true, switchTicks: 9000, runq: [{ pri: 40, thread: 'w', proc: 'x', line: 5 }] }), lines)).findings;
    expect(f!.severity).toBe('low');
    expect(f!.confidence).toBe('inferred');
    expect(f!.message).toContain('may be a tick old');
  });

  it('quiet when nothing is requested, or the switch is recent', () => {
    expect(preemptionPending.run(ctx(cpu({ id: 0, pri: 0, runrun: false, kprunrun: false, switchTicks: 99999 }), lines)).findings).toEqual([]);
    expect(preemptionPending.run(ctx(cpu({ id: 0, pri: 0, runrun: true, switchTicks: 200 }), lines)).findings).toEqual([]);
  });

  it('KRNRN set and not honoured points at disabled kernel preemption', () => {
    const s = cpu({ id: 0, pri: 60, kprunrun: true, switchTicks: 5000, runq: [{ pri: 99, thread: 'w', proc: 'sched', line: 5 }] });
    const [f] = preemptionPending.run(ctx(s, lines)).findings;
    expect(f!.title).toContain('KRNRN');
    expect(f!.message).toContain('t_preempt');
    expect(f!.evidence.map((e) => e.line)).toEqual([3, 5]);
  });

  it('RNRN with nothing queued above is low (a lone CPU-bound thread can show it)', () => {
    const [f] = preemptionPending.run(ctx(cpu({ id: 0, pri: 10, runrun: true, switchTicks: 9000, runq: [] }), lines)).findings;
    expect(f!.severity).toBe('low');
  });

  it('notes a request whose age is not shown', () => {
    const r = preemptionPending.run(ctx(cpu({ id: 0, pri: 10, runrun: true, switchTicks: null }), lines));
    expect(r.findings).toEqual([]);
    expect(r.notes[0]!.message).toContain('SWITCH is not shown');
  });
});
