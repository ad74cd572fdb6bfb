// The dispatcher's view of a CPU: under an interrupt, the pinned thread; RT vs interrupt range;
// which CPUs may steal.
import { asAddr } from '../model/loose.ts';
import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { canSteal, dispatched, priClass, rtLoaded } from '../../src/rules/dispatch.ts';
import { threadIndex } from '../../src/rules/threads.ts';
import { ctx, mkCpu, mkThread } from './helpers.ts';

describe('dispatched', () => {
  const intr = () =>
    mkCpu({ id: 1, pri: 108, thread: 'i9', proc: 'sched', pil: [{ pil: 9, thread: 'i9', line: 3 }], pinned: { thread: 'q', proc: 'qemu', line: 4 }, lines: { pri: 2 } });

  it('sees through an interrupt thread to the pinned thread, with a TS ceiling when t_pri is unknown', () => {
    const s = emptySnapshot();
    s.cpus.push(intr());
    s.threads.push(mkThread('q', { tsTimeleft: -5 }));
    const d = dispatched(s.cpus[0]!, threadIndex(s));
    expect(d).toMatchObject({ thread: 'q', pri: null, ceiling: 60, idle: false, line: 4, interrupt: { pil: 9, thread: 'i9', pri: 108 } });
  });

  it("uses the pinned thread's t_pri, and cpu_dispatch_pri over both when shown", () => {
    const s = emptySnapshot();
    s.cpus.push(intr());
    s.threads.push(mkThread('q', { pri: 0 }));
    expect(dispatched(s.cpus[0]!, threadIndex(s)).pri).toBe(0);
    const s2 = emptySnapshot();
    s2.cpus.push({ ...intr(), dispatchPri: 12 });
    s2.threads.push(mkThread('q', { pri: 0 }));
    expect(dispatched(s2.cpus[0]!, threadIndex(s2))).toMatchObject({ pri: 12, source: 'cpu_dispatch_pri' });
  });

  it('an interrupt over the idle thread leaves the CPU idle for the dispatcher', () => {
    const s = emptySnapshot();
    s.cpus.push({ ...intr(), pinned: { thread: asAddr('idl'), proc: '(idle)', line: 4 } });
    expect(dispatched(s.cpus[0]!, threadIndex(s))).toMatchObject({ pri: -1, idle: true });
  });
});

describe('priority bands and thieves', () => {
  it('RT is loaded when intr_pri is 159 or an interrupt thread shows 159 + PIL', () => {
    const s = emptySnapshot();
    expect(rtLoaded(ctx(s, []))).toBeNull();
    s.cpus.push(mkCpu({ id: 0, pri: 108, thread: 'i9', pil: [{ pil: 9, thread: 'i9', line: 1 }] }));
    expect(rtLoaded(ctx(s, []))).toBe(false);
    s.cpus[0]!.pri = 168;
    expect(rtLoaded(ctx(s, []))).toBe(true);
    expect(priClass(120, true)).toBe('RT range');
    expect(priClass(120, false)).toBe('interrupt range');
    expect(priClass(120, null)).toBe('RT or interrupt range');
    expect(priClass(170, null)).toBe('interrupt range');
  });

  it('only an idle, online, unquiesced CPU with nothing queued and no interrupt steals', () => {
    const s = emptySnapshot();
    const idle = (flags: number, names: string[]) => mkCpu({ id: 0, pri: -1, proc: '(idle)', nrun: 0, flags, flagNames: names });
    const idx = threadIndex(s);
    expect(canSteal(idle(0x1b, ['RUNNING', 'READY', 'EXISTS', 'ENABLE']), idx)).toBe(true);
    expect(canSteal(idle(0x2b, ['RUNNING', 'READY', 'EXISTS', 'OFFLINE']), idx)).toBe(false);
    // The bit alone is enough when the margin was not printed.
    expect(canSteal(idle(0x4b, []), idx)).toBe(false); // POWEROFF
    expect(canSteal(idle(0x11b, []), idx)).toBe(false); // SPARE
    expect(canSteal(idle(0x21b, []), idx)).toBe(false); // FAULTED
    expect(canSteal(idle(0x1f, []), idx)).toBe(false); // QUIESCED
    expect(canSteal(mkCpu({ id: 0, pri: 30, proc: 'make', nrun: 0 }), idx)).toBe(false);
  });
});
