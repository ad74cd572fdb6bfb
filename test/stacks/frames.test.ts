import { describe, expect, it } from 'vitest';
import { parseFrames } from '../../grammar/frames/index.ts';
import type { CommandStage } from '../../grammar/common/command-types.ts';
import type { StackRecord } from '../../grammar/records.ts';
import { stackFromRecord } from '../../src/model/stack.ts';
import { fixtureLines, noCommand } from './helpers.ts';

function only(recs: readonly unknown[]): StackRecord {
  expect(recs).toHaveLength(1);
  return recs[0] as StackRecord;
}

function ctx(stage: CommandStage) {
  return { command: { text: '', stages: [stage] } };
}

describe('017: ::stackregs frame lines pasted without their command line', () => {
  const lines = fixtureLines('fixtures/real/017-omnios-632-status-stackregs-two-hosts.txt', 7, 18);

  it('reads twelve `fp func+off(args)` frames, the symbol-less one included', () => {
    const r = parseFrames(lines, noCommand);
    expect(r.unrecognized).toEqual([]);
    const s = only(r.records);
    expect(s).toMatchObject({ thread: null, sp: null, savedPc: null, failure: null, source: 'frames', line: 7 });
    expect(s.frames[0]).toEqual({ fp: 'fffffe00b6e59c60', func: 'usb_console_input_enter', offset: 0x13, args: ['0'], line: 7 });
    expect(s.frames[6]).toEqual({ fp: 'fffffe00b6e59d10', func: 'prom_exit_to_mon', offset: 9, args: [], line: 13 });
    expect(s.frames[7]).toEqual({ fp: 'fffffe00b6e59d40', func: '0xfffffffffb84c873', offset: null, args: [], line: 14 });
    expect(s.frames[9]!.args).toEqual(['2', '0', '0', 'fffffe83b2120cf8']);
    expect(s.frames.at(-1)).toMatchObject({ func: 'sys_syscall32', offset: 0x12f, line: 18 });
  });

  it('takes the source from the command when there is one', () => {
    const r = parseFrames(lines, ctx({ addr: null, count: null, verb: 'dcmd', name: 'stackregs', args: [] }));
    expect(only(r.records).source).toBe('stackregs');
  });
});

describe('019: four frames with no command (excerpt cut)', () => {
  it('reads them as bare frames', () => {
    const r = parseFrames(fixtureLines('fixtures/real/019-smartoslive-494-stack-arc-reclaim.txt'), noCommand);
    expect(r.unrecognized).toEqual([]);
    const s = only(r.records);
    expect(s.frames.map((f) => [f.fp, f.func, f.offset, f.args, f.line])).toEqual([
      ['ffffff007b650b50', 'mutex_enter', 0xb, [], 1],
      ['ffffff007b650b80', 'kmem_cache_reap_now', 0x18, ['40000000'], 2],
      ['ffffff007b650bb0', 'arc_kmem_reap_now', 0x53, [], 3],
      ['ffffff007b650c20', 'arc_reclaim_thread', 0x21a, [], 4],
    ]);
  });
});

describe('020: $C of a panicked lx thread', () => {
  const lines = fixtureLines('fixtures/real/020-smartoslive-750-C-status-panicinfo-lx.txt', 2, 9);

  it('reads the eight frames as $C', () => {
    const r = parseFrames(lines, ctx({ addr: null, count: null, verb: 'builtin', name: '$C', args: [] }));
    expect(r.unrecognized).toEqual([]);
    const s = only(r.records);
    expect(s.source).toBe('$C');
    expect(s.thread).toBeNull();
    expect(s.frames).toHaveLength(8);
    expect(s.frames[5]).toEqual({ fp: 'ffffd001f2b38e70', func: 'lx_stat64', offset: 0x88, args: ['6f11b0', '7fffffeff720'], line: 7 });
    expect(stackFromRecord(s).map((f) => f.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('$c and ::stack (no frame pointer column)', () => {
  const lines = [
    { no: 3, text: 'mutex_owner_running+0xd()' },
    { no: 4, text: 'zfs_znode_free+0x37(ffffd065493b0008)' },
    { no: 5, text: 'sys_syscall+0x145()' },
  ];

  it('reads `func+off(args)` with fp null, and the address typed before the command as the thread', () => {
    const r = parseFrames(lines, ctx({ addr: 'ffffd0654dfb6840', count: null, verb: 'dcmd', name: 'stack', args: [] }));
    expect(r.unrecognized).toEqual([]);
    const s = only(r.records);
    expect(s).toMatchObject({ source: 'stack', thread: 'ffffd0654dfb6840', line: 3 });
    expect(s.frames[1]).toEqual({ fp: null, func: 'zfs_znode_free', offset: 0x37, args: ['ffffd065493b0008'], line: 4 });
    expect(only(parseFrames(lines, ctx({ addr: null, count: null, verb: 'builtin', name: '$c', args: [] })).records).source).toBe('$c');
  });

  it('sets failure from an mdb: line and diagnoses junk', () => {
    const r = parseFrames(
      [...lines, { no: 6, text: 'mdb: failed to read frame at ffffd001f2b39000: no mapping for address' }, { no: 7, text: 'ffffd001f2b38cf0 )' }],
      noCommand,
    );
    expect(r.unrecognized).toEqual([{ line: 7, col: 18, message: "frame: unexpected ')'" }]);
    expect(only(r.records).failure).toBe('mdb: failed to read frame at ffffd001f2b39000: no mapping for address');
  });
});
