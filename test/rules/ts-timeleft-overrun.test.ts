import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { classifyOverrun, tsTimeleftOverrun } from '../../src/rules/ts-timeleft-overrun.ts';
import { blankLines, ctx, mkCpu, mkThread } from './helpers.ts';

const lines = blankLines(20);

function withTimeleft(tl: number) {
  const s = emptySnapshot();
  s.threads.push(mkThread('abc', { tsTimeleft: tl, lines: { tsTimeleft: 4 } }));
  return s;
}

describe('ts-timeleft-overrun', () => {
  it('classifies against SC_MAX_TICKS (2) and the threshold', () => {
    expect(classifyOverrun(5, 100)).toBeNull();
    expect(classifyOverrun(0, 100)).toBeNull();
    expect(classifyOverrun(-1, 100)).toBe('grace');
    expect(classifyOverrun(-2, 100)).toBe('grace');
    expect(classifyOverrun(-3, 100)).toBe('beyond-grace');
    expect(classifyOverrun(-99, 100)).toBe('beyond-grace');
    expect(classifyOverrun(-100, 100)).toBe('kernel-stay');
  });

  it('no finding for a quantum not used up', () => {
    expect(tsTimeleftOverrun.run(ctx(withTimeleft(12), lines)).findings).toEqual([]);
  });

  it('grace is info, beyond-grace low, kernel-stay high', () => {
    expect(tsTimeleftOverrun.run(ctx(withTimeleft(-2), lines)).findings[0]!.severity).toBe('info');
    expect(tsTimeleftOverrun.run(ctx(withTimeleft(-30), lines)).findings[0]!.severity).toBe('low');
    expect(tsTimeleftOverrun.run(ctx(withTimeleft(-6618541), lines)).findings[0]!.severity).toBe('high');
  });

  it('gives the overrun as time and cites the ts_timeleft line', () => {
    const [f] = tsTimeleftOverrun.run(ctx(withTimeleft(-360000), lines)).findings;
    expect(f!.message).toContain('360000 ticks (about 1 hour at hz 100');
    expect(f!.evidence).toEqual([{ line: 4, text: 'line 4' }]);
  });

  it('ties the thread to the CPU it runs on', () => {
    const s = withTimeleft(-5000);
    s.cpus.push(mkCpu({ id: 2, pri: 0, runrun: true, switchTicks: 5100, thread: 'abc', lines: { runrun: 9 } }));
    const [f] = tsTimeleftOverrun.run(ctx(s, lines)).findings;
    expect(f!.cpu).toBe(2);
    expect(f!.message).toContain('on CPU 2 (RNRN yes');
    expect(f!.message).toContain('SWITCH exceeds the overrun by 100 ticks');
    expect(f!.evidence.map((e) => e.line)).toEqual([4, 9]);
  });

  it('without ts_timeleft, says what would show it when a CPU looks stuck', () => {
    const s = emptySnapshot();
    s.cpus.push(mkCpu({ id: 0, pri: 0, runrun: true, switchTicks: 5000, lines: {} }));
    const r = tsTimeleftOverrun.run(ctx(s, lines));
    expect(r.findings).toEqual([]);
    expect(r.notes[0]!.message).toContain('ts_timeleft');
  });
});
