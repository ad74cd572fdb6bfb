// The rules through the real pipeline (analyzeText): the seed, the real samples, and the
// hand-written fixtures (fixtures/handwritten/rules, labelled as such in each file).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { SEVERITIES } from '../../src/rules/types.ts';
import { SEED_PATH } from './helpers.ts';

const dir = (d: string) => fileURLToPath(new URL(`../../fixtures/${d}/`, import.meta.url));
const analyze = (path: string) => analyzeText(readFileSync(path, 'utf8'), { source: path });
const hand = (name: string) => analyze(dir('handwritten/rules') + name);
const fired = (a: ReturnType<typeof analyze>) => [...new Set(a.findings.map((f) => f.rule))].sort();

describe('seed through analyzeText', () => {
  const a = analyze(SEED_PATH);
  const get = (rule: string) => a.findings.find((f) => f.rule === rule)!;

  it('finds the 1532 family', () => {
    expect(fired(a)).toEqual(['kpreempt-threshold', 'preemption-pending', 'runq-starvation', 'ts-timeleft-overrun']);
    expect(get('kpreempt-threshold').confidence).toBe('inferred');
    expect(get('runq-starvation').threads!.slice(0, 2)).toEqual(['ffffff0007e01c40', 'ffffff0007e1fc40']);
    expect(get('runq-starvation').message).toMatch(/ffffff0007e01c40 pri 99 \(SYS range; mac_soft_ring_worker/);
    expect(get('runq-starvation').message).toMatch(/ffffff0007e1fc40 pri 99 \(SYS range; squeue_worker/);
    expect(get('runq-starvation').message).toContain('about 18.4 hours');
    expect(get('ts-timeleft-overrun').message).toContain('-6618541');
    expect(get('ts-timeleft-overrun').message).toContain('about 18.4 hours');
    expect(get('ts-timeleft-overrun').message).toContain('kernel-stay');
    expect(get('preemption-pending').cpu).toBe(1);
  });

  it('evidence points at the right lines of the file', () => {
    for (const f of a.findings) for (const e of f.evidence) expect(e.text).toBe(a.lines[e.line - 1]);
    const lines = (r: string) => get(r).evidence.map((e) => e.line);
    // The key line first (the first starved thread's queue entry, the ts_timeleft value), then file order;
    // runq-starvation cites the ts_timeleft value (line 82) that proves the runner stays in the kernel.
    expect(lines('runq-starvation')).toEqual([71, 67, 68, 72, 73, 74, 82, 111, 118]);
    // kpreempt-threshold cites the ts_timeleft value too: it proves the witness's runner stays in the kernel (its harm).
    expect(lines('kpreempt-threshold')).toEqual([67, 68, 71, 72, 82]);
    expect(lines('ts-timeleft-overrun')).toEqual([82, 67, 68, 80]);
    expect(lines('preemption-pending')).toEqual([67, 68, 71, 72, 73, 74, 82]);
  });

  it('stranded-runnable is quiet and explains why', () => {
    expect(a.notes.find((n) => n.rule === 'stranded-runnable')!.message).toContain('work as designed');
  });
});

describe('real samples of healthy systems', () => {
  const files = readdirSync(dir('real')).filter((f) => f.endsWith('.txt'));
  it.each(files)('%s: no finding above low', (f) => {
    const a = analyze(dir('real') + f);
    for (const x of a.findings) expect(SEVERITIES.indexOf(x.severity)).toBeGreaterThanOrEqual(SEVERITIES.indexOf('low'));
  });
});

describe('hand-written fixtures', () => {
  it('kpreemptpri/D 100 is a direct, certain finding; 99 is not', () => {
    const a = hand('kpreempt-direct-100.txt');
    expect(fired(a)).toEqual(['kpreempt-threshold']);
    expect(a.findings[0]!.confidence).toBe('certain');
    expect(a.findings[0]!.evidence[0]!.text).toMatch(/^kpreemptpri: +100/);
    expect(fired(hand('kpreempt-fixed-99.txt'))).toEqual([]);
  });

  it('a busy healthy system: nothing above low', () => {
    for (const f of hand('healthy-busy.txt').findings) expect(['low', 'info']).toContain(f.severity);
  });

  it('ts_timeleft in the grace is info only', () => {
    const a = hand('ts-timeleft-grace.txt');
    expect(a.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['ts-timeleft-overrun:info']);
  });

  it('the 1532 pattern at hz 1000 uses the hz the input shows', () => {
    const a = hand('starvation-bhyve-hz1000.txt');
    expect(fired(a)).toEqual(['kpreempt-threshold', 'preemption-pending', 'runq-starvation', 'ts-timeleft-overrun']);
    const rq = a.findings.find((f) => f.rule === 'runq-starvation')!;
    expect(rq.message).toContain('90211 ticks (about 1.5 minutes');
    expect(rq.message).toContain('squeue_worker');
    expect(rq.message).toContain('hz = 1000, as the input shows');
    expect(rq.message).not.toContain('assume hz');
    const ts = a.findings.find((f) => f.rule === 'ts-timeleft-overrun')!;
    expect(ts.message).toContain('ts_timeleft -90037');
  });

  it('the comment-6 pageout/ZIO pattern', () => {
    const a = hand('taskq-pageout-zio.txt');
    const t = a.findings.find((f) => f.rule === 'taskq-starvation')!;
    expect(t.severity).toBe('high');
    expect(t.title).toContain('comment 6');
    expect(t.message).toContain('tq:zio_write_intr');
    expect(fired(a)).toContain('runq-starvation');
  });

  it('an idle CPU next to an unbound runnable thread', () => {
    const a = hand('stranded-idle.txt');
    expect(fired(a)).toEqual(['stranded-runnable']);
    // The proof of "unbound" is t_bound_cpu NULL (line 24), not BOUND -1 (processor_bind only).
    expect(a.findings[0]!.evidence.some((e) => e.line === 24 && e.text === 't_bound_cpu = 0')).toBe(true);
  });

  it('an inherited priority stuck behind a CPU whose thread stays in the kernel', () => {
    const a = hand('priority-inversion-epri.txt');
    const p = a.findings.find((f) => f.rule === 'priority-inversion')!;
    expect(p.severity).toBe('high');
    expect(p.message).toContain('t_epri 60 above its t_pri 20');
    expect(p.message).toContain('its ts_timeleft is -5000');
  });
});
