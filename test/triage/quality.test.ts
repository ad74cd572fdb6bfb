import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { rateQuality } from '../../src/triage/quality.ts';
import { mkCpu, seedSnapshot } from '../rules/helpers.ts';
import { analysisOf, panicAnalysis } from './helpers.ts';

describe('input quality', () => {
  it('no mdb output: none', () => {
    expect(rateQuality(analysisOf(emptySnapshot(), 0)).rating).toBe('none');
  });

  it('a panic and a stack but no dispatcher state: fragment', () => {
    const q = rateQuality(panicAnalysis('BAD TRAP', ['a', 'b']));
    expect(q.rating).toBe('fragment');
    expect(q.reasons[0]).toContain('a panic and stacks');
  });

  it('::cpuinfo without -v: partial', () => {
    const s = emptySnapshot();
    s.cpus.push(mkCpu({ id: 0, pri: 59, switchTicks: 5, runq: null }));
    const q = rateQuality(analysisOf(s));
    expect(q.rating).toBe('partial');
    expect(q.reasons).toContain('run queues not shown (::cpuinfo without -v)');
  });

  it('a -v run queue shorter than NRUN: partial, saying which CPU lists how many', () => {
    const s = emptySnapshot();
    s.cpus.push(mkCpu({ id: 1, pri: 0, nrun: 4, switchTicks: 5, runq: [{ pri: 99, thread: 'ffffff0007e01c40', proc: 'sched', line: 21 }] }));
    const q = rateQuality(analysisOf(s));
    expect(q.rating).toBe('partial');
    expect(q.reasons).toContain('run queue cut short: CPU 1 lists 1 of NRUN 4');
  });

  it('the seed: good, noting what is missing', () => {
    const q = rateQuality(analysisOf(seedSnapshot()));
    expect(q.rating).toBe('good');
    expect(q.reasons).toEqual(['no stack for 2 of 4 threads queued above a running one', 'hz not shown (times assume a default)']);
  });

  it('many unrecognized lines: partial', () => {
    const a = analysisOf(seedSnapshot());
    a.accounting = { ...a.accounting, parsed: 10, unrecognized: 5 };
    expect(rateQuality(a).rating).toBe('partial');
  });
});
