import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { kpreemptThreshold } from '../../src/rules/kpreempt-threshold.ts';
import { blankLines, ctx, mkCpu, readLines, SEED_PATH, seedSnapshot } from './helpers.ts';

const lines = blankLines(40);

function withTunable(name: string, value: number, line: number) {
  const s = emptySnapshot();
  s.tunables[name] = value;
  s.tunableLines[name] = line;
  return s;
}

describe('kpreempt-threshold', () => {
  it('direct: kpreemptpri/D = 100 is a certain finding citing the value line', () => {
    const r = kpreemptThreshold.run(ctx(withTunable('kpreemptpri', 100, 7), lines));
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.confidence).toBe('certain');
    expect(f.severity).toBe('medium'); // no symptom shown: a latent risk
    expect(f.title).toContain('kpreemptpri is 100');
    expect(f.evidence.map((e) => e.line)).toEqual([7]);
  });

  it('direct with the symptom on a CPU is high and cites both', () => {
    const s = seedSnapshot();
    s.tunables['kpreemptpri'] = 100;
    s.tunableLines['kpreemptpri'] = 30;
    const f = kpreemptThreshold.run(ctx(s, readLines(SEED_PATH))).findings[0]!;
    expect(f.severity).toBe('high');
    expect(f.confidence).toBe('certain');
    expect(f.evidence.map((e) => e.line)).toEqual(expect.arrayContaining([30, 67, 71, 72]));
  });

  it('direct: kpreemptpri = 99 (the fix) gives no finding', () => {
    const r = kpreemptThreshold.run(ctx(withTunable('kpreemptpri', 99, 7), lines));
    expect(r.findings).toEqual([]);
  });

  it('kpreemptpri 99 but the symptom shown gives a note, not a guess', () => {
    const s = seedSnapshot();
    s.tunables['kpreemptpri'] = 99;
    s.tunableLines['kpreemptpri'] = 30;
    const r = kpreemptThreshold.run(ctx(s, readLines(SEED_PATH)));
    expect(r.findings).toEqual([]);
    expect(r.notes[0]!.message).toContain('kpreemptpri is 99');
  });

  it('inferred: not when KRNRN is set', () => {
    const s = seedSnapshot();
    s.cpus[1]!.kprunrun = true;
    expect(kpreemptThreshold.run(ctx(s, readLines(SEED_PATH))).findings).toEqual([]);
  });

  it('inferred: not when the CPU switched recently (within ten quanta)', () => {
    const s = seedSnapshot();
    s.cpus[1]!.switchTicks = 150;
    expect(kpreemptThreshold.run(ctx(s, readLines(SEED_PATH))).findings).toEqual([]);
  });

  it('inferred: not when the queued work is below 99 (kpreemptpri 99 would not set KRNRN either)', () => {
    const s = emptySnapshot();
    s.cpus.push(
      mkCpu({ id: 0, pri: 0, runrun: true, switchTicks: 100000, thread: 'a', runq: [{ pri: 98, thread: 'b', proc: 'sched', line: 3 }], lines: { pri: 2 } }),
    );
    expect(kpreemptThreshold.run(ctx(s, lines)).findings).toEqual([]);
  });

  it('inferred: not when the pri-99 thread is below an interrupt thread on the CPU', () => {
    const s = seedSnapshot();
    s.cpus[1]!.pri = 108;
    expect(kpreemptThreshold.run(ctx(s, readLines(SEED_PATH))).findings).toEqual([]);
  });

  it('says it lacks data when there is no cpuinfo and no tunable', () => {
    const r = kpreemptThreshold.run(ctx(emptySnapshot(), lines));
    expect(r.findings).toEqual([]);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]!.message).toContain('cannot check');
  });

  it('says it lacks run queues when only plain ::cpuinfo is shown', () => {
    const s = emptySnapshot();
    s.cpus.push(mkCpu({ id: 0, pri: 59, switchTicks: 5, runq: null, lines: { pri: 2 } }));
    const r = kpreemptThreshold.run(ctx(s, lines));
    expect(r.notes[0]!.message).toContain('::cpuinfo -v');
  });
});
