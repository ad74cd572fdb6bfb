import { describe, expect, it } from 'vitest';
import { parseStacks } from '../../grammar/stacks/index.ts';
import type { StacksGroupRecord } from '../../grammar/records.ts';
import { stackFromGroup } from '../../src/model/stack.ts';
import { renderStacks, stacksView } from '../../src/render/stacks.ts';
import { fixtureLines, joined, noCommand } from './helpers.ts';
import { numbered } from '../support/lines.ts';

function groups(recs: readonly unknown[]): StacksGroupRecord[] {
  return recs as StacksGroupRecord[];
}

describe('012: ::stacks on aarch64 (lines 5-37)', () => {
  const lines = fixtureLines('fixtures/real/012-richlowe-aarch64-cpuinfo-stacks-part1.txt', 5);
  const r = parseStacks(lines, noCommand);
  const g = groups(r.records);

  it('reads five groups with no diagnostics', () => {
    expect(r.unrecognized).toEqual([]);
    expect(g.map((x) => [x.thread, x.state, x.stateText, x.sobj, x.count, x.frames.length, x.line])).toEqual([
      ['ffff800044011c20', 'sleep', 'SLEEP', 'CV', 287, 4, 6],
      ['ffff8000453c7c20', 'sleep', 'SLEEP', 'CV', 218, 5, 12],
      ['ffff8001966833e0', 'sleep', 'SLEEP', 'CV', 47, 6, 19],
      ['ffff800195844020', 'sleep', 'SLEEP', 'SHUTTLE', 29, 4, 27],
      ['ffff800194d90000', 'sleep', 'SLEEP', 'SHUTTLE', 26, 4, 33],
    ]);
  });

  it('reads frames with no fp and no args, exact symbols with a null offset', () => {
    expect(g[0]!.frames).toEqual([
      { fp: null, func: 'cv_wait', offset: 0x74, args: null, line: 7 },
      { fp: null, func: 'taskq_thread_wait', offset: 0xbc, args: null, line: 8 },
      { fp: null, func: 'taskq_thread', offset: 0x29c, args: null, line: 9 },
      { fp: null, func: 'thread_exit', offset: null, args: null, line: 10 },
    ]);
    expect(stackFromGroup(g[0]!).map((f) => f.line)).toEqual([7, 8, 9, 10]);
  });

  it('re-renders byte for byte (the paste was cut before the last empty line)', () => {
    expect(renderStacks(g.map(stacksView))).toBe(joined(lines) + '\n');
  });
});

describe('011: userland ::stacks -i of an lx core', () => {
  const lines = fixtureLines('fixtures/real/011-coreclr-lx-userland-stacks-i.txt', 2);
  const r = parseStacks(lines, noCommand);
  const g = groups(r.records);

  it('reads the mdb: warnings before the header, LWP ids, UNPARKED and <NONE>', () => {
    expect(r.unrecognized).toEqual([]);
    expect(g.map((x) => [x.thread, x.state, x.stateText, x.sobj, x.count, x.frames.length])).toEqual([
      ['1', 'unparked', 'UNPARKED', '<NONE>', 6, 0],
      ['4', 'unparked', 'UNPARKED', '<NONE>', 1, 3],
      ['9', 'unparked', 'UNPARKED', '<NONE>', 1, 21],
      ['6', 'unparked', 'UNPARKED', '<NONE>', 1, 3],
    ]);
  });

  it('reads link-map and module prefixes and symbol-less addresses', () => {
    expect(g[1]!.frames[0]).toMatchObject({ func: 'LMfd`libc.so.1`poll', offset: 0x56, line: 9 });
    expect(g[2]!.frames[3]).toMatchObject({ func: '0x7ffffc6d2e16', offset: null, line: 17 });
    expect(g[3]!.frames[1]).toMatchObject({
      func: 'libcoreclr.so`_ZN19DbgTransportSession21TransportWorkerStaticEPv',
      offset: 9,
    });
  });

  it('re-renders the table byte for byte (the warnings went to stderr, not to ::stacks)', () => {
    expect(renderStacks(g.map(stacksView))).toBe(joined(lines.slice(3)) + '\n');
  });
});

describe('013: a chunk that starts in the middle of a group', () => {
  const lines = fixtureLines('fixtures/real/013-richlowe-aarch64-stacks-part2.txt');
  const r = parseStacks(lines, noCommand);
  const g = groups(r.records);

  it('puts the leading frames in a group with null thread, state, sobj and count', () => {
    expect(r.unrecognized).toEqual([]);
    expect(g[0]).toEqual({
      kind: 'stacksGroup',
      line: 1,
      thread: null,
      members: [],
      state: null,
      stateText: null,
      sobj: null,
      count: null,
      frames: [
        { fp: null, func: 'seg_pasync_thread', offset: 0xdc, args: null, line: 1 },
        { fp: null, func: 'thread_exit', offset: null, args: null, line: 2 },
      ],
      failure: null,
    });
  });

  it('takes the whitespace-only line as the separator and reads the five full groups', () => {
    expect(g).toHaveLength(6);
    expect(g.slice(1).every((x) => x.count === 1 && x.state === 'sleep' && x.stateText === 'SLEEP' && x.sobj === 'CV')).toBe(true);
    expect(g[1]!.line).toBe(4);
    expect(g[5]!.frames.at(-1)).toMatchObject({ func: 'thread_exit', line: 36 });
  });

  it('re-renders the full groups byte for byte', () => {
    expect(renderStacks(g.slice(1).map(stacksView), { header: 'none' })).toBe(joined(lines.slice(3)) + '\n');
  });
});

describe('hand-written ::stacks -a (fixtures/handwritten/stacks/stacks-a.txt)', () => {
  const lines = fixtureLines('fixtures/handwritten/stacks/stacks-a.txt');
  const r = parseStacks(lines, noCommand);
  const g = groups(r.records);

  it('reads members, failures, truncation, INVAL/ff and ??', () => {
    expect(r.unrecognized).toEqual([]);
    expect(g).toHaveLength(4);
    expect(g[0]!.members).toEqual([{ thread: 'ffffff0007e1fc40', line: 3 }]);
    expect(g[0]!.count).toBe(2);
    expect(g[1]).toMatchObject({ state: 'free', stateText: 'FREE', failure: '<thread not in memory>', frames: [] });
    expect(g[2]).toMatchObject({ state: 'onproc', stateText: 'ONPROC', failure: '... truncated ...' });
    expect(g[2]!.frames).toHaveLength(2);
    expect(g[3]).toMatchObject({ state: null, stateText: 'INVAL/ff', sobj: '??' });
    expect(g[3]!.frames[0]!.func).toBe('0xfffffffffb84c873');
  });

  it('re-renders with the header before every group', () => {
    expect(renderStacks(g.map(stacksView), { header: 'each' })).toBe(joined(lines));
  });
});

describe('32-bit mdb (W = 8)', () => {
  it('reads and renders 8-wide columns', () => {
    const text = [
      'THREAD   STATE    SOBJ        COUNT',
      'd5a600c0 SLEEP    CV              3',
      '         cv_wait+0x61',
      '         taskq_thread+0x1c5',
      '',
    ];
    const lines = numbered(text);
    const r = parseStacks(lines, noCommand);
    expect(r.unrecognized).toEqual([]);
    expect(renderStacks(groups(r.records).map(stacksView), { addrWidth: 8 })).toBe(joined(lines));
  });
});

describe('bad lines', () => {
  it('gives one diagnostic per bad line and keeps reading the group', () => {
    const lines = numbered([
      'THREAD           STATE    SOBJ                COUNT',
      'ffff800044011c20 SLEEP    CV                    28x',
      'ffff800044011c20 SLEEP    CV                    287',
      '                 cv_wait+0x74 (oops',
      '                 taskq_thread+0x29c',
      '                 %%%',
    ]);
    const r = parseStacks(lines, noCommand);
    expect(r.unrecognized.map((d) => [d.line, d.col])).toEqual([
      [2, 51],
      [4, 31],
      [6, 18],
    ]);
    expect(groups(r.records)[0]!.frames.map((f) => f.func)).toEqual(['taskq_thread']);
  });
});
