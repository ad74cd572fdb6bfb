import { describe, expect, it } from 'vitest';
import { parseThreadlist } from '../../grammar/threadlist/index.ts';
import type { ParsedCommand } from '../../grammar/common/command-types.ts';
import type { ThreadListRecord } from '../../grammar/records.ts';
import { stackFromRecord } from '../../src/model/stack.ts';
import { fixtureLines, noCommand } from './helpers.ts';

function rows(recs: readonly unknown[]): ThreadListRecord[] {
  return recs as ThreadListRecord[];
}

describe('002: plain ::threadlist from the RFD 96 design note, with `...` elisions', () => {
  const lines = fixtureLines('fixtures/real/002-rfd96-threadlist-threadnames.txt');
  const r = parseThreadlist(lines, noCommand);

  it('reads the five rows and their descriptions', () => {
    expect(rows(r.records).map((x) => [x.line, x.addr, x.proc, x.lwp, x.desc])).toEqual([
      [2, 'fffffffffbc38660', 'fffffffffbc37680', 'fffffffffbc3a160', 'sched/1'],
      [4, 'ffffff000f40bc40', 'fffffffffbc37680', '0', 'thread_reaper()'],
      [5, 'ffffff000f411c40', 'fffffffffbc37680', '0', 'tq:kmem_move_taskq'],
      [7, 'fffffe23871160c0', 'fffffe23e34f8098', 'fffffe25a8bae3c0', 'bhyve/50 [vcpu 27]'],
      [8, 'fffffe249ceefc20', 'fffffe23e34f8098', 'fffffe2382d630c0', 'bhyve/51 [viona_rx_fffffe23939456d0]'],
    ]);
    expect(rows(r.records).every((x) => x.cid === null && x.stack === null)).toBe(true);
  });

  it('reads the `...` lines as elisions: no record and no diagnostic (they are not unreadable mdb output)', () => {
    expect(lines[2]!.text).toBe('...');
    expect(lines[5]!.text).toBe('...');
    expect(r.unrecognized).toEqual([]);
    expect(r.records).toHaveLength(5);
  });

  it('still diagnoses a line that is neither a row nor an elision', () => {
    const bad = parseThreadlist([...lines, { no: 9, text: '.... more rows' }], noCommand);
    expect(bad.unrecognized).toEqual([{ line: 9, col: 4, message: "threadlist: unexpected '.'" }]);
    expect(bad.records).toHaveLength(5);
  });
});

describe('::threadlist -v, 2018+ layout (hand-written: fixtures/handwritten/stacks/threadlist-v-2018.txt)', () => {
  const lines = fixtureLines('fixtures/handwritten/stacks/threadlist-v-2018.txt');
  const cmd: ParsedCommand = { text: '::threadlist -v', stages: [{ addr: null, count: null, verb: 'dcmd', name: 'threadlist', args: ['-v'] }] };

  for (const ctx of [noCommand, { command: cmd }]) {
    it(`reads rows, PC lines and the embedded findstack blocks (${ctx.command ? 'with' : 'without'} the command)`, () => {
      const r = parseThreadlist(lines, ctx);
      expect(r.unrecognized).toEqual([]);
      const t = rows(r.records);
      expect(t.map((x) => [x.line, x.addr, x.cid, x.pri, x.wchan, x.pc, x.desc])).toEqual([
        [2, 'ffffff0007e01c40', 0, 99, 'ffffff01d6fd5b60', '_resume_from_idle+0xf1', null],
        [11, 'ffffff01e8a3c7e0', 2, 59, '0', '_resume_from_idle+0xf1', null],
        [21, 'fffffffffbc2f4a0', 0, -1, '0', '_resume_from_idle+0xf1', null],
      ]);
      const s = t[0]!.stack!;
      expect(s).toMatchObject({ thread: 'ffffff0007e01c40', threadDesc: 'mac_soft_ring_worker()', sp: 'ffffff0007e01b60', line: 4 });
      expect(stackFromRecord(s)).toEqual([
        { func: '_resume_from_idle', offset: 0xf1, args: [], fp: 'ffffff0007e01b60', saved: true, line: 5 },
        { func: 'swtch', offset: 0x1e6, args: [], fp: null, line: 6 },
        { func: 'cv_wait', offset: 0x7f, args: [], fp: null, line: 7 },
        { func: 'mac_soft_ring_worker', offset: 0xc5, args: [], fp: null, line: 8 },
        { func: 'thread_start', offset: 8, args: [], fp: null, line: 9 },
      ]);
      expect(t[1]!.stack!.threadDesc).toBe('qemu-system-x86_/3 [vcpu 0]');
      expect(t[1]!.stack!.frames.map((f) => f.func)).toEqual(['swtch', 'preempt', 'kvm_run', 'ioctl', 'sys_syscall']);
      expect(t[2]!.stack!.threadDesc).toBe('idle()');
    });
  }
});

describe('::threadlist -v, pre-2018 layout (hand-written: fixtures/handwritten/stacks/threadlist-v-pre2018.txt)', () => {
  const lines = fixtureLines('fixtures/handwritten/stacks/threadlist-v-pre2018.txt');
  const r = parseThreadlist(lines, noCommand);
  const t = rows(r.records);

  it('reads THREAD:, TASKQ: and CMD: trailers into desc, spelled as the plain listing spells them', () => {
    expect(r.unrecognized).toEqual([]);
    expect(t.map((x) => [x.pc, x.desc])).toEqual([
      ['_resume_from_idle+0xf1', 'mac_soft_ring_worker()'],
      ['_resume_from_idle+0xf1', 'tq:zio_write_intr'],
      ['_resume_from_idle+0xf1', 'qemu-system-x86_64 -m 1024 -smp 2 -name guest0'],
    ]);
  });

  it('reads the blocks without a bracket line or a description', () => {
    expect(t[1]!.stack).toMatchObject({ thread: 'ffffff0007e25c40', threadDesc: null, savedPc: null, sp: 'ffffff0007e25a60' });
    expect(t[1]!.stack!.frames.map((f) => [f.func, f.fp, f.line])).toEqual([
      ['swtch', null, 13],
      ['cv_wait', null, 14],
      ['taskq_thread_wait', null, 15],
      ['taskq_thread', null, 16],
      ['thread_start', null, 17],
    ]);
  });
});

describe('damaged ::threadlist -v', () => {
  it('one diagnostic per bad line; later rows still read; a lost blank line does not merge threads', () => {
    const lines = fixtureLines('fixtures/handwritten/stacks/threadlist-v-2018.txt')
      .filter((l) => l.text !== '')
      .map((l) => (l.no === 7 ? { no: 7, text: '    cv_wait+0x7f(((' } : l));
    const r = parseThreadlist(lines, noCommand);
    expect(r.unrecognized.map((d) => d.line)).toEqual([7]);
    const t = rows(r.records);
    expect(t).toHaveLength(3);
    expect(t[0]!.stack!.frames.map((f) => f.func)).toEqual(['swtch', 'mac_soft_ring_worker', 'thread_start']);
    expect(t[1]!.stack!.frames).toHaveLength(5);
  });

  it('a PC line with no row above it is misplaced', () => {
    const r = parseThreadlist([{ no: 1, text: '  PC: _resume_from_idle+0xf1' }], noCommand);
    expect(r.unrecognized).toEqual([{ line: 1, col: 3, message: 'threadlist: PC line without a `-v` thread row above it' }]);
  });
});
