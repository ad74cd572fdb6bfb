import type { ThreadState } from '../../illumos/index.ts';
import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { classifyOverrun, tsTimeleftOverrun } from '../../src/rules/ts-timeleft-overrun.ts';
import { blankLines, ctx, mkCpu, mkThread } from './helpers.ts';

const lines = blankLines(20);

function withTimeleft(tl: number, state: ThreadState | null = 'onproc') {
  const s = emptySnapshot();
  s.threads.push(mkThread('abc', { tsTimeleft: tl, state, lines: { tsTimeleft: 4 } }));
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

  it('gives the overrun as charged ticks, then time, and cites the ts_timeleft line', () => {
    const [f] = tsTimeleftOverrun.run(ctx(withTimeleft(-360000), lines)).findings;
    expect(f!.message).toContain('360000 ticks (about 1 hour at hz 100, assumed) were charged to it past its quantum');
    expect(f!.title).toBe('Thread abc has stayed in the kernel 360000 charged ticks (about 1 hour) past its quantum (ts_timeleft -360000)');
    expect(f!.evidence).toEqual([{ line: 4, text: 'line 4' }]);
  });

  it('off the CPU a negative ts_timeleft is no finding: it survives a sleep', () => {
    for (const state of ['sleep', 'run', null] as const) {
      const r = tsTimeleftOverrun.run(ctx(withTimeleft(-360000, state), lines));
      expect(r.findings).toEqual([]);
      expect(r.notes).toHaveLength(1);
      expect(r.notes[0]!.message).toContain('survives a sleep');
    }
  });

  it('a thread pinned under an interrupt is on the CPU', () => {
    const s = withTimeleft(-5000, null);
    s.cpus.push(
      mkCpu({ id: 1, pri: 108, thread: 'it9', pil: [{ pil: 9, thread: 'it9', line: 11 }], pinned: { thread: 'abc', proc: 'qemu', line: 12 }, switchTicks: 5100, lines: { pri: 10 } }),
    );
    const [f] = tsTimeleftOverrun.run(ctx(s, lines)).findings;
    expect(f!.severity).toBe('high');
    expect(f!.message).toContain('on CPU 1, pinned under an interrupt thread');
    expect(f!.evidence.map((e) => e.line)).toContain(12);
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
