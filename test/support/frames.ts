// Test setup: a frame the fast path keeps as its line (LineFrame) equals the plain frame the
// grammar makes when their fields do, the same comparison its JSON gets. Without this, deep
// equality would see the stored line instead of the frame pointer and arguments it reads from it.
import { expect } from 'vitest';
import { LineFrame, plainFrame } from '../../grammar/frames/line-frame.ts';

expect.addEqualityTesters([
  function lineFrameEquals(a: unknown, b: unknown, customTesters) {
    if (!(a instanceof LineFrame) && !(b instanceof LineFrame)) return undefined;
    const plain = (x: unknown): unknown => (x instanceof LineFrame ? plainFrame(x) : x);
    return this.equals(plain(a), plain(b), customTesters);
  },
]);
