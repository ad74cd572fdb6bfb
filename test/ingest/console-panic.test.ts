// Console panics read whole through the splitter, not only by the grammar: with a header, without
// one (a `BAD TRAP:` alone), forwarded by syslog, and raw-pc frames.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import type { PanicRecord, StackRecord } from '../../grammar/records.ts';

const read = (path: string) => analyzeText(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8'));
const frames = (s: StackRecord) => s.frames.map((f) => [f.func, f.offset, f.args, f.line]);
const BAD_TRAP = 'BAD TRAP: type=e (#pf Page fault) rp=fffffe00f5d8e8a0 addr=28 occurred in module "zfs" due to a NULL pointer dereference';

describe('the hand-written console panic, through the splitter', () => {
  const a = read('handwritten/printfmt/panic-console.txt');

  it('is one panic section from the header to the last line, every line read', () => {
    expect(a.sections.map((s) => [s.kind, s.startLine, s.endLine, s.status])).toEqual([['panic', 2, 30, 'ok']]);
    expect(a.accounting).toEqual({ lines: 30, parsed: 29, prose: 1, unrecognized: 0 });
    expect(a.diagnostics).toEqual([]);
  });

  it('gives the panic, the registers after `Bad kernel fault`, and the trace of the panicking thread', () => {
    expect(a.records.map((r) => r.kind)).toEqual(['panic', 'registers', 'stack']);
    expect(a.snapshot.panic).toMatchObject({ cpu: 3, thread: 'ffffff0007e01c40' });
    const regs = a.records[1]!;
    if (regs.kind !== 'registers') throw new Error('not registers');
    expect(regs.regs['pc']).toEqual({ value: '0xfffffffff7a1b2c3', line: 8 });
    expect(regs.regs['cr2']).toEqual({ value: '0', line: 10 });
    expect(regs.regs['rip']).toEqual({ value: 'fffffffff7a1b2c3', line: 21 });
    const t = a.snapshot.threads.find((x) => x.addr === 'ffffff0007e01c40')!;
    expect(t.stack!.map((f) => f.func)).toEqual(['die', 'trap', 'cmntrap', 'foo_intr']);
  });
});

describe('a panic with no panic[cpu] header', () => {
  const a = read('handwritten/reading/panic-badtrap-alone.txt');

  it('starts at the BAD TRAP line and runs through the trace; the prose around it stays prose', () => {
    expect(a.sections.map((s) => [s.kind, s.startLine, s.endLine, s.status])).toEqual([['panic', 3, 30, 'ok']]);
    expect(a.accounting).toEqual({ lines: 32, parsed: 28, prose: 4, unrecognized: 0 });
  });

  it('is a panic with its message and no CPU or thread, and the raw pc frame is an address', () => {
    const p = a.records[0] as PanicRecord;
    expect(p).toEqual({ kind: 'panic', line: 3, cpu: null, thread: null, message: BAD_TRAP });
    const s = a.records.find((r) => r.kind === 'stack') as StackRecord;
    expect(frames(s)).toEqual([
      ['die', 0xc6, [], 25],
      ['trap', 0x10ff, [], 26],
      ['cmntrap', 0xe9, [], 27],
      ['spa_sync', 0x174, ['fffffe5a3c0e6000', '1c2e'], 28],
      ['0xfffffffff79b1d20', null, [], 29],
      ['thread_start', 0xb, [], 30],
    ]);
  });
});

describe('panics forwarded by syslog', () => {
  it('reads the rsyslog copy, escapes and all, as the console one', () => {
    const a = read('handwritten/reading/panic-rsyslog.txt');
    expect(a.sections.map((s) => [s.kind, s.startLine, s.endLine, s.status])).toEqual([['panic', 1, 21, 'ok']]);
    expect(a.accounting).toEqual({ lines: 22, parsed: 21, prose: 1, unrecognized: 0 });
    expect(a.records[0]).toEqual({ kind: 'panic', line: 1, cpu: 2, thread: 'fffffe00f5d8ec20', message: BAD_TRAP });
    const regs = a.records.find((r) => r.kind === 'registers');
    if (regs?.kind !== 'registers') throw new Error('no registers');
    // `#011rdi: ...`: a tab escape before the register row.
    expect(regs.regs['rdi']).toEqual({ value: 'fffffe5a3c0e6000', line: 13 });
    expect(regs.regs['r9']).toEqual({ value: '0', line: 14 });
    const s = a.records.find((r) => r.kind === 'stack') as StackRecord;
    expect(s.thread).toBe('fffffe00f5d8ec20');
    expect(frames(s).map((f) => f[0])).toEqual(['die', 'trap', 'cmntrap', 'spa_sync', 'thread_start']);
  });

  it('decodes the escapes of a log whose prefixes were cut off: `#011rdi: ...` is a register row', () => {
    const a = read('handwritten/reading/panic-escapes-no-prefix.txt');
    expect(a.accounting).toEqual({ lines: 29, parsed: 27, prose: 2, unrecognized: 0 });
    expect(a.diagnostics).toEqual([]);
    const regs = a.records.find((r) => r.kind === 'registers');
    if (regs?.kind !== 'registers') throw new Error('no registers');
    expect(regs.regs['rdi']).toEqual({ value: 'fffffb0412345678', line: 13 });
    expect(regs.regs['ss']).toEqual({ value: '38', line: 22 });
    expect(regs.regs['cr3']).toEqual({ value: '3f01234000', line: 11 });
    const s = a.records.find((r) => r.kind === 'stack') as StackRecord;
    expect(frames(s).map((f) => f[0])).toEqual(['die', 'trap', 'cmntrap', '0x0', 'apix_dispatch_by_vector', 'apix_dispatch_lowlevel']);
  });

  it('reads trace lines alone, without a header or trap line', () => {
    const a = read('handwritten/reading/panic-syslog-frames-only.txt');
    expect(a.sections.map((s) => [s.kind, s.startLine, s.endLine, s.status])).toEqual([['panic', 2, 5, 'ok']]);
    expect(a.accounting).toEqual({ lines: 5, parsed: 4, prose: 1, unrecognized: 0 });
    const s = a.records[0] as StackRecord;
    expect(frames(s)).toEqual([
      ['die', 0xc6, [], 2],
      ['trap', 0x10ff, [], 3],
      ['cmntrap', 0xe9, [], 4],
      ['0xfffffffff79ac6e4', null, [], 5],
    ]);
  });
});
