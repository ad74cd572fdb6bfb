import { describe, expect, it } from 'vitest';
import { addr } from '../../illumos/address.ts';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { priorityInversion } from '../../src/rules/priority-inversion.ts';
import { blankLines, ctx, frames, mkCpu, mkThread, readLines, SEED_PATH, seedSnapshot } from './helpers.ts';

const lines = blankLines(30);

describe('priority-inversion', () => {
  it('seed: nothing (no t_epri, no lock waiters)', () => {
    const r = priorityInversion.run(ctx(seedSnapshot(), readLines(SEED_PATH)));
    expect(r.findings).toEqual([]);
    expect(r.notes).toEqual([]);
  });

  it('a holder on a CPU with inherited priority: inheritance working, low', () => {
    const s = emptySnapshot();
    s.threads.push(mkThread('h', { pri: 40, epri: 99, state: 'onproc', onCpu: 0, lines: { epri: 5 } }));
    const [f] = priorityInversion.run(ctx(s, lines)).findings;
    expect(f!.severity).toBe('low');
    expect(f!.message).toContain('t_epri 99 above its t_pri 40');
    expect(f!.evidence.map((e) => e.line)).toEqual([5]);
  });

  it('a holder queued on a CPU whose thread stays in the kernel (ts_timeleft -50000 on the CPU): high', () => {
    const s = emptySnapshot();
    s.cpus.push(mkCpu({ id: 1, pri: 0, switchTicks: 50000, thread: 'spin', runq: [{ pri: 60, thread: 'h', proc: 'app', line: 8 }], lines: { pri: 7 } }));
    s.threads.push(mkThread('h', { pri: 20, epri: 60, state: 'run', queuedOn: 1, lines: { epri: 12 } }));
    s.threads.push(mkThread('spin', { pri: 0, state: 'onproc', onCpu: 1, tsTimeleft: -50000, lines: { tsTimeleft: 14 } }));
    const [f] = priorityInversion.run(ctx(s, lines)).findings;
    expect(f!.severity).toBe('high');
    expect(f!.cpu).toBe(1);
    expect(f!.evidence.map((e) => e.line)).toEqual([12, 7, 8, 14]); // t_epri first, the kernel stay's ts_timeleft last
  });

  it('the same queue with nothing proving the thread on the CPU stays (a re-picked user thread): medium', () => {
    const s = emptySnapshot();
    s.cpus.push(mkCpu({ id: 1, pri: 0, switchTicks: 50000, thread: 'spin', runq: [{ pri: 60, thread: 'h', proc: 'app', line: 8 }], lines: { pri: 7 } }));
    s.threads.push(mkThread('h', { pri: 20, epri: 60, state: 'run', queuedOn: 1, lines: { epri: 12 } }));
    const [f] = priorityInversion.run(ctx(s, lines)).findings;
    expect(f!.severity).toBe('medium');
    expect(f!.message).toContain('nothing proves the thread there keeps the CPU');
  });

  it('a holder queued on a CPU that switched a tick ago: the CPU is scheduling, low (it was medium)', () => {
    // An ordinary moment of a busy system: inheritance raised the holder to 60, RNRN is set over the
    // pri-59 thread running, and the holder runs at the CPU's next pick.
    const s = emptySnapshot();
    s.cpus.push(mkCpu({ id: 0, pri: 59, runrun: true, switchTicks: 1, thread: 'run', runq: [{ pri: 20, thread: 'h', proc: 'postgres', line: 8 }], lines: { pri: 7 } }));
    s.threads.push(mkThread('h', { pri: 20, epri: 60, state: 'run', queuedOn: 0, lines: { epri: 12 } }));
    const [f] = priorityInversion.run(ctx(s, lines)).findings;
    expect(f!.severity).toBe('low');
    expect(f!.message).toContain('inheritance should let it run soon');
  });

  it('no inheritance shown: quiet; lock waiters without owners give a note', () => {
    const s = emptySnapshot();
    s.threads.push(mkThread('h', { pri: 40, epri: 0 }));
    expect(priorityInversion.run(ctx(s, lines))).toEqual({ findings: [], notes: [] });
    s.threads.push(mkThread('w', { stack: frames([['swtch', 3], ['turnstile_block', 4], ['mutex_vector_enter', 5], ['zfs_zget', 6]]) }));
    const r = priorityInversion.run(ctx(s, lines));
    expect(r.findings).toEqual([]);
    expect(r.notes[0]!.message).toContain('no lock owners');
    // once ::mutex names an owner, the note says so instead of claiming none is shown
    s.waits = { edges: [], owners: [{ object: addr('ffffff0001'), kind: 'mutex', owner: addr('ffffff0a00'), readers: null, waiters: true, source: '::mutex', line: 9 }] };
    const withOwner = priorityInversion.run(ctx(s, lines));
    expect(withOwner.notes[0]!.message).toContain('shows 1 lock owner(s) but no inherited priorities');
    expect(withOwner.notes[0]!.message).not.toContain('no lock owners');
  });
});
