// The seed report (illumos #1532) end to end: every value it shows, with the line it came from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';

const text = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
const a = analyzeText(text, { source: 'illumos-1532.txt' });
const cpu = (id: number) => a.snapshot.cpus.find((c) => c.id === id)!;
const thread = (addr: string) => a.snapshot.threads.find((t) => t.addr === addr)!;

describe('the seed report', () => {
  it('accounts for every line, with no unrecognized line', () => {
    const { lines, parsed, prose, unrecognized } = a.accounting;
    expect(lines).toBe(text.split('\n').length - (text.endsWith('\n') ? 1 : 0));
    expect(parsed + prose + unrecognized).toBe(lines);
    expect(unrecognized).toBe(0);
    expect(a.diagnostics).toEqual([]);
    // 5 prompts + 24 cpuinfo lines (incl. the closing blank) + 1 + 1 + 6 + 6 output lines.
    expect(parsed).toBe(5 + 24 + 1 + 1 + 6 + 6);
  });

  it('finds the five sections with their commands', () => {
    expect(a.sections.map((s) => [s.kind, s.command, s.startLine, s.endLine, s.status])).toEqual([
      ['cpuinfo', '::cpuinfo -v', 51, 75, 'ok'],
      ['print', 'ffffff01d5a600c0::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft', 79, 80, 'ok'],
      ['format', 'ffffff01dde41b90/D', 81, 82, 'ok'],
      ['findstack', 'ffffff0007e01c40::findstack -v', 106, 112, 'ok'],
      ['findstack', 'ffffff0007e1fc40::findstack -v', 113, 119, 'ok'],
    ]);
  });

  it('rebuilds CPU 0 exactly as shown', () => {
    const c = cpu(0);
    expect(c).toMatchObject({ addr: 'fffffffffbc486e0', flags: 0x1b, nrun: 5, bspl: 0, pri: 108, runrun: false, kprunrun: false, switchTicks: 0, thread: 'ffffff00076cbc40', proc: 'sched' });
    expect(c.pil).toEqual([{ pil: 9, thread: 'ffffff00076cbc40', line: 56 }]);
    expect(c.runq!.map((q) => [q.pri, q.thread, q.proc, q.line])).toEqual([
      [99, 'ffffff00076f5c40', 'sched', 60],
      [99, 'ffffff00076fbc40', 'sched', 61],
      [99, 'ffffff0007701c40', 'sched', 62],
      [60, 'ffffff0007dbac40', 'fsflush', 63],
      [60, 'ffffff0008910c40', 'sched', 64],
    ]);
    expect(c.lines['pri']).toBe(53);
  });

  it('rebuilds CPU 1, joining the proc name mdb wrapped onto its own line', () => {
    const c = cpu(1);
    expect(c).toMatchObject({ addr: 'ffffff01d3e32580', flags: 0x1f, nrun: 4, pri: 0, runrun: true, kprunrun: false, switchTicks: 6620600, thread: 'ffffff01d5a600c0', proc: 'qemu-system-x86_' });
    expect(c.runq!.map((q) => [q.pri, q.thread])).toEqual([
      [99, 'ffffff0007e01c40'],
      [99, 'ffffff0007e1fc40'],
      [59, 'ffffff01cfa6d7c0'],
      [59, 'ffffff01e35b43c0'],
    ]);
    expect(c.lines['switchTicks']).toBe(67);
    expect(c.lines['proc']).toBe(68);
  });

  it('reads ts_timeleft through the print chain and the /D, as a signed int', () => {
    const q = thread('ffffff01d5a600c0');
    expect(q.tsTimeleft).toBe(-6618541);
    expect(q.cldata).toBe('ffffff01dde41b90');
    expect(q.onCpu).toBe(1);
    expect(q.state).toBe('onproc');
    // The /D on line 82 confirms the value read on line 80; the later line is kept.
    expect([80, 82]).toContain(q.lines['tsTimeleft']);
  });

  it('keeps both stacks, frame by frame', () => {
    const w = thread('ffffff0007e01c40');
    expect(w.stack!.map((f) => [f.func, f.offset, f.args, f.line])).toEqual([
      ['_resume_from_idle', 0xf1, [], 108],
      ['swtch', 0x1e6, [], 109],
      ['cv_wait', 0x7f, ['ffffff01d6fd5b60', 'ffffff01d6fd5ac0'], 110],
      ['mac_soft_ring_worker', 0xc5, ['ffffff01d6fd5ac0'], 111],
      ['thread_start', 8, [], 112],
    ]);
    expect(w).toMatchObject({ pri: 99, queuedOn: 1, state: 'run', proc: 'sched' });
    expect(thread('ffffff0007e1fc40').stack!.map((f) => f.func)).toContain('squeue_worker');
  });

  it('does not invent what the report does not show', () => {
    expect(a.snapshot.tunables).toEqual({});
    expect(a.snapshot.panic).toBeNull();
    expect(thread('ffffff0007e01c40').boundCpu).toBeNull();
  });
});
