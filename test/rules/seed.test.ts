// The seed report (illumos 1532), as a hand-built snapshot with the seed file's line numbers.
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/rules/index.ts';
import { ctx, readLines, SEED_PATH, seedSnapshot } from './helpers.ts';

const lines = readLines(SEED_PATH);
const result = runRules(ctx(seedSnapshot(), lines));
const byRule = (id: string) => result.findings.filter((f) => f.rule === id);

describe('rules on the seed snapshot', () => {
  it('names the four findings of the 1532 family and nothing else', () => {
    expect(result.findings.map((f) => f.rule).sort()).toEqual(
      ['kpreempt-threshold', 'preemption-pending', 'runq-starvation', 'ts-timeleft-overrun'].sort(),
    );
  });

  it('kpreempt-threshold is inferred and says what value is implied', () => {
    const [f] = byRule('kpreempt-threshold');
    expect(f!.confidence).toBe('inferred');
    expect(f!.message).toContain('kpreemptpri > maxclsyspri (99)');
    expect(f!.message).toContain('inferred');
    expect(f!.references).toContain('https://www.illumos.org/issues/1532');
    expect(f!.references).toContain('https://smartos.org/bugview/OS-970');
    expect(f!.fix).toContain('kpreemptpri = maxclsyspri');
  });

  it('runq-starvation names both pri-99 workers, their roles and an 18.4 hour wait', () => {
    const [f] = byRule('runq-starvation');
    expect(f!.cpu).toBe(1);
    expect(f!.severity).toBe('critical');
    expect(f!.threads).toContain('ffffff0007e01c40');
    expect(f!.threads).toContain('ffffff0007e1fc40');
    expect(f!.message).toMatch(/ffffff0007e01c40 pri 99 \(SYS range; mac_soft_ring_worker/);
    expect(f!.message).toMatch(/ffffff0007e1fc40 pri 99 \(SYS range; squeue_worker/);
    expect(f!.message).toContain('6620600 ticks (about 18.4 hours');
    expect(f!.message).toContain('assume hz = 100');
    // The data never shows t_bind_cpu: the binding is stated as a default, not as observed.
    expect(f!.message).toContain('t_bound_cpu not shown');
  });

  it('ts-timeleft-overrun gives -6618541 ticks as about 18.4 hours, kernel-stay', () => {
    const [f] = byRule('ts-timeleft-overrun');
    expect(f!.severity).toBe('high');
    expect(f!.threads).toEqual(['ffffff01d5a600c0']);
    expect(f!.message).toContain('-6618541');
    expect(f!.message).toContain('about 18.4 hours');
    expect(f!.message).toContain('Class: kernel-stay');
  });

  it('preemption-pending is on CPU 1 only', () => {
    const fs = byRule('preemption-pending');
    expect(fs.map((f) => f.cpu)).toEqual([1]);
    expect(fs[0]!.title).toContain('RNRN');
  });

  it('every evidence line points at the line of the file that shows it', () => {
    for (const f of result.findings) {
      expect(f.evidence.length).toBeGreaterThan(0);
      for (const e of f.evidence) expect(e.text).toBe(lines[e.line - 1]);
    }
    const ev = (id: string) => byRule(id)[0]!.evidence.map((e) => e.line);
    // CPU 1 row (67), the pri-99 runq lines (71, 72) and the worker stacks (111, 118).
    expect(ev('runq-starvation')).toEqual(expect.arrayContaining([67, 71, 72, 111, 118]));
    expect(ev('kpreempt-threshold')).toEqual(expect.arrayContaining([67, 71, 72]));
    // ts_timeleft as printed (80) and as /D (82).
    expect(ev('ts-timeleft-overrun')).toEqual(expect.arrayContaining([80, 82]));
    expect(byRule('ts-timeleft-overrun')[0]!.evidence.find((e) => e.line === 82)!.text).toContain('-6618541');
    expect(ev('preemption-pending')).toContain(67);
    // Each finding's first evidence line is the one that shows it best.
    expect(ev('ts-timeleft-overrun')[0]).toBe(82);
    expect(ev('runq-starvation')[0]).toBe(71);
    expect(ev('preemption-pending')[0]).toBe(67);
  });

  it('stranded-runnable stays quiet and says why in a note', () => {
    expect(byRule('stranded-runnable')).toEqual([]);
    const note = result.notes.find((n) => n.rule === 'stranded-runnable');
    expect(note).toBeDefined();
    expect(note!.message).toContain('CPU 0');
    expect(note!.message).toContain('PIL 9');
    expect(note!.message).toContain('5 threads of its own queued');
    expect(note!.message).toContain('bound to their CPU by default');
    expect(note!.message).toContain('does not show t_bound_cpu');
    expect(note!.message).toContain('work as designed');
  });

  it('every finding carries a fix and mdb commands to confirm it', () => {
    for (const f of result.findings) {
      expect(f.fix.length).toBeGreaterThan(20);
      expect(f.confirm.length).toBeGreaterThan(0);
    }
  });
});
