import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMutexWord } from '../../illumos/mutex.ts';
import { readRwlockWord } from '../../illumos/rwlock.ts';
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

describe('the rwlock word (rwlock_impl.h)', () => {
  it('write-locked: owner = rw_wwwh & RW_OWNER; otherwise the read hold count is rw_wwwh >> RW_HOLD_COUNT_SHIFT', () => {
    // B101 of the fixture: WRITE_LOCKED (4) and HAS_WAITERS (1) under the owner's address.
    expect(readRwlockWord(0xffffff0e1a2b4c45n)).toEqual({ type: 'write', owner: 0xffffff0e1a2b4c40n, waiters: true, writeWanted: false });
    // three readers (3 << 3 = 0x18) and a writer waiting (WRITE_WANTED 2 | HAS_WAITERS 1)
    expect(readRwlockWord(0x1bn)).toEqual({ type: 'read', readers: 3, waiters: true, writeWanted: true });
    expect(readRwlockWord(0n)).toEqual({ type: 'read', readers: 0, waiters: false, writeWanted: false });
  });

  it('RW_DOUBLE_LOCK (WRITE_LOCKED | READ_LOCK) is what rw_destroy leaves', () => {
    expect(readRwlockWord(0xcn)).toEqual({ type: 'destroyed' });
  });
});

describe('owners from ::print kmutex_t and krwlock_t', () => {
  // The three-thread cycle with its locks printed by ::print instead of ::mutex/::rwlock (lines 1-27
  // of cycle-rwlock-three.txt: the stacks; the mutex frames at 6 and 15, rw_enter_sleep at 24).
  const stacks = readFileSync(fixturePath('cycle-rwlock-three.txt'), 'utf8').split('\n').slice(0, 27);
  const print = (addr: string, type: string, word: string) => [`> ${addr}::print ${type}`, '{', `    _opaque = [ ${word} ]`, '}'];
  const text = [
    ...stacks,
    ...print('ffffff0e0c7d1a08', 'kmutex_t', '0xffffff0e1a8d3b41'), // lines 28-31, the word at 30
    ...print('ffffff0e0c7d1b10', 'kmutex_t', '0xffffff0e1b0c2a81'), // 32-35, word at 34
    ...print('ffffff0e11d3a2c8', 'krwlock_t', '0xffffff0e1a2b4c45'), // 36-39, word at 38
  ].join('\n');

  it('close the cycle through the rwlock, each owner said to be read from its word (high, inferred)', () => {
    const a = analyzeText(text + '\n', { source: 't' });
    expect(a.accounting.unrecognized).toBe(0);
    expect(a.snapshot.waits!.owners.map((o) => [o.object, o.kind, o.owner, o.source, o.line])).toEqual([
      ['ffffff0e0c7d1a08', 'mutex', 'ffffff0e1a8d3b40', 'word', 30],
      ['ffffff0e0c7d1b10', 'mutex', 'ffffff0e1b0c2a80', 'word', 34],
      ['ffffff0e11d3a2c8', 'rwlock', 'ffffff0e1a2b4c40', 'word', 38],
    ]);
    const [f, ...rest] = waitFindings(a);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'deadlock', severity: 'high', confidence: 'inferred' });
    expect(f!.message).toContain('the rwlock word read as owner = rw_wwwh & RW_OWNER (RW_WRITE_LOCKED set), no ::rwlock shown, line 38');
  });

  it('a word printed as the other kind of lock than its waiters block on is not used', () => {
    const wrong = [...stacks, ...print('ffffff0e11d3a2c8', 'kmutex_t', '0xffffff0e1a2b4c45')].join('\n');
    expect(analyzeText(wrong + '\n', { source: 't' }).snapshot.waits!.owners).toEqual([]);
  });

  it('a read-held rwlock word names no owner, only its readers', () => {
    const read = [...stacks, ...print('ffffff0e11d3a2c8', 'krwlock_t', '0x19')].join('\n');
    expect(analyzeText(read + '\n', { source: 't' }).snapshot.waits!.owners).toEqual([
      { object: 'ffffff0e11d3a2c8', kind: 'rwlock', owner: null, readers: 3, waiters: true, source: 'word', line: 30 },
    ]);
  });
});
