// Class behaviour the dispatcher spec states: the TS table's decay, the unrefilled quantum of a
// thread that keeps its CPU, ts_update's boost of waiting threads, SDC preemption ignoring
// kpreemptpri, and interrupt threads at intr_pri + PIL.
import { describe, expect, it } from 'vitest';
import { defaultTsTable } from '../../src/sim/ts-table.ts';
import type { ScenarioFile } from '../../src/sim/scenario-types.ts';
import { run, thread } from './helpers.ts';

function one(threads: ScenarioFile['threads'], extra: Partial<ScenarioFile> = {}): ScenarioFile {
  return { name: 'unit', description: 'hand-built', params: { hz: 100, kpreemptpri: 100, era: 'G20' }, cpus: 1, threads, ...extra };
}

describe('the default TS dispatch table', () => {
  const ts = defaultTsTable();
  it('has the documented rows', () => {
    expect([ts.quantum[0], ts.tqexp[0], ts.slpret[0], ts.maxwait[0], ts.lwait[0]]).toEqual([20, 0, 50, 0, 50]);
    expect([ts.quantum[29], ts.tqexp[29], ts.slpret[29]]).toEqual([12, 19, 52]);
    expect([ts.quantum[59], ts.tqexp[59], ts.slpret[59], ts.maxwait[59], ts.lwait[59]]).toEqual([2, 49, 59, 32000, 59]);
    expect(ts.maxumdpri).toBe(59);
  });
  it('takes a CPU hog from 59 to 0 in six expiries', () => {
    const levels = [59];
    while (levels[levels.length - 1] !== 0) levels.push(ts.tqexp[levels[levels.length - 1]!]!);
    expect(levels).toEqual([59, 49, 39, 29, 19, 9, 0]);
  });
});

describe('ts_tick for a thread that never leaves the kernel', () => {
  it('decays to pri 0 and counts ts_timeleft down by one per tick without refilling it', () => {
    const s = run(one([{ name: 'spin', proc: 'spin', class: 'TS', pri: 59, program: [{ kernel: 'forever' }] }]), { ticks: 1000 });
    const t = thread(s, 'spin');
    expect(t.pri).toBe(0);
    // From level 59: quantum 2, then it expires every tick: 2 - 1000 at tick 1000.
    expect(t.tsTimeleft).toBe(2 - 1000);
    expect(s.cpus[0]!.runrun).toBe(true); // cpu_surrender on every expiry...
    expect(s.cpus[0]!.kprunrun).toBe(false); // ...but nothing waits at kpreemptpri
    expect(s.lbolt - s.cpus[0]!.lastSwtch).toBe(1000);
  });

  it('in user mode takes the RNRN preemption at each expiry: a new quantum, but alone it is picked again', () => {
    const s = run(one([{ name: 'hog', proc: 'hog', class: 'TS', pri: 0, program: [{ user: 1_000_000 }] }]), { ticks: 1000 });
    const t = thread(s, 'hog');
    expect(s.cpus[0]!.thread).toBe(t);
    // 20-tick quanta at level 0: after 1000 ticks the quantum was just refilled.
    expect(t.tsTimeleft).toBeGreaterThan(0);
    expect(t.tsTimeleft).toBeLessThanOrEqual(20);
    expect(t.dispatches).toBeGreaterThan(40);
    // Re-picking the same thread is not a switch: SWITCH keeps growing (dispatcher-spec 5.6).
    expect(s.lbolt - s.cpus[0]!.lastSwtch).toBe(1000);
    expect(s.cpus[0]!.runrun).toBe(false);
  });
});

describe('ts_update once a second', () => {
  it('boosts a TS thread waiting in a queue to its lwait level', () => {
    const s = run(
      one([
        { name: 'kernel-hog', class: 'SYS', pri: 60, program: [{ kernel: 'forever' }] },
        { name: 'waiter', proc: 'w', class: 'TS', pri: 10, cpu: 0, program: [{ user: 5 }, { sleep: 5 }] },
      ]),
      { ticks: 150 },
    );
    const w = thread(s, 'waiter');
    expect(w.pri).toBe(51); // ts_lwait of level 10 (a TS boost can never reach a kernel priority)
    expect(w.dispatches).toBe(0);
    expect(s.lbolt - w.waitrq).toBe(150); // the re-queue by ts_update kept t_waitrq
  });
});

describe('SDC preemption (cpu_surrender compares priorities, ignoring kpreemptpri)', () => {
  const scn = (cls: 'SDC' | 'SYS'): ScenarioFile =>
    one(
      [
        { name: 'runner', class: cls, proc: 'zpool-tank', lwp: true, ...(cls === 'SYS' ? { pri: 98 } : {}), program: [{ kernel: 'forever' }] },
        { name: 'peer', class: 'SYS', pri: 98, start: 'wait', program: [{ wait: true }, { kernel: 1 }] },
      ],
      { interrupts: [{ cpu: 0, pil: 5, every: 50, start: 20, wakes: ['peer'] }], params: { hz: 100, kpreemptpri: 100, era: 'G20' } },
    );
  it('an SDC thread in the kernel yields to an equal-priority waiter within two ticks at kpreemptpri 100', () => {
    const s = run(scn('SDC'), { ticks: 1000 });
    const peer = thread(s, 'peer');
    expect(peer.dispatches).toBeGreaterThan(10);
    expect(peer.maxWait).toBeLessThanOrEqual(2);
  });
  it('a SYS thread at the same priority is never kernel-preempted', () => {
    const s = run(scn('SYS'), { ticks: 1000 });
    expect(thread(s, 'peer').dispatches).toBe(0);
  });
});

describe('interrupt threads', () => {
  it('run at intr_pri + PIL (108 for PIL 9 without RT, 168 with RT) and pin the running thread', () => {
    for (const [rt, pri] of [[false, 108], [true, 168]] as const) {
      const scn = one([{ name: 'k', class: 'SYS', pri: 60, program: [{ kernel: 'forever' }] }], {
        interrupts: [{ cpu: 0, pil: 9, every: 1000, start: 5, service: 10 }],
      });
      scn.params!.rtLoaded = rt;
      const s = run(scn, { ticks: 8 });
      const c = s.cpus[0]!;
      expect(c.thread.pri).toBe(pri);
      expect(c.intr[0]!.pinned!.name).toBe('k');
      expect(c.dispatchPri).toBe(60);
    }
  });
  it('charge nobody for the clock samples they cover', () => {
    const scn = one([{ name: 'spin', proc: 'spin', class: 'TS', pri: 0, program: [{ kernel: 'forever' }] }], {
      interrupts: [{ cpu: 0, pil: 5, every: 100, start: 50, service: 3 }],
    });
    const s = run(scn, { ticks: 1000 });
    // 10 interrupts (ticks 50, 150, ... 950) of 3 samples each: 30 ticks not charged.
    expect(thread(s, 'spin').tsTimeleft).toBe(20 - (1000 - 30));
  });
});
