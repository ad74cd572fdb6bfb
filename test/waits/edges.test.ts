import { describe, expect, it } from 'vitest';
import { waitOf } from '../../src/model/waits.ts';
import type { StackFrame } from '../../src/model/snapshot.ts';
import { mkThread } from '../rules/helpers.ts';

function f(func: string, args: string[] | null, line: number): StackFrame {
  return { func, offset: null, args, fp: null, line };
}

describe('wait edges from blocking-primitive frames', () => {
  it('mutex_vector_enter under turnstile_block: the mutex, from arg 0, on the mutex_vector_enter line', () => {
    const t = mkThread('ffffff0d4a7e1c40', {
      stack: [
        f('swtch', [], 3),
        f('turnstile_block', ['0', '0', 'ffffff0d3b1f6e90', 'fffffffffbc09b40', '0', '0'], 4),
        f('mutex_vector_enter', ['ffffff0d3b1f6e90'], 5),
        f('mac_client_close', ['ffffff0d3b1f6e00', '0'], 6),
      ],
    });
    expect(waitOf(t)).toEqual({ thread: 'ffffff0d4a7e1c40', kind: 'mutex', primitive: 'mutex_vector_enter', object: 'ffffff0d3b1f6e90', site: 'mac_client_close', line: 5 });
  });

  it('rw_enter_sleep without its own argument takes turnstile_block sobj (arg 2)', () => {
    const t = mkThread('a1', { stack: [f('turnstile_block', ['0', '0', 'ffffff0e11d3a2c8', 'fffffffffbc09b60', '0', '0'], 7), f('rw_enter_sleep', null, 8), f('zfs_dirent_lock', null, 9)] });
    expect(waitOf(t)).toMatchObject({ kind: 'rwlock', object: 'ffffff0e11d3a2c8', line: 8, site: 'zfs_dirent_lock' });
  });

  it('cv_wait under zio_wait is a wait on the zio; under taskq_thread_wait a cv wait in taskq_thread_wait', () => {
    const z = mkThread('a2', { stack: [f('swtch', [], 1), f('cv_wait', ['fffffe0a4fd3e810', 'fffffe0a4fd3e808'], 2), f('zio_wait', ['fffffe0a4fd3e4b8'], 3), f('dsl_pool_sync', null, 4)] });
    expect(waitOf(z)).toMatchObject({ kind: 'zio', object: 'fffffe0a4fd3e4b8', primitive: 'zio_wait', line: 3, site: 'dsl_pool_sync' });
    const q = mkThread('a3', { stack: [f('cv_wait', ['fffffe0a1c02a1f8', 'fffffe0a1c02a1e8'], 5), f('taskq_thread_wait', null, 6)] });
    expect(waitOf(q)).toMatchObject({ kind: 'cv', object: 'fffffe0a1c02a1f8', site: 'taskq_thread_wait' });
  });

  it('sema_p under biowait is a wait on the buf', () => {
    const t = mkThread('a4', { stack: [f('sema_p', ['ffffff0f33a1c148'], 1), f('biowait', ['ffffff0f33a1c080'], 2), f('ufs_putapage', null, 3)] });
    expect(waitOf(t)).toMatchObject({ kind: 'buf', object: 'ffffff0f33a1c080' });
  });

  it('::stacks frames (no arguments) still give the kind and site, with no object', () => {
    const t = mkThread('a5', { stack: [f('swtch', null, 1), f('turnstile_block', null, 1), f('mutex_vector_enter', null, 1), f('ufs_getpage', null, 1)] });
    expect(waitOf(t)).toMatchObject({ kind: 'mutex', object: null, site: 'ufs_getpage' });
  });

  it('a running stack, or one whose first real frame is no primitive, is no wait', () => {
    expect(waitOf(mkThread('a6', { stack: [f('page_exists', ['1', '0'], 1), f('pageout_scanner', null, 2)] }))).toBeNull();
    expect(waitOf(mkThread('a7', { stack: [f('swtch', null, 1), f('lwp_park', null, 2)] }))).toBeNull();
  });
});

describe('t_wchan as the object', () => {
  it('fills a lock wait read without arguments, but not a zio wait (its wchan is the cv inside the zio)', () => {
    const m = mkThread('b1', { wchan: 'ffffff0f1a77c2d8', stack: [f('turnstile_block', null, 1), f('mutex_vector_enter', null, 2), f('ufs_getpage', null, 3)] });
    expect(waitOf(m)).toMatchObject({ kind: 'mutex', object: 'ffffff0f1a77c2d8', line: 2 });
    const z = mkThread('b2', { wchan: 'fffffe0a4fd3e810', stack: [f('cv_wait', null, 1), f('zio_wait', null, 2), f('dsl_pool_sync', null, 3)] });
    expect(waitOf(z)).toMatchObject({ kind: 'zio', object: null });
  });

  it('a thread with no stack, a t_wchan and a SOBJ waits on its wchan, cited on the wchan line', () => {
    const t = mkThread('b3', { wchan: 'ffffff0e11d3a2c8', sobj: 'RWLOCK', lines: { wchan: 12 } });
    expect(waitOf(t)).toEqual({ thread: 'b3', kind: 'rwlock', primitive: 't_wchan', object: 'ffffff0e11d3a2c8', site: null, line: 12 });
    expect(waitOf(mkThread('b4', { wchan: 'ffffff0e11d3a2c8', sobj: '<NONE>', lines: { wchan: 12 } }))).toBeNull();
  });
});
