// Shared stacks: what a stream of a very large dump keeps of each thread's stack.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { plainFrame } from '../../grammar/frames/line-frame.ts';

const block = (thread: string, cvOffset: string, arg: string) =>
  [
    `stack pointer for thread ${thread}: ffffff0007e01850`,
    '[ ffffff0007e01850 _resume_from_idle+0xf1() ]',
    `  ffffff0007e01870 swtch+0x141()`,
    `  ffffff0007e018d0 cv_wait+${cvOffset}(${arg}, ffffff01e3aa3080)`,
    `  ffffff0007e01970 thread_start+8()`,
  ].join('\n');

const text = ['> ::walk thread | ::findstack -v', block('ffffff0007e01c40', '0x7f', '1'), block('ffffff0007e07c40', '0x7f', '2'), block('ffffff0007e0dc40', '0x70', '3')].join('\n') + '\n';

describe('shared stacks', () => {
  const full = analyzeText(text);
  const shared = analyzeText(text, { sharedStacks: true });
  const byAddr = (a: typeof full, addr: string) => a.snapshot.threads.find((t) => t.addr === addr)!;

  it('give threads with the same functions and offsets one frame list, and others their own', () => {
    const [a, b, c] = ['ffffff0007e01c40', 'ffffff0007e07c40', 'ffffff0007e0dc40'].map((addr) => byAddr(shared, addr).stack);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(c!.map((f) => f.offset)).toEqual([0xf1, 0x141, 0x70, 8]);
  });

  it('keep functions, offsets and the saved-PC mark, and no frame pointers, arguments or frame lines', () => {
    const f = byAddr(full, 'ffffff0007e01c40').stack!;
    const s = byAddr(shared, 'ffffff0007e01c40').stack!;
    expect(s).toEqual(f.map((x) => ({ ...plainFrame(x), args: null, fp: null, line: 0 })));
    expect(f[2]!.args).toEqual(['1', 'ffffff01e3aa3080']);
    // Each thread still points at its own stack's first line.
    expect(byAddr(shared, 'ffffff0007e07c40').lines['stack']).toBe(7);
  });

  it('change nothing else', () => {
    const strip = (a: typeof full) => a.snapshot.threads.map((t) => ({ ...t, stack: t.stack?.map((x) => [x.func, x.offset, x.saved === true]) }));
    expect(strip(shared)).toEqual(strip(full));
    expect(shared.accounting).toEqual(full.accounting);
  });

  it('tell a saved-PC frame from a frame of the same function and offset', () => {
    const t = [
      '> ::walk thread | ::findstack -v',
      'stack pointer for thread ffffff0007e01c40: ffffff0007e01850',
      '[ ffffff0007e01850 swtch+0x141() ]',
      '  ffffff0007e01970 thread_start+8()',
      'stack pointer for thread ffffff0007e07c40: ffffff0007e01850',
      '  ffffff0007e01870 swtch+0x141()',
      '  ffffff0007e01970 thread_start+8()',
    ].join('\n');
    const [a, b] = analyzeText(t, { sharedStacks: true }).snapshot.threads.map((x) => x.stack!);
    expect(a).not.toBe(b);
    expect(a!.map((f) => f.saved === true)).toEqual([true, false]);
    expect(b!.map((f) => f.saved === true)).toEqual([false, false]);
  });

  it('take the wait of the stack that replaces an earlier one, as full detail does', () => {
    // A saved-PC line pasted above its header (fuzz seed 7, case 243) gives the thread a stack of
    // its own first; the block after it replaces that stack, and its mutex wait must count.
    const t = [
      '> ffffff0f2c24e0c0::findstack -v',
      '[ ffffff000c1209d0 _resume_from_idle+0x12b() ]',
      'stack pointer for thread ffffff0f2c24e0c0: ffffff000c1209d0',
      '  ffffff000c120b10 mutex_vector_enter+0x3a3(ffffff0f1a77c2d8)',
      // And the other way: a mutex wait replaced by a stack that waits on nothing.
      '> ffffff0f2c3d97c0::findstack -v',
      'stack pointer for thread ffffff0f2c3d97c0: ffffff000c1309d0',
      '  ffffff000c130b10 mutex_vector_enter+0x3a3(ffffff0f1a77c2d8)',
      '> ffffff0f2c3d97c0::findstack -v',
      'stack pointer for thread ffffff0f2c3d97c0: ffffff000c1309d0',
      '  ffffff000c130b10 thread_start+8()',
    ].join('\n');
    const edges = (a: typeof full) => (a.snapshot.waits?.edges ?? []).map((e) => [e.thread, e.kind, e.object]);
    const fullEdges = edges(analyzeText(t));
    expect(fullEdges).toEqual([['ffffff0f2c24e0c0', 'mutex', 'ffffff0f1a77c2d8']]);
    expect(edges(analyzeText(t, { lean: true, sharedStacks: true }))).toEqual(fullEdges);
  });
});
