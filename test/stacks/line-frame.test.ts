// A fast-path frame keeps its line and cuts the frame pointer and arguments out when read: what
// it answers, prints as JSON and compares equal to must be the frame the grammar reads.
import { describe, expect, it } from 'vitest';
import { fastFrameLine } from '../../grammar/frames/fast.ts';
import { frameArg, LineFrame, plainFrame } from '../../grammar/frames/line-frame.ts';

describe('LineFrame', () => {
  // Line 110 of the seed report, with its leading spaces.
  const text = '  ffffff0007e01bc0 cv_wait+0x7f(ffffff01d6fd5b60, ffffff01d6fd5ac0)';

  it('reads the frame pointer and arguments from its line', () => {
    const f = fastFrameLine(text, 110);
    expect(f).toBeInstanceOf(LineFrame);
    expect(f?.fp).toBe('ffffff0007e01bc0');
    expect(f?.func).toBe('cv_wait');
    expect(f?.offset).toBe(0x7f);
    expect(f?.args).toStrictEqual(['ffffff01d6fd5b60', 'ffffff01d6fd5ac0']);
    expect(f?.line).toBe(110);
  });

  it('gives [] for no arguments and a fresh array on each read', () => {
    const none = fastFrameLine('  fffffcc26cacebe0 swtch+0x141()   ', 3);
    expect(none?.args).toStrictEqual([]);
    expect(none?.fp).toBe('fffffcc26cacebe0');
    const f = fastFrameLine(text, 1);
    const a = f?.args;
    a?.push('changed');
    expect(f?.args).toStrictEqual(['ffffff01d6fd5b60', 'ffffff01d6fd5ac0']);
  });

  it('cuts one argument at a time, for any frame', () => {
    const f = fastFrameLine(text, 110)!;
    expect([0, 1, 2].map((i) => frameArg(f, i))).toStrictEqual(['ffffff01d6fd5b60', 'ffffff01d6fd5ac0', undefined]);
    expect(frameArg(fastFrameLine('  fffffcc26cacebe0 swtch+0x141()', 3)!, 0)).toBeUndefined();
    expect(frameArg({ args: ['1', '2'] }, 1)).toBe('2');
    expect(frameArg({ args: null }, 0)).toBeUndefined();
  });

  it('prints as the plain frame in JSON, without its line text', () => {
    const f = fastFrameLine(text, 110);
    expect(JSON.parse(JSON.stringify(f))).toStrictEqual({
      fp: 'ffffff0007e01bc0',
      func: 'cv_wait',
      offset: 0x7f,
      args: ['ffffff01d6fd5b60', 'ffffff01d6fd5ac0'],
      line: 110,
    });
    expect(f === null ? null : Object.keys(plainFrame(f))).toStrictEqual(['fp', 'func', 'offset', 'args', 'line']);
    // A frame that is already plain (the grammar's, a saved-PC frame) comes back as it is.
    const saved = { fp: 'ffffff0007e01850', func: 'swtch', offset: 0x141, args: [], line: 109, saved: true };
    expect(plainFrame(saved)).toBe(saved);
  });

  it('compares equal to a plain frame only when every field agrees', () => {
    const f = fastFrameLine(text, 110);
    const plain = { fp: 'ffffff0007e01bc0', func: 'cv_wait', offset: 0x7f, args: ['ffffff01d6fd5b60', 'ffffff01d6fd5ac0'], line: 110 };
    expect(f).toEqual(plain);
    expect(f).not.toEqual({ ...plain, args: ['ffffff01d6fd5b60'] });
    expect(f).not.toEqual({ ...plain, fp: 'ffffff0007e01bc8' });
    expect(f).not.toEqual(fastFrameLine(text, 111));
  });
});
