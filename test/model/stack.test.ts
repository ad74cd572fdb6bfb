// SharedStacks' compact store: one frame object per (function, offset, saved mark), one array per
// distinct stack, and the same array again for a stack seen before, however many there are.
import { describe, expect, it } from 'vitest';
import type { StackFrame } from '../../src/model/snapshot.ts';
import { SharedStacks } from '../../src/model/stack.ts';

const frame = (func: string, offset: number | null, saved = false): StackFrame =>
  saved ? { func, offset, args: ['1'], fp: 'ffffff0007e01850', saved: true, line: 9 } : { func, offset, args: ['1'], fp: 'ffffff0007e01870', line: 9 };

const shape = (s: readonly StackFrame[]) => s.map((f) => [f.func, f.offset, f.saved === true]);

describe('SharedStacks', () => {
  it('shares frames between distinct stacks and keeps only functions, offsets and the saved mark', () => {
    const st = new SharedStacks();
    const a = st.share([frame('_resume_from_idle', 0xf1, true), frame('swtch', 0x141), frame('cv_wait', 0x7f)]);
    const b = st.share([frame('_resume_from_idle', 0xf1, true), frame('swtch', 0x141), frame('cv_wait', 0x70)]);
    expect(a).not.toBe(b);
    expect(a[0]).toBe(b[0]);
    expect(a[1]).toBe(b[1]);
    expect(a[2]).not.toBe(b[2]);
    expect(a[0]).toEqual({ func: '_resume_from_idle', offset: 0xf1, args: null, fp: null, saved: true, line: 0 });
    expect(a[2]).toEqual({ func: 'cv_wait', offset: 0x7f, args: null, fp: null, line: 0 });
  });

  it('tells a saved-PC frame from a plain one with the same function and offset', () => {
    const st = new SharedStacks();
    const a = st.share([frame('swtch', 0x141, true)]);
    const b = st.share([frame('swtch', 0x141)]);
    expect(a).not.toBe(b);
    expect(shape(b)).toEqual([['swtch', 0x141, false]]);
  });

  it('finds each of 30,000 stacks again, and a prefix or an extension is another stack', () => {
    const st = new SharedStacks();
    const make = (i: number): StackFrame[] => [frame('swtch', 0x141), frame(`f${i % 997}`, i % 13), frame('g', i % 31 === 0 ? null : i % 31), frame('thread_start', 8)];
    const first = Array.from({ length: 30_000 }, (_, i) => st.share(make(i)));
    // (i % 997, i % 13, i % 31) repeats with period 997 * 13 * 31 = 401,791: all 30,000 are distinct.
    expect(new Set(first).size).toBe(30_000);
    for (let i = 0; i < 30_000; i++) {
      const again = st.share(make(i));
      expect(again).toBe(first[i]);
      expect(shape(again)).toEqual(shape(make(i)));
    }
    const base = make(5);
    expect(st.share(base.slice(0, 3))).not.toBe(first[5]);
    expect(st.share([...base, frame('x', 1)])).not.toBe(first[5]);
    expect(st.share([])).toEqual([]);
    expect(st.share([])).toBe(st.share([]));
  });
});
