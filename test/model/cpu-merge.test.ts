// The same CPU shown by two ::cpuinfo outputs: a ::cpuinfo -v, then a plain ::cpuinfo (which
// shows no run queue), as an engineer runs both on one dump or twice on a live system.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';

const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
const rules = (a: ReturnType<typeof analyzeText>) => a.findings.map((f) => [f.rule, f.severity]);
/** The seed's ::cpuinfo -v (lines 51-75), then a plain ::cpuinfo of the same CPUs at lines 277-279. */
function later(cpu0: string, cpu1: string): string {
  return seed + '\n> ::cpuinfo\n ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC\n' + cpu0 + '\n' + cpu1 + '\n';
}
const CPU1_SAME = '  1 ffffff01d3e32580  1f    4    0   0  yes    no t-6620700 ffffff01d5a600c0 qemu-system-x86_';
const CPU0_SAME = '  0 fffffffffbc486e0  1b    5    0 108   no    no t-0    ffffff00076cbc40 sched';
// CPU 0 now runs the pri-99 thread the -v showed queued on it (line 60).
const CPU0_OTHER = '  0 fffffffffbc486e0  1b    4    0  99   no    no t-1    ffffff00076f5c40 sched';

describe('a plain ::cpuinfo after a ::cpuinfo -v', () => {
  it('keeps the queue shown earlier when the CPU runs the same thread: the seed keeps its findings', () => {
    const base = analyzeText(seed);
    const a = analyzeText(later(CPU0_SAME, CPU1_SAME));
    // Before, the plain rows replaced each queue with "not shown" and runq-starvation (critical) was lost.
    expect(rules(a)).toEqual(rules(base));
    const cpu1 = a.snapshot.cpus.find((c) => c.id === 1)!;
    expect(cpu1.runq?.map((q) => [q.pri, q.thread, q.line])).toEqual(base.snapshot.cpus.find((c) => c.id === 1)!.runq!.map((q) => [q.pri, q.thread, q.line]));
    // The row's own values are the later ones, each with its line.
    expect([cpu1.switchTicks, cpu1.lines['switchTicks'], cpu1.lines['runq']]).toEqual([6620700, 279, 71]);
    const note = a.notes.find((n) => n.rule === 'model');
    expect(note?.message).toBe(
      'line 278: a later ::cpuinfo without -v shows no run queue and the same running thread for CPU 0 (line 60, again at line 278), CPU 1 (line 71, again at line 279): ' +
        'the run queue and interrupt threads the earlier ::cpuinfo -v showed are kept, with the later row\'s other values (in a dump both show one moment)',
    );
  });

  it('drops the queue of a CPU that runs another thread now, and the thread that left the queue is not still queued', () => {
    const a = analyzeText(later(CPU0_OTHER, CPU1_SAME));
    const cpu0 = a.snapshot.cpus.find((c) => c.id === 0)!;
    expect(cpu0.runq).toBeNull();
    expect(cpu0.pil).toEqual([]);
    expect(cpu0.lines).not.toHaveProperty('runq');
    const t = a.snapshot.threads.find((x) => x.addr === 'ffffff00076f5c40')!;
    // Queued on CPU 0 at line 60, running on it at line 278: running, not both.
    expect([t.state, t.onCpu, t.queuedOn, t.lines['queuedOn']]).toEqual(['onproc', 0, null, undefined]);
    expect(a.notes.map((n) => n.message)).toContain(
      'line 278: a later ::cpuinfo without -v shows another thread running on CPU 0 (line 60, again at line 278): the run queue the earlier ::cpuinfo -v showed was of another moment and is not used; the queue now is not shown',
    );
    // CPU 1 still runs the qemu thread: its queue and the critical finding stay.
    expect(rules(a)).toContainEqual(['runq-starvation', 'critical']);
  });

  it('a ::cpuinfo -v after a plain one is read as before: its queue is the one shown', () => {
    const a = analyzeText('> ::cpuinfo\n ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC\n' + CPU1_SAME + '\n' + seed);
    expect(rules(a)).toEqual(rules(analyzeText(seed)));
    expect(a.notes.filter((n) => n.rule === 'model')).toEqual([]);
  });
});
