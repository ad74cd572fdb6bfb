// Triage signatures of hangs: the strongest wait finding's shape (a chain's head and what stops
// it, a cycle's object kinds, a convoy's object and site) is part of the key, worked out from the
// hand-written wait fixtures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { computeSignature } from '../../src/triage/signature.ts';
import { analyzeFixture } from '../waits/helpers.ts';

const key = (name: string) => computeSignature(analyzeFixture(name)).key;

describe('wait shapes in triage signatures', () => {
  it('a mutex deadlock groups the same whether or not the panic was pasted', () => {
    expect(key('deadlock-two-mutex-panic.txt')).toBe('v4|deadlock|-||deadlock:mutex,mutex');
    expect(key('deadlock-two-mutex.txt')).toBe(key('deadlock-two-mutex-panic.txt'));
    expect(key('cycle-rwlock-three.txt')).toBe('v4|deadlock|-||deadlock:mutex,mutex,rwlock');
  });

  it('a convoy names its object kind and where its waiters wait', () => {
    expect(key('convoy-mutex.txt')).toBe('v4|lock-convoy|-||convoy:mutex@ufs_getpage');
  });

  it('comment 6 of #1532: the chain head is the runnable ZIO taskq thread', () => {
    const s = computeSignature(analyzeFixture('seed-comment6-chain.txt'));
    expect(s.wait).toBe('chain:tq:zio_write_intr/runnable');
    expect(s.key.endsWith('|chain:tq:zio_write_intr/runnable')).toBe(true);
  });

  it('a report with no wait finding keeps the key without a wait part', () => {
    const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
    const s = computeSignature(analyzeText(seed, { source: 'seed' }));
    expect(s.wait).toBeNull();
    expect(s.key.split('|')).toHaveLength(4);
  });
});
