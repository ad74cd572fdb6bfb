import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMutexWord } from '../../illumos/mutex.ts';
import { analyzeText } from '../../src/analyze.ts';
import { chainLines } from '../../src/report/chains.ts';
import { fixturePath, waitFindings } from './helpers.ts';

describe('the adaptive mutex word (mutex_impl.h)', () => {
  it('owner = word & MUTEX_THREAD (-0x8), MUTEX_WAITERS in bit 0', () => {
    expect(readMutexWord(0xffffff0d4a9f3b81n)).toEqual({ type: 'adaptive', owner: 0xffffff0d4a9f3b80n, waiters: true });
    expect(readMutexWord(0xffffff0d4a9f3b80n)).toEqual({ type: 'adaptive', owner: 0xffffff0d4a9f3b80n, waiters: false });
    expect(readMutexWord(0n)).toEqual({ type: 'adaptive', owner: null, waiters: false });
  });

  it('a first byte of 0xff is a spin mutex (m_dummylock); low bits 0x6 a destroyed one (MUTEX_DEAD)', () => {
    expect(readMutexWord(0x000b0000000000ffn)).toEqual({ type: 'spin' });
    expect(readMutexWord(0xffffff0d4a9f3b86n)).toEqual({ type: 'dead' });
  });
});

describe('owners from mutex words', () => {
  // The two-thread deadlock with each mutex printed by /J instead of ::mutex.
  const stacks = readFileSync(fixturePath('deadlock-two-mutex.txt'), 'utf8').split('\n').slice(0, 21);
  const text = [...stacks, '> ffffff0d3b1f6e90/J', '0xffffff0d3b1f6e90:             ffffff0d4a9f3b81', '> ffffff0d3c2a8b40/J', '0xffffff0d3c2a8b40:             ffffff0d4a7e1c41'].join('\n');

  it('close the cycle, said to be read from the word: high and inferred, not critical', () => {
    const a = analyzeText(text, { source: 't' });
    const [f, ...rest] = waitFindings(a);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'deadlock', severity: 'high', confidence: 'inferred' });
    expect(f!.evidence.map((e) => e.line)).toEqual([6, 16, 23, 25]);
    expect(f!.message).toContain('the mutex word read as owner = word & MUTEX_THREAD, no ::mutex shown, line 23');
    expect(chainLines(a, f!)![2]).toBe('    -> ffffff0d4a9f3b80 (i_mac_notify_thread) [inferred, line 23]');
  });

  it('a word at an address nobody waits on is not read as a mutex', () => {
    const a = analyzeText([...stacks, '> ffffff0d3b1f6f00/J', '0xffffff0d3b1f6f00:             ffffff0d4a9f3b81'].join('\n'), { source: 't' });
    expect(a.snapshot.waits?.owners).toEqual([]);
  });
});
