// Issue 11's situations, each a hand-written transcript (fixtures/handwritten/verdicts/) run through
// the whole pipeline: ordinary situations give no high or critical finding; the #1532 shapes are
// named, naming the thread that holds the CPU.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analysis.ts';
import { analyzeText } from '../../src/analyze.ts';
import { SEED_PATH } from './helpers.ts';

function verdict(name: string, rules: { assumedHz?: number } = {}): Analysis {
  const url = new URL(`../../fixtures/handwritten/verdicts/${name}`, import.meta.url);
  return analyzeText(readFileSync(url, 'utf8'), { source: name, rules });
}

function serious(a: Analysis): string[] {
  return a.findings.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => `${f.rule}: ${f.title}`);
}

function rule(a: Analysis, id: string) {
  return a.findings.filter((f) => f.rule === id);
}

describe('ordinary situations: no high or critical finding', () => {
  it('1. a CPU that switched 3 ticks ago, a waiter whose t_disp_time is 10 days old: no starvation', () => {
    const a = verdict('recent-switch-old-disptime.txt');
    expect(a.snapshot.threads.find((t) => t.addr === 'fffffe0a1e2f4c00')!.sinceDispTicks).toBe(86493696);
    expect(a.findings).toEqual([]);
  });

  it('2. an idle CPU just handed a pri-99 thread is no witness of kpreemptpri', () => {
    const a = verdict('idle-cpu-just-queued-99.txt');
    expect(a.findings).toEqual([]);
    expect(a.notes.some((n) => n.rule === 'kpreempt-threshold')).toBe(false);
  });

  it('3. a lone CPU-bound user thread with an hour of SWITCH: a bound, low, said so', () => {
    const a = verdict('lone-user-thread-long-switch.txt');
    expect(serious(a)).toEqual([]);
    const [rq] = rule(a, 'runq-starvation');
    expect(rq!.severity).toBe('low');
    expect(rq!.title).toBe('CPU 0: 1 thread queued above a pri-10 thread for up to 1 hour (a bound, not a measured wait)');
    expect(rq!.message).toContain('may have arrived a tick ago');
    expect(rule(a, 'preemption-pending')[0]!.severity).toBe('low');
  });

  it('3b. kpreemptpri 100 shown, a pri-99 waiter over a user thread with no kernel proof: the setting is certain, its harm is not', () => {
    const a = verdict('kp100-user-runner.txt');
    expect(serious(a)).toEqual([]);
    const [kp] = rule(a, 'kpreempt-threshold');
    expect(kp!.severity).toBe('medium');
    expect(kp!.confidence).toBe('certain');
    expect(kp!.title).toBe('kpreemptpri is 100, above maxclsyspri (99)');
    expect(kp!.message).toContain('Nothing in the input proves that thread stays in the kernel');
  });

  it('4. an OFFLINE CPU is not a thief', () => {
    const a = verdict('offline-cpu-not-thief.txt');
    expect(a.findings).toEqual([]);
    expect(a.snapshot.threads.find((t) => t.addr === 'fffffe0a1e2f4c00')!.boundCpu).toBe(-1);
  });

  it('5. BOUND -1 (processor_bind) does not make a soft ring worker unbound', () => {
    const a = verdict('bound-worker-bind-cpu-none.txt');
    const t = a.snapshot.threads.find((x) => x.addr === 'fffffe000f4c7c20')!;
    expect(t.bindCpu).toBe(-1);
    expect(t.boundCpu).toBeNull();
    expect(rule(a, 'stranded-runnable')).toEqual([]);
    expect(serious(a)).toEqual([]);
  });

  it('6. a negative ts_timeleft on a sleeping thread is a note, not a kernel stay', () => {
    const a = verdict('timeleft-negative-asleep.txt');
    expect(a.findings).toEqual([]);
    const n = a.notes.find((x) => x.rule === 'ts-timeleft-overrun')!;
    expect(n.message).toContain('ts_timeleft -5000 but is not on a CPU (state sleep)');
  });

  it('an interrupt over an idle CPU that just woke a thread is no interrupt hog', () => {
    const a = verdict('healthy-interrupt-over-idle.txt');
    expect(a.findings).toEqual([]);
  });

  it('KRNRN on a user thread disp() keeps re-picking dates nothing: low and inferred, not high (sim --audit seed 541)', () => {
    const a = verdict('krnrn-user-runner.txt');
    expect(serious(a)).toEqual([]);
    const [pp] = rule(a, 'preemption-pending');
    expect([pp!.severity, pp!.confidence]).toEqual(['low', 'inferred']);
    expect(pp!.title).toBe('CPU 0: RNRN and KRNRN set, CPU not switched for about 25.3 seconds');
    expect(pp!.message).toContain('the request may be a tick old');
  });

  it('the same KRNRN with the runner charged 2500 ticks past its quantum is proven: high and certain', () => {
    const url = new URL('../../fixtures/handwritten/verdicts/krnrn-user-runner.txt', import.meta.url);
    // 0xfffff63c is the int -2500: 25 s at hz 100 with no preemption, so the thread never left the kernel.
    const text = readFileSync(url, 'utf8') + '> fffffe0a1e2f03a0::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft\nfffffe0a1e41b900 ts_timeleft = 0xfffff63c\n';
    const a = analyzeText(text, { source: 'krnrn-user-runner.txt + ts_timeleft' });
    const [pp] = rule(a, 'preemption-pending');
    expect([pp!.severity, pp!.confidence]).toEqual(['high', 'certain']);
    expect(pp!.message).toContain('its ts_timeleft is -2500');
  });

  it('an interrupt over a re-picked user thread bounds no wait: taskq starvation is medium, not high (sim --audit seed 2745)', () => {
    const a = verdict('taskq-behind-intr-over-user.txt');
    expect(serious(a)).toEqual([]);
    const [tq] = rule(a, 'taskq-starvation');
    expect([tq!.severity, tq!.confidence]).toEqual(['medium', 'inferred']);
    expect(tq!.title).toBe('Taskq thread ffffff0007647c40 queued on CPU 6 behind pri 102 (an interrupt): its wait is a bound');
    expect(tq!.message).toContain('has waited at most 42166 ticks');
    expect(rule(a, 'runq-starvation')[0]!.title).toContain('(a bound, not a measured wait)');
  });

  it('a disk interrupt that just woke a zio taskq thread, beside a txg sync in zio_wait, is an ordinary busy pool: medium, worded as a bound', () => {
    const a = verdict('zio-disk-interrupt-busy-pool.txt');
    expect(serious(a)).toEqual([]);
    const [tq] = rule(a, 'taskq-starvation');
    expect([tq!.severity, tq!.confidence]).toEqual(['medium', 'inferred']);
    expect(tq!.title).toBe('ZIO taskq thread queued while pageout/spa_sync wait on I/O (the 1532 comment 6 shape, not proven)');
    expect(tq!.message).toContain('so it is not proven here');
    expect(tq!.message).not.toContain('is not being processed');
    expect(tq!.threads).toEqual(['fffffe000fa2ac20', 'fffffe000f83cc20']);
  });

  it('a fixed kernel says where the kp queue is, with no finding', () => {
    const a = verdict('kp-queue-after-fix.txt');
    expect(a.findings).toEqual([]);
    const n = a.notes.find((x) => x.rule === 'kpreempt-threshold')!;
    expect(n.message).toContain('kp queue, which ::cpuinfo -v does not list');
    expect(n.message).toContain('::cpupart -v');
  });
});

describe('patterns that need more than their surface', () => {
  it('7. pageout asleep in its start function is not the comment-6 memory deadlock', () => {
    const a = verdict('pageout-idle-start-function.txt');
    const [tq] = rule(a, 'taskq-starvation');
    expect(tq!.title).toBe('Taskq thread fffffe000fa2ac20 starved on CPU 0 behind pri 97');
    expect(tq!.threads).toEqual(['fffffe000fa2ac20']);
    expect(tq!.message).not.toContain('comment 6');
  });

  it('7b. the same taskq thread behind the pageout scanner for 30 s: the runner stays in the kernel, but the bound is short of a minute (medium)', () => {
    const url = new URL('../../fixtures/handwritten/verdicts/pageout-idle-start-function.txt', import.meta.url);
    const text = readFileSync(url, 'utf8').replace(' t-6000 ', ' t-3000 ');
    const [tq] = rule(analyzeText(text, { source: 'pageout 30 s' }), 'taskq-starvation');
    expect(tq!.severity).toBe('medium');
    expect(tq!.title).toBe('Taskq thread fffffe000fa2ac20 queued on CPU 0 behind pri 97: its wait is a bound');
    expect(tq!.message).toContain('The thread ahead stays in the kernel (it runs at pri 97');
    expect(tq!.message).toContain('but the bound on this wait is under 60 s');
  });

  it('8. pri 120 with RT loaded is an RT thread, not an interrupt thread', () => {
    const a = verdict('rt-thread-not-interrupt.txt');
    const [tq] = rule(a, 'taskq-starvation');
    expect(tq!.message).toContain('at pri 120 (RT range)');
    expect(tq!.message).not.toContain('interrupt');
    expect(serious(a)).toEqual([]);
  });
});

describe('the #1532 family is named', () => {
  it('9. the seed with a PIL 9 interrupt over the stuck qemu thread names the pinned thread', () => {
    const a = verdict('seed-intr-over-qemu.txt');
    const [rq] = rule(a, 'runq-starvation');
    expect(rq!.severity).toBe('critical');
    expect(rq!.title).toBe('CPU 1: 2 bound pri-99 threads starved behind ffffff01d5a600c0 (pri at most 60) in the kernel, up to 18.4 hours');
    expect(rq!.threads).toEqual(['ffffff0007e01c40', 'ffffff0007e1fc40']);
    expect(rq!.message).toContain('pinned under a PIL 9 interrupt thread ffffff0007e25c40 (pri 108, what PRI shows)');
    expect(rq!.evidence.map((e) => e.line)).toContain(21); // the `-` row of the PIL block
    const [kp] = rule(a, 'kpreempt-threshold');
    expect(kp!.severity).toBe('high');
    expect(kp!.message).toContain('above its dispatched thread ffffff01d5a600c0');
    const [ts] = rule(a, 'ts-timeleft-overrun');
    expect(ts!.severity).toBe('high');
    expect(ts!.message).toContain('pinned under an interrupt thread');
    const [pp] = rule(a, 'preemption-pending');
    expect(pp!.threads).toEqual(['ffffff01d5a600c0']);
    // The interrupt is not blamed: the pinned thread's kernel stay is.
    expect(rule(a, 'interrupt-hog')).toEqual([]);
  });

  it('10a. equal-priority SYS starvation: pri-99 squeue worker behind a pri-99 kernel thread', () => {
    const a = verdict('sys-equal-99.txt');
    const [eq] = rule(a, 'equal-priority-starvation');
    expect(eq!.severity).toBe('high');
    // The running kernel thread first (it must block for the others to run), then the waiter.
    expect(eq!.threads).toEqual(['fffffe000f7a1c20', 'fffffe000f4c7c20']);
    expect(eq!.message).toContain('squeue_worker');
    expect(eq!.references).toEqual(['https://www.illumos.org/issues/7232']);
  });

  it('10b. threads queued behind a PIL 2 interrupt thread are named', () => {
    const a = verdict('intr-hog-pil2.txt');
    const [ih] = rule(a, 'interrupt-hog');
    expect(ih!.title).toBe('CPU 0: 2 runnable threads behind a PIL 2 interrupt thread (up to 2 minutes)');
    expect(ih!.threads).toEqual(['fffffe000fa2ac20', 'fffffe000fa30c20']);
    expect(ih!.message).toContain('no kpreemptpri value helps');
    // Not a kpreemptpri witness: the CPU's dispatched thread is idle.
    expect(rule(a, 'kpreempt-threshold')).toEqual([]);
  });

  it('10c. with the line of the thread under the interrupt lost, SWITCH bounds nothing, and the finding says why', () => {
    const url = new URL('../../fixtures/handwritten/verdicts/intr-hog-pil2.txt', import.meta.url);
    const text = readFileSync(url, 'utf8').replace('             EXISTS         |           - fffffe000fe05c20 (idle)\n', '');
    const [ih] = rule(analyzeText(text), 'interrupt-hog');
    expect(ih!.severity).toBe('low');
    expect(ih!.title).toBe('CPU 0: 2 runnable threads behind a PIL 2 interrupt thread');
    expect(ih!.message).toContain('SWITCH (t-12000) bounds a waiter only against the priority of the thread under the interrupt, which the input does not show');
    expect(ih!.message).not.toContain('SWITCH -');
  });

  it('the seed keeps its four findings, with the honest title', () => {
    const a = analyzeText(readFileSync(SEED_PATH, 'utf8'));
    expect(a.findings.map((f) => `${f.severity} ${f.rule}`)).toEqual([
      'high kpreempt-threshold',
      'critical runq-starvation',
      'high ts-timeleft-overrun',
      'high preemption-pending',
    ]);
    expect(a.findings[1]!.title).toBe('CPU 1: 2 bound pri-99 threads starved behind ffffff01d5a600c0 (pri 0) in the kernel, up to 18.4 hours');
    for (const f of a.findings) {
      expect(f.references.join(' ')).not.toContain('23e44ac7');
      if (f.references.length > 0) expect(f.references).toContain('https://github.com/TritonDataCenter/illumos-joyent/commit/75dc036048b9918b1f3345d6dc74040438a02f8e');
    }
  });
});

describe('11. hz', () => {
  it('comes from the OS build date in ::status when hz/D is absent', () => {
    const a = verdict('hz-from-build-date.txt');
    const [rq] = rule(a, 'runq-starvation');
    expect(rq!.title).toContain('up to 2 minutes');
    expect(rq!.message).toContain('the OS was built on 2021-08-05 (line 5), after illumos 11499 (2020-08-17) made 1000 the default, so times assume hz = 1000.');
  });

  it('--hz is said to be given, never called the old default', () => {
    const a = analyzeText(readFileSync(SEED_PATH, 'utf8'), { rules: { assumedHz: 1000 } });
    const [rq] = rule(a, 'runq-starvation');
    expect(rq!.message).toContain('times use hz = 1000, as given with --hz.');
    expect(rq!.message).not.toContain('the default before');
    expect(rq!.title).toContain('up to 1.8 hours');
  });

  it('with nothing to go on, the seed era default is assumed and said so', () => {
    const a = analyzeText(readFileSync(SEED_PATH, 'utf8'));
    expect(a.findings[1]!.message).toContain('The input does not show hz or an OS build date; times assume hz = 100');
  });
});

describe('notes', () => {
  it('a ::cpuinfo section that could not be read is not called missing', () => {
    const a = verdict('cpuinfo-unread.txt');
    expect(a.sections.map((s) => s.kind)).toEqual(['cpuinfo']);
    const texts = a.notes.map((n) => n.message);
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).not.toContain('No ::cpuinfo output in the input');
    expect(texts.some((t) => t.startsWith('The input has a ::cpuinfo section, but no CPU could be read from it'))).toBe(true);
  });
});
