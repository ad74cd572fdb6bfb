// A 200,000-entry run queue (issue 13): every TUI view that shows it, or a finding naming all of
// its threads with an evidence line each, renders without overflowing the stack.
import { afterEach, describe, expect, test } from 'vitest';
import React from 'react';
import { cleanup, render } from 'ink-testing-library';
import { App } from '../../src/tui/App.tsx';
import { blankThread } from '../../src/model/snapshot.ts';
import type { Addr } from '../../illumos/index.ts';
import { asAddr } from '../model/loose.ts';
import { fakeServices, waitFor } from './harness.tsx';
import { seedAnalysis } from '../seed.ts';

afterEach(() => cleanup());

const N = 200_000;
const addr = (i: number): Addr => asAddr('ffffff01' + (i * 0x40).toString(16).padStart(8, '0'));

function bigAnalysis() {
  const a = seedAnalysis();
  const cpu1 = a.snapshot.cpus[1]!;
  // Pri 99 at the very end, so the highest waiting pri is only found by looking at every entry.
  cpu1.runq = Array.from({ length: N }, (_, i) => ({ pri: i === N - 1 ? 99 : 59, thread: addr(i), proc: 'qemu-system-x86_', line: 71 }));
  cpu1.nrun = N;
  a.snapshot.threads = a.snapshot.threads.concat(Array.from({ length: N }, (_, i) => ({ ...blankThread(addr(i)), pri: 59, state: 'run', cls: 'TS', queuedOn: 1 })));
  const f = a.findings.find((x) => x.rule === 'runq-starvation')!; // the critical one, listed first
  const runq = cpu1.runq;
  f.threads = runq.map((e) => e.thread);
  f.evidence = runq.map((_, i) => ({ line: 1 + (i % 270), text: 'x' }));
  // No fix, confirm or references, so the whole text ends with the message and its threads line.
  f.fix = '';
  f.confirm = [];
  f.references = [];
  f.message = Array.from({ length: N }, (_, i) => `waiting ${addr(i)}`).join('\n');
  return a;
}

describe('a 200,000-entry run queue', () => {
  test('summary, CPU view (to its last row and that thread), threads, findings and the finding detail all render', { timeout: 120_000 }, async () => {
    const a = bigAnalysis();
    const { services } = fakeServices(a);
    const r = render(<App services={services} initial={{ kind: 'analysis', analysis: a }} />);
    const frame = (): string => r.lastFrame() ?? '';
    const has = (s: string) => waitFor(frame, (x) => x.includes(s), JSON.stringify(s));
    const row1 = (await has('CPU PRI RNRN')).split('\n').find((l) => /^!!\s+1\s/.test(l));
    expect(row1).toMatch(/!!\s+1\s+0 yes\s+no\s+18h23m\s+200000\s+99 /);
    r.stdin.write('\x1b[B');
    r.stdin.write('\r');
    await has('queued 200000, highest waiting pri 99');
    r.stdin.write('G');
    await has(`queued    99 ${addr(N - 1)}`);
    r.stdin.write('\r');
    await has(`thread ${addr(N - 1)}`);
    r.stdin.write('t');
    await has(`Threads: ${N + 12}`); // the seed's own 12 threads plus the queue's
    r.stdin.write('f');
    await has('Findings: 1 critical');
    r.stdin.write('\r');
    await has('Evidence 1/270');
    r.stdin.write('m');
    await has('m: back to the evidence');
    r.stdin.write('G');
    await has(`waiting ${addr(N - 1)}`);
    expect(frame()).toContain('(+199991 more)'); // the threads line, after the message
  });
});
