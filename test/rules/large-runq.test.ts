// A run queue of 200,000 threads (issue 13): the rules give their findings, not an internal note
// from a spread over the queue overflowing the stack, and messages stay bounded.
import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { runRules } from '../../src/rules/index.ts';
import { blankLines, ctx, mkCpu, mkThread } from './helpers.ts';

const N = 200_000;

function hugeQueue() {
  const s = emptySnapshot();
  const runq = [];
  for (let i = 0; i < N; i++) runq.push({ pri: 99, thread: `f${i.toString(16)}`, proc: 'sched', line: 10 + i });
  // The one CPU's runner has stayed in the kernel (ts_timeleft -50000 on CPU): a proven #1532 shape.
  s.cpus.push(mkCpu({ id: 0, pri: 0, runrun: true, kprunrun: false, switchTicks: 50_100, thread: 'aaaa', proc: 'qemu', nrun: N, runq, lines: { pri: 2, switchTicks: 2 } }));
  s.threads.push(mkThread('aaaa', { state: 'onproc', tsTimeleft: -50_000, lines: { tsTimeleft: 5 } }));
  return s;
}

describe('a 200,000-entry run queue', () => {
  it('gives the findings and no internal note', () => {
    const r = runRules(ctx(hugeQueue(), blankLines(N + 20)));
    expect(r.notes.filter((n) => n.kind === 'internal')).toEqual([]);
    const ids = r.findings.map((f) => `${f.severity} ${f.rule}`);
    expect(ids).toEqual(['high kpreempt-threshold', 'critical runq-starvation', 'high ts-timeleft-overrun', 'high preemption-pending']);
    const rq = r.findings[1]!;
    // Every starved thread is named in `threads`; the message lists twelve and counts the rest.
    expect(rq.threads).toHaveLength(N);
    expect(rq.message).toContain(`\n- and ${N - 12} more`);
    expect(rq.message.length).toBeLessThan(10_000);
    expect(r.findings[0]!.message).toContain(`and ${N - 12} more`);
    expect(r.findings[3]!.message).toContain(`${N} threads wait above it (highest pri 99)`);
  });
});
