import { describe, expect, it } from 'vitest';
import { parseFindstack } from '../../grammar/findstack/index.ts';
import type { ParsedCommand } from '../../grammar/common/command-types.ts';
import type { StackRecord } from '../../grammar/records.ts';
import { stackFromRecord } from '../../src/model/stack.ts';
import { renderFindstack } from '../../src/render/findstack.ts';
import { fixtureLines, joined, noCommand } from './helpers.ts';

const findstackV: ParsedCommand = {
  text: 'ffffff0007e01c40::findstack -v',
  stages: [{ addr: 'ffffff0007e01c40', count: null, verb: 'dcmd', name: 'findstack', args: ['-v'] }],
};

function stacks(recs: readonly unknown[]): StackRecord[] {
  return recs as StackRecord[];
}

function rerender(rec: StackRecord, verbose: boolean): string {
  return renderFindstack(
    { addr: rec.thread!, desc: rec.threadDesc, free: rec.free, sp: rec.sp, stack: stackFromRecord(rec) },
    { verbose },
  );
}

describe('::findstack -v blocks of the seed report (lines 107-112 and 114-119)', () => {
  const first = fixtureLines('fixtures/seed/illumos-1532.txt', 107, 112);
  const second = fixtureLines('fixtures/seed/illumos-1532.txt', 114, 119);

  it('reads the first block frame by frame', () => {
    const r = parseFindstack(first, { command: findstackV });
    expect(r.unrecognized).toEqual([]);
    expect(r.records).toHaveLength(1);
    const rec = stacks(r.records)[0]!;
    expect(rec).toMatchObject({
      kind: 'stack',
      line: 107,
      thread: 'ffffff0007e01c40',
      threadDesc: null,
      free: false,
      sp: 'ffffff0007e01b60',
      savedPc: { sp: 'ffffff0007e01b60', func: '_resume_from_idle', offset: 0xf1, line: 108 },
      failure: null,
      source: 'findstack-v',
    });
    expect(rec.frames).toEqual([
      { fp: 'ffffff0007e01b90', func: 'swtch', offset: 0x1e6, args: [], line: 109 },
      { fp: 'ffffff0007e01bc0', func: 'cv_wait', offset: 0x7f, args: ['ffffff01d6fd5b60', 'ffffff01d6fd5ac0'], line: 110 },
      { fp: 'ffffff0007e01c20', func: 'mac_soft_ring_worker', offset: 0xc5, args: ['ffffff01d6fd5ac0'], line: 111 },
      { fp: 'ffffff0007e01c30', func: 'thread_start', offset: 8, args: [], line: 112 },
    ]);
  });

  it('reads the second block frame by frame', () => {
    const r = parseFindstack(second, noCommand);
    expect(r.unrecognized).toEqual([]);
    const rec = stacks(r.records)[0]!;
    expect(rec.thread).toBe('ffffff0007e1fc40');
    expect(rec.sp).toBe('ffffff0007e1fb60');
    // no command: the arguments decide that this was -v
    expect(rec.source).toBe('findstack-v');
    expect(rec.frames.map((f) => [f.fp, f.func, f.offset, f.args, f.line])).toEqual([
      ['ffffff0007e1fb90', 'swtch', 0x1e6, [], 116],
      ['ffffff0007e1fbc0', 'cv_wait', 0x7f, ['ffffff01d2c35c50', 'ffffff01d2c35c10'], 117],
      ['ffffff0007e1fc20', 'squeue_worker', 0xd1, ['ffffff01d2c35c00'], 118],
      ['ffffff0007e1fc30', 'thread_start', 8, [], 119],
    ]);
  });

  it('re-renders both blocks byte for byte', () => {
    for (const block of [first, second]) {
      const rec = stacks(parseFindstack(block, noCommand).records)[0]!;
      expect(rerender(rec, true)).toBe(joined(block));
    }
  });

  it('reads the two blocks concatenated (as `::walk thread | ::findstack -v` prints them)', () => {
    const r = parseFindstack([...first, ...second], noCommand);
    expect(r.unrecognized).toEqual([]);
    expect(stacks(r.records).map((s) => [s.thread, s.line, s.frames.length])).toEqual([
      ['ffffff0007e01c40', 107, 4],
      ['ffffff0007e1fc40', 114, 4],
    ]);
  });
});

describe('real ::findstack output', () => {
  it('010: a `# `-commented paste (prefix stripped here, as ingest does) reads with no diagnostics', () => {
    const lines = fixtureLines('fixtures/real/010-walinuxagent-comment-findstack-v-strwrite.txt', 2).map((l) => ({
      no: l.no,
      text: l.text.startsWith('# ') ? l.text.slice(2) : l.text,
    }));
    const r = parseFindstack(lines, noCommand);
    expect(r.unrecognized).toEqual([]);
    const rec = stacks(r.records)[0]!;
    expect(rec.thread).toBe('ffffff0368f503a0');
    expect(rec.savedPc).toMatchObject({ func: '_resume_from_idle', offset: 0xf4, line: 3 });
    expect(rec.frames).toHaveLength(12);
    expect(rec.frames[5]).toEqual({
      fp: 'ffffff000cf35b10',
      func: 'strwrite',
      offset: 0x1b,
      args: ['ffffff0316152700', 'ffffff000cf35e60', 'ffffff0365b1ade0'],
      line: 9,
    });
    expect(rec.frames[11]).toMatchObject({ func: 'sys_syscall', offset: 0x17a, args: [], line: 15 });
    expect(rerender(rec, true)).toBe(joined(lines));
  });

  it('003: 2018+ description with a bracketed thread name, frames without -v', () => {
    const lines = fixtureLines('fixtures/real/003-rfd96-findstack-threadnames.txt', 2);
    const r = parseFindstack(lines, noCommand);
    expect(r.unrecognized).toEqual([]);
    const rec = stacks(r.records)[0]!;
    expect(rec).toMatchObject({ thread: 'fffffe25a8c83460', threadDesc: 'bhyve/1 [mevent]', sp: 'fffffcc26cacebb0', source: 'findstack' });
    expect(rec.frames.map((f) => f.func)).toEqual(['swtch', 'cv_wait_sig_swap_core']);
    expect(rerender(rec, false)).toBe(joined(lines));
  });

  it('016: only the first line survived; it still makes a record', () => {
    const lines = fixtureLines('fixtures/real/016-smartoslive-990-mdb-ke-findstack-threadname.txt', 2);
    const r = parseFindstack(lines, noCommand);
    expect(r.unrecognized).toEqual([]);
    expect(stacks(r.records)[0]).toMatchObject({ thread: 'fffffe59fa7f2b60', threadDesc: 'cat/1', sp: 'fffffe007ac808e0', frames: [] });
  });
});

describe('hand-written edge cases (fixtures/handwritten/stacks/findstack-edge-cases.txt)', () => {
  const lines = fixtureLines('fixtures/handwritten/stacks/findstack-edge-cases.txt');
  const r = parseFindstack(lines, noCommand);
  const recs = stacks(r.records);

  it('gives exactly one diagnostic per unreadable line and reads the rest', () => {
    expect(r.unrecognized.map((d) => d.line)).toEqual([14, 22]);
    expect(r.unrecognized[0]).toMatchObject({ line: 14, col: 6 });
    // the second `(` of `swtch+0x1e6((`
    expect(r.unrecognized[1]!.col).toBe(32);
    expect(recs).toHaveLength(7);
  });

  it('reads TS_FREE with and without a description', () => {
    expect(recs[0]).toMatchObject({ thread: 'ffffff0007c89c40', free: true, threadDesc: null, sp: 'ffffff0007c89b50' });
    expect(recs[0]!.frames).toHaveLength(2);
    expect(recs[1]).toMatchObject({ thread: 'ffffff0007c8fc40', free: true, threadDesc: 'intr_thread()' });
  });

  it('turns mdb: failures and Possible stack pointers into failed records', () => {
    expect(recs[2]).toMatchObject({ thread: 'ffffff01e8b41020', failure: "mdb: thread ffffff01e8b41020 isn't in memory", frames: [], line: 6 });
    expect(recs[3]).toMatchObject({ thread: 'ffffff01e8b41400', line: 7 });
    expect(recs[3]!.failure).toMatch(/too big to be reasonable$/);
    expect(recs[4]).toMatchObject({
      thread: 'ffffff01e8b41800',
      failure: 'Possible stack pointers: ffffff0007d21a30 (3), ffffff0007d21c10 (7)',
      frames: [],
    });
  });

  it('reads an empty description, a symbol-less PC and a module-qualified symbol', () => {
    expect(recs[5]).toMatchObject({ threadDesc: '', thread: 'ffffff01e8a3c7e0' });
    expect(recs[5]!.frames.map((f) => [f.func, f.offset])).toEqual([
      ['0xfffffffffb84c873', null],
      ['unix`sys_syscall', 0x17a],
    ]);
    expect(rerender(recs[5]!, false)).toBe(joined(lines.slice(10, 13)));
  });

  it('reads a taskq block with five arguments, and keeps its source -v', () => {
    const rec = recs[6]!;
    expect(rec.threadDesc).toBe('tq:zio_write_intr');
    expect(rec.frames[2]!.args).toHaveLength(5);
    expect(rec.source).toBe('findstack-v');
    expect(rerender(rec, true)).toBe(joined(lines.slice(14, 21)));
  });
});

describe('userland and 32-bit shapes', () => {
  it('reads an LWP id as the thread and 8-digit frame pointers', () => {
    const lines = [
      { no: 1, text: 'stack pointer for thread 1: 8047b28' },
      { no: 2, text: '[ 08047b28 libc.so.1`__pollsys+0x15() ]' },
      { no: 3, text: '  08047b58 libc.so.1`poll+0x52(8047bb0, 1, ffffffff)' },
      { no: 4, text: '  08047bf8 main+0x3c(1, 8047c24, 8047c2c)' },
      { no: 5, text: '  08047c18 _start+0x7d(1, 8047d20, 0, 8047d2a, 8047d3e, 8047d52)' },
    ];
    const r = parseFindstack(lines, noCommand);
    expect(r.unrecognized).toEqual([]);
    const rec = stacks(r.records)[0]!;
    expect(rec.thread).toBe('1');
    expect(rec.savedPc!.func).toBe('libc.so.1`__pollsys');
    expect(renderFindstack({ addr: '1', sp: rec.sp, stack: stackFromRecord(rec) }, { verbose: true, addrWidth: 8 })).toBe(joined(lines));
  });
});
