import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { taskqStarvation } from '../../src/rules/taskq-starvation.ts';
import { blankLines, ctx, frames, mkCpu, mkThread, readLines, SEED_PATH, seedSnapshot } from './helpers.ts';

const lines = blankLines(60);
const TQ_STACK = frames([['swtch', 20], ['cv_wait', 21], ['taskq_thread_wait', 22], ['taskq_thread', 23], ['thread_start', 24]]);

/** Comment 6 of the ticket: a zio_write_intr worker at 99 queued behind pageout_scanner at 97. */
function comment6(withPageout: boolean) {
  const s = emptySnapshot();
  s.cpus.push(
    mkCpu({ id: 0, pri: 97, runrun: true, switchTicks: 45000, thread: 'scan', proc: 'pageout', runq: [{ pri: 99, thread: 'zw', proc: 'sched', line: 5 }], lines: { pri: 3 } }),
  );
  s.threads.push(mkThread('zw', { pri: 99, state: 'run', queuedOn: 0, desc: 'tq:zio_write_intr', stack: TQ_STACK, lines: { desc: 19 } }));
  if (withPageout) {
    s.threads.push(
      // pageout pushing a page through ZFS and waiting for the write: really waiting on I/O.
      mkThread('po', { state: 'sleep', stack: frames([['swtch', 40], ['cv_wait', 41], ['zio_wait', 42], ['zfs_putpage', 43], ['pageout', 44], ['thread_start', 45]]) }),
      mkThread('ss', { state: 'sleep', stack: frames([['swtch', 50], ['cv_wait', 51], ['zio_wait', 52], ['dsl_pool_sync', 53], ['spa_sync', 54], ['txg_sync_thread', 55], ['thread_start', 56]]) }),
    );
  }
  return s;
}

describe('taskq-starvation', () => {
  it('seed: no taskq threads, no finding', () => {
    expect(taskqStarvation.run(ctx(seedSnapshot(), readLines(SEED_PATH))).findings).toEqual([]);
  });

  it('the comment-6 pattern: a ZIO taskq starved while pageout and spa_sync wait', () => {
    const [f] = taskqStarvation.run(ctx(comment6(true), lines)).findings;
    expect(f!.severity).toBe('high');
    expect(f!.title).toContain('comment 6');
    expect(f!.threads).toEqual(['zw', 'po', 'ss']);
    expect(f!.message).toContain('zio_write_intr');
    expect(f!.evidence.map((e) => e.line)).toEqual(expect.arrayContaining([3, 5, 23, 42, 52]));
    expect(f!.references).toContain('https://www.illumos.org/issues/7232');
  });

  it('pageout asleep in its own start function is not waiting on I/O', () => {
    const s = comment6(true);
    s.threads[1]!.stack = frames([['swtch', 40], ['cv_wait', 41], ['pageout', 42], ['thread_start', 43]]);
    const [f] = taskqStarvation.run(ctx(s, lines)).findings;
    // spa_sync in zio_wait still makes the pattern; the idle pageout thread is not part of it.
    expect(f!.threads).toEqual(['zw', 'ss']);
    s.threads.pop();
    const [g] = taskqStarvation.run(ctx(s, lines)).findings;
    expect(g!.title).not.toContain('comment 6');
  });

  it('a starved taskq without the I/O waiters is a plain finding', () => {
    const [f] = taskqStarvation.run(ctx(comment6(false), lines)).findings;
    expect(f!.title).not.toContain('comment 6');
    expect(f!.confidence).toBe('inferred');
  });

  it('behind higher-priority kernel work: t_disp_time bounds the wait (last ran), never exact', () => {
    const s = emptySnapshot();
    s.cpus.push(mkCpu({ id: 0, pri: 99, switchTicks: 9000, thread: 'k', runq: [{ pri: 60, thread: 'tq', proc: 'sched', line: 5 }], lines: { pri: 3 } }));
    s.threads.push(mkThread('tq', { stack: TQ_STACK }));
    expect(taskqStarvation.run(ctx(s, lines)).findings[0]!.confidence).toBe('inferred');
    s.tunables['panic_lbolt64'] = 10000;
    s.threads[0]!.dispTime = 9990;
    // It ran 10 ticks ago, so it cannot have waited longer.
    expect(taskqStarvation.run(ctx(s, lines)).findings).toEqual([]);
    s.threads[0]!.dispTime = 1000;
    const [f] = taskqStarvation.run(ctx(s, lines)).findings;
    expect(f!.confidence).toBe('inferred');
    expect(f!.message).toContain('at most 9000 ticks');
  });

  it('quiet when the CPU switched recently', () => {
    const s = comment6(true);
    s.cpus[0]!.switchTicks = 10;
    expect(taskqStarvation.run(ctx(s, lines)).findings).toEqual([]);
  });

  it('quiet behind a user-priority thread of higher priority (not kernel work)', () => {
    const s = emptySnapshot();
    s.cpus.push(mkCpu({ id: 0, pri: 59, switchTicks: 9000, thread: 'u', runq: [{ pri: 40, thread: 'tq', proc: 'sched', line: 5 }] }));
    s.threads.push(mkThread('tq', { stack: TQ_STACK }));
    expect(taskqStarvation.run(ctx(s, lines)).findings).toEqual([]);
  });
});
