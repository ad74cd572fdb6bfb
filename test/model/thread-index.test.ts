// The snapshot's thread index: the builder's table is reused, and a snapshot whose threads were
// replaced or added to is indexed again rather than answered from a stale table.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { threadsByAddr } from '../../src/model/thread-index.ts';
import { blankThread, type Addr } from '../../src/model/snapshot.ts';

const text = [
  '> ffffff0007e01c40::findstack',
  'stack pointer for thread ffffff0007e01c40: ffffff0007e01a60',
  '[ ffffff0007e01a60 _resume_from_idle+0xf4() ]',
  '  ffffff0007e01a90 swtch+0x141()',
].join('\n');

describe('threadsByAddr', () => {
  it('answers every thread of a built snapshot by its address', () => {
    const a = analyzeText(text + '\n', { source: 't' });
    const idx = threadsByAddr(a.snapshot);
    expect([...idx.keys()]).toEqual(['ffffff0007e01c40']);
    expect(idx.get('ffffff0007e01c40' as Addr)).toBe(a.snapshot.threads[0]);
    expect(threadsByAddr(a.snapshot)).toBe(idx);
  });

  it('indexes again after a thread is added or the array replaced', () => {
    const a = analyzeText(text + '\n', { source: 't' });
    threadsByAddr(a.snapshot);
    const extra = blankThread('ffffff0007e07c40' as Addr);
    a.snapshot.threads.push(extra);
    expect(threadsByAddr(a.snapshot).get('ffffff0007e07c40' as Addr)).toBe(extra);
    a.snapshot.threads = [extra];
    expect([...threadsByAddr(a.snapshot).keys()]).toEqual(['ffffff0007e07c40']);
  });
});
