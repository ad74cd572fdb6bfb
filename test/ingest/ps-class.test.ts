// `::ps` and `::class` read into records and into the thread model (hand-written fixture).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import type { ClassTableRecord, MutexRecord, PsRecord } from '../../grammar/records.ts';

const a = analyzeText(readFileSync(new URL('../../fixtures/handwritten/reading/ps-class.txt', import.meta.url), 'utf8'));
const thread = (addr: string) => a.snapshot.threads.find((t) => t.addr === addr)!;

describe('::ps and ::class', () => {
  it('reads every line of both layouts and the class table', () => {
    expect(a.accounting).toEqual({ lines: 22, parsed: 22, prose: 0, unrecognized: 0 });
    expect(a.sections.map((s) => [s.kind, s.startLine, s.endLine, s.status])).toEqual([
      ['ps', 1, 8, 'ok'],
      ['ps', 9, 12, 'ok'],
      ['classes', 13, 20, 'ok'],
      ['print', 21, 22, 'ok'],
    ]);
  });

  it('keeps each process with its -t threads, and the optional ZONE column', () => {
    const ps = a.records.filter((r): r is PsRecord => r.kind === 'ps');
    expect(ps.map((p) => [p.line, p.state, p.pid, p.ppid, p.uid, p.flags, p.addr, p.name])).toEqual([
      [3, 'R', 0, 0, 0, '0x00000001', 'fffffffffbc2ea80', 'sched'],
      [6, 'R', 1021, 1, 0, '0x4a004000', 'ffffff01d5a58020', 'qemu-system-x86_'],
      [11, 'R', 0, 0, 0, '0x00000001', 'fffffffffbc2ea80', 'sched'],
      [12, 'S', 1021, 1, 0, '0x4a004000', 'ffffff01d5a58020', 'qemu-system-x86_'],
    ]);
    expect(ps[0]!.threads).toEqual([
      { thread: 't0', state: 'stopped', line: 4 },
      { thread: 'ffffff0007605c40', state: 'onproc', line: 5 },
    ]);
    expect(ps[3]!.columns['ZONE']).toBe('0');
  });

  it('gives threads their state, process and proc_t, and names the class of a t_cid', () => {
    expect(thread('ffffff01cfa6d7c0')).toMatchObject({ state: 'run', proc: 'qemu-system-x86_', procAddr: 'ffffff01d5a58020', cid: 2, cls: 'TS' });
    expect(thread('ffffff01cfa6d7c0').lines['cls']).toBe(17);
    expect(thread('ffffff01d5a600c0')).toMatchObject({ state: 'onproc', cls: null });
    const c = a.records.find((r): r is ClassTableRecord => r.kind === 'classes')!;
    expect(c.classes.map((x) => [x.slot, x.name])).toEqual([
      [0, 'SYS'],
      [1, 'SDC'],
      [2, 'TS'],
      [3, 'FX'],
      [4, 'IA'],
      [5, 'RT'],
    ]);
  });

  it('reads a ::ps header pasted without its command', () => {
    const b = analyzeText(['S    PID   PPID   PGID    SID    UID      FLAGS             ADDR NAME', 'R      0      0      0      0      0 0x00000001 fffffffffbc2ea80 sched'].join('\n'));
    expect(b.sections.map((s) => [s.kind, s.status])).toEqual([['ps', 'ok']]);
  });
});

describe('::mutex', () => {
  const m = analyzeText(readFileSync(new URL('../../fixtures/handwritten/reading/mutex.txt', import.meta.url), 'utf8'));

  it('reads adaptive and spin rows, the owner as a thread of the dump', () => {
    expect(m.accounting).toEqual({ lines: 9, parsed: 9, prose: 0, unrecognized: 0 });
    const rows = m.records.filter((r): r is MutexRecord => r.kind === 'mutex');
    expect(rows).toEqual([
      { kind: 'mutex', line: 3, addr: 'ffffff01d2c35c10', type: 'adapt', owner: 'ffffff01d5a600c0', held: true, minspl: null, oldspl: null, waiters: true },
      { kind: 'mutex', line: 6, addr: 'ffffff01d2c35c50', type: 'adapt', owner: null, held: false, minspl: null, oldspl: null, waiters: false },
      { kind: 'mutex', line: 9, addr: 'fffffffffbc4a580', type: 'spin', owner: null, held: true, minspl: 11, oldspl: 0, waiters: null },
    ]);
    expect(m.snapshot.threads.map((t) => t.addr)).toEqual(['ffffff01d5a600c0']);
  });
});

describe('::ps rows whose NAME mdb wrapped onto the next line', () => {
  // illumos-kvm-cmd issue 12: `::pgrep qemu` on an 80-column console, each NAME alone below its row.
  const text = [
    '> ::pgrep qemu',
    'S    PID   PPID   PGID    SID    UID      FLAGS             ADDR NAME',
    'R  18334  18284  18284  18284      0 0x4a004000 ffffff0911163010',
    'qemu-system-x86_',
    'R  18214  18164  18164  18164      0 0x4a004000 ffffff090f17a0a8',
    'qemu-system-x86_',
    'R      1      0      0      0      0 0x4a004000 ffffff0911160000 init',
  ].join('\n');
  it('joins the name to its row, and leaves a row with no name after it unread', () => {
    const b = analyzeText(text);
    // Before: every row and every name line unrecognized ("expected 9 columns").
    expect(b.diagnostics).toEqual([]);
    expect(b.records.filter((r): r is PsRecord => r.kind === 'ps').map((p) => [p.line, p.pid, p.addr, p.name])).toEqual([
      [3, 18334, 'ffffff0911163010', 'qemu-system-x86_'],
      [5, 18214, 'ffffff090f17a0a8', 'qemu-system-x86_'],
      [7, 1, 'ffffff0911160000', 'init'],
    ]);
    const cut = analyzeText(text.split('\n').filter((_, i) => i !== 3).join('\n'));
    expect(cut.diagnostics.map((d) => [d.line, d.message])).toEqual([[3, '::ps: expected 9 columns']]);
  });
});
