import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { baseName, frameNamed, ThreadIndex } from '../../src/rules/threads.ts';
import { frames, mkCpu, mkThread } from './helpers.ts';

describe('ThreadIndex', () => {
  // The CPUs' threads are indexed first; any other address falls back to the full index.
  const s = emptySnapshot();
  s.cpus.push(mkCpu({ id: 0, pri: 60, thread: 'aa10', runq: [{ pri: 99, thread: 'bb20', proc: 'sched', line: 1 }, { pri: 98, thread: 'dd40', proc: 'sched', line: 2 }] }));
  const running = mkThread('aa10');
  const queued = mkThread('bb20');
  const asleep = mkThread('cc30');
  s.threads.push(running, queued, asleep);
  const idx = new ThreadIndex(s);

  it('finds the threads the CPUs name and every other one', () => {
    expect(idx.get('aa10')).toBe(running);
    expect(idx.get('bb20')).toBe(queued);
    expect(idx.get('cc30')).toBe(asleep);
  });

  it('normalises the lookup key, not the stored addresses', () => {
    expect(idx.get(' 0xBB20 ')).toBe(queued);
    expect(idx.get('0xCC30')).toBe(asleep);
  });

  it('a queued address with no thread in the snapshot, an unknown one or none: null', () => {
    expect(idx.get('dd40')).toBeNull();
    expect(idx.get('ee50')).toBeNull();
    expect(idx.get(null)).toBeNull();
    expect(idx.get(undefined)).toBeNull();
  });
});

describe('frame names', () => {
  it('baseName strips any module prefix', () => {
    expect(baseName('swtch')).toBe('swtch');
    expect(baseName('unix`swtch')).toBe('swtch');
    expect(baseName('a`b`cv_wait')).toBe('cv_wait');
    expect(baseName('')).toBe('');
  });

  it('frameNamed returns the innermost frame with one of the names, prefixed or not', () => {
    const t = mkThread('aa10', { stack: frames([['unix`swtch', 1], ['genunix`turnstile_block', 2], ['mutex_vector_enter', 3]]) });
    expect(frameNamed(t, new Set(['mutex_vector_enter', 'turnstile_block']))?.line).toBe(2);
    expect(frameNamed(t, new Set(['rw_enter_sleep']))).toBeNull();
    expect(frameNamed(mkThread('bb20'), new Set(['swtch']))).toBeNull();
  });
});
