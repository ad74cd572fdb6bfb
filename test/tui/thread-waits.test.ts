// The TUI's wait lines for a thread and a finding, on the hand-written two-thread deadlock.
import { describe, expect, it } from 'vitest';
import { findingChainLines, threadWaitLines } from '../../src/tui/thread-waits.ts';
import { detailLines } from '../../src/tui/FindingDetailView.tsx';
import { analyzeFixture } from '../waits/helpers.ts';

const A = 'ffffff0d4a7e1c40';
const B = 'ffffff0d4a9f3b80';

describe('thread wait lines in the TUI', () => {
  const a = analyzeFixture('deadlock-two-mutex.txt');
  const deadlock = a.findings.find((f) => f.rule === 'deadlock')!;

  it('A waits for the mutex on line 6 that ::mutex (line 23) says B holds; B waits for A', () => {
    const lines = threadWaitLines(a, A, [deadlock]);
    expect(lines[0]).toContain(`${A}`);
    expect(lines[0]).toContain('waits for mutex ffffff0d3b1f6e90 (mutex_vector_enter, line 6, in mac_client_close)');
    expect(lines[0]).toContain(`ended by ${B}`);
    expect(lines[0]).toContain('line 23');
    expect(lines[1]).toMatch(/^Waited for by 1: ffffff0d4a9f3b80/);
    expect(lines[2]).toBe('Chain (deadlock):');
    expect(lines).toContain('          -> ffffff0d4a7e1c40 (dld_str_detach) [owner, line 26]');
    expect(lines).toContain('            (back to the first thread: a cycle)');
    expect(lines.at(-1)).toBe('');
  });

  it('a thread that neither waits nor is waited for gets no lines', () => {
    expect(threadWaitLines(a, 'ffffff0000000001', [])).toEqual([]);
  });

  it('the finding detail draws the chain above the fix', () => {
    const chain = findingChainLines(a, deadlock);
    expect(chain[0]).toBe('Chain:');
    const text = detailLines(deadlock, 200, chain);
    const at = text.indexOf('Chain:');
    expect(at).toBeGreaterThan(0);
    expect(text.findIndex((l) => l.startsWith('Fix: '))).toBeGreaterThan(at);
    const other = a.findings.find((f) => f.rule !== 'deadlock' && f.rule !== 'wait-chain');
    if (other !== undefined) expect(findingChainLines(a, other)).toEqual([]);
  });
});
