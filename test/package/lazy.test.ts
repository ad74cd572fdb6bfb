// lazy(): the stand-in builds its value once, on first use, and then behaves as the value.
import { describe, expect, it } from 'vitest';
import { lazy } from '../../grammar/common/lazy.ts';

class Counter {
  n = 0;
  input: string[] = [];
  bump(by: number): number {
    this.n += by;
    return this.n;
  }
}

describe('lazy', () => {
  it('builds nothing until a property is touched, then builds exactly once', () => {
    let built = 0;
    const c = lazy(() => {
      built++;
      return new Counter();
    });
    expect(built).toBe(0);
    expect(c.bump(2)).toBe(2);
    expect(c.bump(3)).toBe(5);
    expect(c.n).toBe(5);
    expect(built).toBe(1);
  });

  it('forwards writes to the instance and keeps methods bound to it', () => {
    const c = lazy(() => new Counter());
    c.input = ['a', 'b'];
    expect(c.input).toEqual(['a', 'b']);
    const bump = c.bump; // detached, as a callback would be
    expect(bump(4)).toBe(4);
    expect(c.n).toBe(4);
    expect(c instanceof Counter).toBe(true);
  });
});
