// Mutexes, rwlocks, turnstiles and priority inheritance in the simulator: the new scenarios' end
// states (worked out by hand from their programs), their ::findstack -v frames, ::mutex text.
import { describe, expect, it } from 'vitest';
import { parseMutex } from '../../grammar/mutex/index.ts';
import { renderMutex } from '../../src/render/mutex.ts';
import { threadStack } from '../../src/sim/frames.ts';
import { summarize } from '../../src/sim/summary.ts';
import { emitTranscript } from '../../src/sim/transcript.ts';
import type { ScenarioFile } from '../../src/sim/scenario-types.ts';
import type { SimState, SimThread } from '../../src/sim/types.ts';
import { TS_ONPROC, TS_RUN, TS_SLEEP } from '../../src/sim/types.ts';
import { run, thread } from './helpers.ts';
import { analyzeText } from '../../src/analyze.ts';
import { checkSeed } from '../../src/sim/check.ts';
import { randomWorkload } from '../../src/sim/random-workload.ts';
import { runScenario } from '../../src/sim/run.ts';
import { validateScenario } from '../../src/sim/scenario-validate.ts';
import { numbered } from '../support/lines.ts';

const lockOf = (s: SimState, name: string) => {
  const l = s.locks.find((x) => x.name === name);
  if (l === undefined) throw new Error(`no lock ${name}`);
  return l;
};
const frames = (_s: SimState, t: SimThread): string[] =>
  threadStack(t, 16).frames.map((f) => `${f.func}+0x${(f.offset ?? 0).toString(16)}(${(f.args ?? []).join(', ')})`);

describe('deadlock-2', () => {
  const s = run('deadlock-2', { ticks: 100 });
  const a = thread(s, 'A');
  const b = thread(s, 'B');
  const ma = lockOf(s, 'm_a');
  const mb = lockOf(s, 'm_b');

  it('each holds one mutex and sleeps on the other; B (97) wills its priority to A (60)', () => {
    expect(ma.owner).toBe(a);
    expect(mb.owner).toBe(b);
    expect(a.blockedOn).toBe(mb);
    expect(b.blockedOn).toBe(ma);
    expect([a.state, b.state]).toEqual([TS_SLEEP, TS_SLEEP]);
    // A blocked at tick 6 (1 tick of kernel, a 5-tick sleep) while B slept: B is not raised (97 > 60).
    expect(a.blockedSince).toBe(6);
    expect(b.epri).toBe(0);
    // B blocked at tick 11 on m_a: A inherits 97, and the chain leads back to B: illumos panics.
    expect(b.blockedSince).toBe(11);
    expect(a.epri).toBe(97);
    expect(s.lockPanic).toEqual({ message: 'Deadlock: cycle in blocking chain', thread: b.addr, cpu: 1, tick: 11 });
  });

  it('::findstack -v frames: turnstile_block(ts, qnum, sobj, ops, mp, lwptp) under mutex_vector_enter(lp)', () => {
    // Each was the first to block on its mutex, so turnstile_lookup found no turnstile: ts is 0.
    expect(frames(s, a)).toEqual([
      '_resume_from_idle+0xf1()',
      'swtch+0x1e6()',
      `turnstile_block+0x1f6(0, 0, ${mb.addr}, fffffffffbc2c0a0, 0, 0)`,
      `mutex_vector_enter+0x36d(${mb.addr})`,
      ...frames(s, a).slice(4, 6),
      'thread_start+0x8()',
    ]);
    expect(frames(s, a)[4]).toMatch(/^zfs_zget\+0x1a0\([0-9a-f]{16}, 3f, [0-9a-f]{16}\)$/);
    expect(frames(s, b)[3]).toBe(`mutex_vector_enter+0x36d(${ma.addr})`);
    expect(frames(s, b)[4]).toMatch(/^dnode_hold_impl\+0x12e\(/);
  });

  it('expectedWaits names both threads and both mutexes by address', () => {
    expect(s.expectedWaits).toEqual([{ kind: 'deadlock', threads: [a.addr, b.addr], objects: [mb.addr, ma.addr] }]);
  });

  it('--emit mutex prints each mutex with its owner and waiters, and the transcript reads back', () => {
    const text = emitTranscript(s, ['findstack-v', 'mutex']);
    expect(text).toContain(
      `> ${ma.addr}::mutex\n            ADDR  TYPE             HELD MINSPL OLDSPL WAITERS\n${ma.addr} adapt ${a.addr}      -      -     yes\n`,
    );
    const an = analyzeText(text, { source: 'deadlock-2' });
    expect(an.accounting.unrecognized).toBe(0);
    const ta = an.snapshot.threads.find((t) => t.addr === a.addr);
    expect((ta?.stack ?? []).map((f) => f.func)).toEqual(['_resume_from_idle', 'swtch', 'turnstile_block', 'mutex_vector_enter', 'zfs_zget', 'zfs_vget', 'thread_start']);
    expect((ta?.stack ?? [])[2]?.args).toEqual(['0', '0', mb.addr, 'fffffffffbc2c0a0', '0', '0']);
  });
});

describe('rwlock-cycle-3', () => {
  const s = run('rwlock-cycle-3', { ticks: 100 });
  const [t1, t2, t3] = ['T1', 'T2', 'T3'].map((n) => thread(s, n)) as [SimThread, SimThread, SimThread];
  const rw = lockOf(s, 'rw');
  const m1 = lockOf(s, 'm1');
  const m2 = lockOf(s, 'm2');

  it('T1 reads rw and waits for m1 (T2), T2 waits for m2 (T3), T3 waits to write rw', () => {
    expect(rw.owner).toBeNull();
    expect(rw.readers).toEqual([t1]);
    expect([m1.owner, m2.owner]).toEqual([t2, t3]);
    expect([t1.blockedOn, t2.blockedOn, t3.blockedOn]).toEqual([m1, m2, rw]);
    expect(rw.queues[0]).toEqual([t3]); // writer queue
  });

  it('priority inheritance reaches T2 and T3 (99) but not past the read-held rwlock, and no panic', () => {
    expect([t1.epri, t2.epri, t3.epri]).toEqual([0, 99, 99]);
    expect(s.lockPanic).toBeNull();
  });

  it('T3 shows rw_enter_sleep(lp, RW_WRITER) under turnstile_block on the writer queue with rw_sobj_ops', () => {
    const f = frames(s, t3);
    expect(f[2]).toBe(`turnstile_block+0x1f6(0, 0, ${rw.addr}, fffffffffbc2c0e0, 0, 0)`);
    expect(f[3]).toBe(`rw_enter_sleep+0x1b1(${rw.addr}, 0)`);
    expect(f[4]).toMatch(/^vfs_rlock_wait\+0x1c\(/);
  });
});

describe('mutex-convoy', () => {
  const s = run('mutex-convoy', { ticks: 100 });
  const holder = thread(s, 'holder');
  const l = lockOf(s, 'vn_lock');
  const workers = s.threads.filter((t) => t.name.startsWith('worker#'));

  it('the owner runs holding the mutex at t_epri 80; all eight workers sleep on its turnstile', () => {
    expect(holder.state).toBe(TS_ONPROC);
    expect(l.owner).toBe(holder);
    expect(holder.epri).toBe(80);
    expect(workers).toHaveLength(8);
    expect(l.queues[0]).toHaveLength(8);
    for (const w of workers) expect(w.blockedOn).toBe(l);
  });

  it('the first to block passed ts 0 and donated its turnstile; the other seven passed that turnstile', () => {
    const ts = workers.map((w) => w.blockTs);
    const first = workers.filter((w) => w.blockTs === '0');
    expect(first).toHaveLength(1);
    expect(ts.filter((x) => x === first[0]?.tsAddr)).toHaveLength(7);
    expect(l.tsAddr).toBe(first[0]?.tsAddr);
  });

  it('renders ::mutex with WAITERS yes', () => {
    expect(emitTranscript(s, ['mutex'])).toBe(
      `> ${l.addr}::mutex\n            ADDR  TYPE             HELD MINSPL OLDSPL WAITERS\n${l.addr} adapt ${holder.addr}      -      -     yes\n`,
    );
  });
});

describe('pageout-chain', () => {
  const s = run('pageout-chain', { ticks: 6000 });
  it('the zio_write_intr workers are still queued after 60 s; the chain is named by address', () => {
    const zio = s.threads.filter((t) => t.name.startsWith('zio_write_intr'));
    expect(zio.map((t) => t.state)).toEqual([TS_RUN, TS_RUN, TS_RUN, TS_RUN]);
    const [w] = s.expectedWaits;
    expect(w?.kind).toBe('wait-chain');
    expect(w?.threads).toHaveLength(3 + 1 + 1 + 4 + 1);
    // The allocators' cv_wait names the first object; txg_sync_thread's zio_wait the last.
    const alloc1 = thread(s, 'allocator#1');
    expect(threadStack(alloc1, 16).frames[2]?.args?.[0]).toBe(w?.objects[0]);
    expect(threadStack(thread(s, 'txg_sync_thread'), 16).frames[3]?.args?.[0]).toBe(w?.objects[2]);
    // Its ::findstack -v blocks include every sleeper the chain names.
    const text = emitTranscript(s, ['findstack-v'], { maxStacks: Infinity });
    for (const n of ['pageout', 'txg_sync_thread', 'allocator#3']) expect(text).toContain(`> ${thread(s, n).addr}::findstack -v`);
  });
});

describe('lock semantics', () => {
  const base = (threads: ScenarioFile['threads']): ScenarioFile => ({ name: 't', description: '', params: { hz: 100 }, cpus: 1, threads });

  it('mutex_exit wakes every waiter; they retry and each gets the mutex in turn', () => {
    const s = run(base([
      { name: 'h', class: 'SYS', pri: 60, program: [{ lock: 'm' }, { sleep: 5 }, { unlock: 'm' }, { sleep: 'forever' }] },
      { name: 'w', count: 3, class: 'SYS', pri: 70, program: [{ sleep: 1 }, { lock: 'm' }, { kernel: 2 }, { unlock: 'm' }, { sleep: 'forever' }] },
    ]), { ticks: 100 });
    const l = lockOf(s, 'm');
    expect(l.owner).toBeNull();
    expect(l.waiters).toBe(0);
    expect(s.threads.filter((t) => t.name.startsWith('w#')).map((t) => [t.blockedOn, t.epri, t.runTicks])).toEqual([[null, 0, 2], [null, 0, 2], [null, 0, 2]]);
    expect(thread(s, 'h').epri).toBe(0);
  });

  it('rw_exit hands a free rwlock to the waiting writer', () => {
    const s = run(base([
      { name: 'r', class: 'SYS', pri: 60, program: [{ read: 'rw' }, { sleep: 5 }, { rwExit: 'rw' }, { sleep: 'forever' }] },
      { name: 'w', class: 'SYS', pri: 60, program: [{ sleep: 1 }, { write: 'rw' }, { sleep: 'forever' }] },
    ]), { ticks: 20 });
    const l = lockOf(s, 'rw');
    expect(l.owner).toBe(thread(s, 'w'));
    expect(l.readers).toEqual([]);
    expect(thread(s, 'w').blockedOn).toBeNull();
  });

  it('summary lists each lock with its owner, t_epri and waiters', () => {
    const sum = summarize(run('mutex-convoy', { ticks: 100 }));
    expect(sum.locks.map((l) => [l.name, l.kind, l.ownerEpri, l.waiters.length])).toEqual([['vn_lock', 'mutex', 80, 8]]);
  });
});

describe('renderMutex', () => {
  it('matches the hand-written ::mutex fixture byte for byte and parses back to the same record', () => {
    const fixture = [
      '            ADDR  TYPE             HELD MINSPL OLDSPL WAITERS',
      'ffffff01d2c35c10 adapt ffffff01d5a600c0      -      -     yes',
      '            ADDR  TYPE             HELD MINSPL OLDSPL WAITERS',
      'ffffff01d2c35c50 adapt               no      -      -      no',
      '            ADDR  TYPE             HELD MINSPL OLDSPL WAITERS',
      'fffffffffbc4a580  spin              yes     11      0       -',
    ].join('\n') + '\n';
    const views = [
      { addr: 'ffffff01d2c35c10', type: 'adapt', owner: 'ffffff01d5a600c0', held: true, minspl: null, oldspl: null, waiters: true },
      { addr: 'ffffff01d2c35c50', type: 'adapt', owner: null, held: false, minspl: null, oldspl: null, waiters: false },
      { addr: 'fffffffffbc4a580', type: 'spin', owner: null, held: true, minspl: 11, oldspl: 0, waiters: null },
    ];
    const text = views.map((v) => renderMutex(v)).join('');
    expect(text).toBe(fixture);
    const parsed = parseMutex(numbered(text.split('\n').filter((x) => x !== '')), {} as never);
    expect(parsed.unrecognized).toEqual([]);
    expect(parsed.records.map((r) => {
      const { kind: _k, line: _l, ...rest } = r as unknown as Record<string, unknown>;
      return rest;
    })).toEqual(views);
  });
});

describe('sim --check with locks', () => {
  it('random workloads with blocked mutex and rwlock waiters (and a cycle) round-trip through ::findstack -v and ::mutex', () => {
    for (const seed of [19, 61]) {
      const w = randomWorkload(seed);
      const r = runScenario(w.scenario, { seed, ticks: w.ticks });
      if (!r.ok) throw new Error(r.errors.join('; '));
      const kinds = new Set(r.state.threads.flatMap((t) => (t.blockedOn === null ? [] : [t.blockedOn.kind])));
      expect([...kinds].sort()).toEqual(['mutex', 'rwlock']);
      expect(r.state.lockPanic).not.toBeNull();
      expect(checkSeed(seed)).toBeNull();
    }
  });
});

describe('lock step validation', () => {
  const scn = (program: unknown[]): unknown => ({ name: 'v', description: '', cpus: 1, threads: [{ name: 'x', class: 'SYS', program }] });
  it('refuses a release of a lock the program has not taken, and one name used as both kinds', () => {
    const a = validateScenario(scn([{ unlock: 'm' }, { sleep: 1 }]));
    expect(a.ok ? [] : a.errors).toEqual([`threads[0].program[0].unlock: 'm' is not taken earlier in this program`]);
    const b = validateScenario(scn([{ lock: 'm' }, { rwExit: 'm' }, { sleep: 1 }]));
    expect(b.ok ? [] : b.errors).toEqual([`threads[0].program[1].rwExit: 'm' is used as a mutex elsewhere`]);
    expect(validateScenario(scn([{ read: 'rw', at: ['f+0x1(@a)'] }, { kernel: 1 }, { rwExit: 'rw' }, { sleep: 1 }])).ok).toBe(true);
  });
});
