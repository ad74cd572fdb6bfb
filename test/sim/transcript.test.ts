// The simulator's end state as mdb text: the seed report's shapes, and the analyzer reading it
// back to the same failure (at kpreemptpri 100) or to none of it (at 99).
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { emitTranscript, parseEmitKinds } from '../../src/sim/transcript.ts';
import { toSnapshot } from '../../src/sim/snapshot.ts';
import { run } from './helpers.ts';

const KINDS = ['cpuinfo-v', 'findstack-v', 'print'] as const;

describe('emitTranscript on the 1532 scenario', () => {
  const s = run('illumos-1532', { ticks: 6_624_000 });
  const text = emitTranscript(s, KINDS, { autowrap: 80 });
  const lines = text.split('\n');

  it('prints the prompts of the seed session', () => {
    expect(lines[0]).toBe('> ::cpuinfo -v');
    expect(lines).toContain('> ffffff0007e01c40::findstack -v');
    expect(lines).toContain('> ffffff01d5a600c0::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft');
    expect(lines).toContain('> ffffff01dde41b90/D');
  });

  it("prints CPU 1's row as the 2011 mdb did, wrapped at 80 columns", () => {
    const i = lines.findIndex((l) => l.startsWith('  1 ffffff01d3e32580  1f    4    0   0  yes    no t-'));
    expect(i).toBeGreaterThan(0);
    expect(lines[i]).toMatch(/^ {2}1 ffffff01d3e32580 {2}1f {4}4 {4}0 {3}0 {2}yes {4}no t-66\d{5} ffffff01d5a600c0 $/);
    expect(lines[i + 1]).toBe('qemu-system-x86_');
    expect(lines.slice(i + 3, i + 7).map((l) => l.slice(28))).toEqual([
      '+-->  PRI THREAD           PROC',
      '       99 ffffff0007e01c40 sched',
      '       99 ffffff0007e1fc40 sched',
      '       59 ffffff01cfa6d7c0 qemu-system-x86_',
    ]);
  });

  it("prints the worker's stack as the seed shows it", () => {
    const i = lines.indexOf('> ffffff0007e01c40::findstack -v');
    expect(lines[i + 1]).toMatch(/^stack pointer for thread ffffff0007e01c40: ffffff0007e01b[0-9a-f]0$/);
    expect(lines[i + 2]).toMatch(/^\[ ffffff0007e01b[0-9a-f]0 _resume_from_idle\+0xf1\(\) \]$/);
    expect(lines.slice(i + 3, i + 7).map((l) => l.slice(19))).toEqual([
      'swtch+0x1e6()',
      'cv_wait+0x7f(ffffff01d6fd5b60, ffffff01d6fd5ac0)',
      'mac_soft_ring_worker+0xc5(ffffff01d6fd5ac0)',
      'thread_start+8()',
    ]);
  });

  it('prints ts_timeleft in hex through ::print and signed through /D', () => {
    const q = s.threads.find((t) => t.name === 'qemu-vcpu')!;
    const i = lines.indexOf('> ffffff01d5a600c0::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft');
    expect(lines[i + 1]).toBe(`ffffff01dde41b90 ts_timeleft = 0x${(q.tsTimeleft >>> 0).toString(16)}`);
    expect(lines[i + 3]).toBe(`0xffffff01dde41b90:             ${String(q.tsTimeleft).padEnd(16)}`);
  });

  it('is read back by the analyzer as the #1532 failure', () => {
    const a = analyzeText(text, { source: 'sim' });
    expect(a.diagnostics).toEqual([]);
    expect(a.accounting.unrecognized).toBe(0);
    const rules = a.findings.map((f) => f.rule);
    expect(rules).toContain('kpreempt-threshold');
    expect(rules).toContain('runq-starvation');
    expect(rules).toContain('ts-timeleft-overrun');
    const f = a.findings.find((x) => x.rule === 'kpreempt-threshold')!;
    expect(f.cpu).toBe(1);
    expect(f.threads).toEqual(['ffffff0007e01c40', 'ffffff0007e1fc40']);
  });

  it('agrees with toSnapshot on every CPU field the text shows', () => {
    const a = analyzeText(text);
    const mine = toSnapshot(s).cpus.map(({ lines: _l, pil, pinned, runq, ...rest }) => ({ ...rest, pil: pil.map((p) => [p.pil, p.thread]), pinned: pinned && [pinned.thread, pinned.proc], runq: runq?.map((q) => [q.pri, q.thread, q.proc]) }));
    const theirs = a.snapshot.cpus.map(({ lines: _l, pil, pinned, runq, ...rest }) => ({ ...rest, pil: pil.map((p) => [p.pil, p.thread]), pinned: pinned && [pinned.thread, pinned.proc], runq: runq?.map((q) => [q.pri, q.thread, q.proc]) }));
    expect(theirs).toEqual(mine);
  });
});

describe('emitTranscript at kpreemptpri 99', () => {
  it('gives the analyzer no starvation to report on CPU 1, at most a short overrun', () => {
    const s = run('illumos-1532', { ticks: 6_624_000, params: { kpreemptpri: 99 } });
    const a = analyzeText(emitTranscript(s, KINDS, { autowrap: 80 }));
    const cpu1 = a.findings.filter((f) => f.cpu === 1);
    expect(cpu1.map((f) => f.rule)).not.toContain('kpreempt-threshold');
    expect(cpu1.map((f) => f.rule)).not.toContain('runq-starvation');
    // The qemu thread still spins between preemptions, so its quantum may be a little overrun.
    expect(cpu1.filter((f) => f.severity === 'critical' || f.severity === 'high')).toEqual([]);
  });
});

describe('parseEmitKinds', () => {
  it('accepts the documented kinds and rejects others', () => {
    expect(parseEmitKinds('cpuinfo-v, findstack-v,print')).toEqual({ ok: true, kinds: ['cpuinfo-v', 'findstack-v', 'print'] });
    expect(parseEmitKinds('cpuinfo,bogus').ok).toBe(false);
    expect(parseEmitKinds('').ok).toBe(false);
  });
});
