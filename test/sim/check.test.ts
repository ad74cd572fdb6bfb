// The cross-check in CI: a smaller count than `sim --check --seeds 500`, same machinery.
import { describe, expect, it } from 'vitest';
import { checkSeed, firstDifference, runCheck } from '../../src/sim/check.ts';

describe('sim --check', () => {
  it('passes render/parse round trips, invariants and fast-forward exactness for 25 random workloads', () => {
    const r = runCheck(1, 25);
    expect(r.mismatches).toEqual([]);
    expect(r.passed).toBe(25);
  });
  it('checkSeed is deterministic', () => {
    expect(checkSeed(7)).toBeNull();
    expect(checkSeed(7)).toBeNull();
  });
});

describe('firstDifference', () => {
  it('names the first differing field by path', () => {
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }, 'x')).toEqual({ path: 'x.a[1].b', a: '2', b: '3' });
    expect(firstDifference([1, 2], [1], 'y')).toEqual({ path: 'y.length', a: '2', b: '1' });
    expect(firstDifference({ a: null }, { a: null }, 'z')).toBeNull();
  });
});
