import { describe, expect, it } from 'vitest';
import { isThreadHeader, parseThread } from '../../grammar/thread/index.ts';
import { outputStartKind } from '../../src/ingest/shapes.ts';
import type { ParsedCommand } from '../../grammar/common/command-types.ts';
import type { ThreadSummaryRecord } from '../../grammar/records.ts';
import { renderThread, renderThreadHeader } from '../../src/render/thread.ts';
import { fixtureLines, joined, noCommand } from './helpers.ts';
import { numbered } from '../support/lines.ts';

function rows(recs: readonly unknown[]): ThreadSummaryRecord[] {
  return recs as ThreadSummaryRecord[];
}

describe('::thread and ::thread -d (hand-written: fixtures/handwritten/stacks/thread-i-d.txt)', () => {
  const lines = fixtureLines('fixtures/handwritten/stacks/thread-i-d.txt');
  const r = parseThread(lines, noCommand);
  const t = rows(r.records);

  it('reads the -i columns by header name', () => {
    expect(r.unrecognized).toEqual([]);
    expect(t).toHaveLength(8);
    expect(t[0]).toEqual({
      kind: 'thread',
      line: 2,
      addr: 'ffffff0007e01c40',
      state: 'run',
      columns: { STATE: 'run', FLG: '8', PFLG: '0', SFLG: '3', PRI: '99', EPRI: '0', PIL: '0', INTR: 'n/a' },
    });
    expect(t[3]!.columns).toMatchObject({ STATE: 'onproc', PRI: '109', PIL: '10', INTR: 'ffffff01e8a3c7e0' });
  });

  it('reads the -d columns, SWITCH included, trailing spaces or not', () => {
    expect(t.slice(4).map((x) => [x.line, x.addr, x.columns])).toEqual([
      [7, 'ffffff0007e01c40', { DISPTIME: '64f2a1', BOUND: '-1', PR: '0', SWITCH: 't-6620612' }],
      [8, 'ffffff0007e1fc40', { DISPTIME: '64f2b0', BOUND: '-1', PR: '0', SWITCH: 't-6620597' }],
      [9, 'ffffff01e8a3c7e0', { DISPTIME: '6ca2a1a', BOUND: '-1', PR: '0', SWITCH: 't-0' }],
      [10, 'ffffff0007c89c40', { DISPTIME: '0', BOUND: '0', PR: '0', SWITCH: '-' }],
    ]);
    const stripped = parseThread(lines.map((l) => ({ no: l.no, text: l.text.trimEnd() })), noCommand);
    expect(stripped.records).toEqual(r.records);
  });

  it('renders -i and -d rows byte for byte, trailing spaces included', () => {
    expect(renderThread(t.slice(0, 4), { groups: ['i'] })).toBe(joined(lines.slice(0, 5)));
    expect(renderThread(t.slice(4), { groups: ['d'] })).toBe(joined(lines.slice(5)));
  });

  it('reads header-less rows with the columns the command selects', () => {
    const cmd: ParsedCommand = { text: '::thread -d', stages: [{ addr: null, count: null, verb: 'dcmd', name: 'thread', args: ['-d'] }] };
    const r2 = parseThread(lines.slice(5), { command: cmd });
    expect(r2.unrecognized).toEqual([]);
    expect(rows(r2.records).map((x) => x.columns['SWITCH'])).toEqual(['t-6620612', 't-6620597', 't-0', '-']);
  });
});

describe('::thread -ipb without -m (hand-written: fixtures/handwritten/stacks/thread-ipb.txt)', () => {
  const lines = fixtureLines('fixtures/handwritten/stacks/thread-ipb.txt');
  const r = parseThread(lines, noCommand);
  const t = rows(r.records);

  it('collects the continuation lines of the header and of each row', () => {
    expect(r.unrecognized).toEqual([]);
    expect(t).toHaveLength(2);
    expect(t[1]).toEqual({
      kind: 'thread',
      line: 7,
      addr: 'ffffff0007e25c40',
      state: 'sleep',
      columns: {
        PROC: 'fffffffffbc2ea80',
        LWP: '0',
        CRED: 'ffffff01d0a4bdb0',
        STATE: 'sleep',
        FLG: '8',
        PFLG: '0',
        SFLG: '3',
        PRI: '60',
        EPRI: '0',
        PIL: '0',
        INTR: 'n/a',
        WCHAN: 'ffffff01d2c77e90',
        TS: 'ffffff01d2b0a5c8',
        PITS: '0',
        'SOBJ OPS': 'cv_sobj_ops',
      },
    });
  });

  it("reads the same with every indent stripped: a row's lines are told by their place, not their indent", () => {
    // Before: `0 0 0 0` and `ffffff01d2c77e90 ffffff01d2b0a5c8 0 cv_sobj_ops` (WCHAN, TS, PITS,
    // SOBJ OPS) were taken for rows of their own, two threads that do not exist.
    const flat = lines.map((l) => ({ no: l.no, text: l.text.trimStart() }));
    const f = parseThread(flat, noCommand);
    expect(f.unrecognized).toEqual([]);
    expect(rows(f.records)).toEqual(t);
  });

  it('renders the same three-line layout', () => {
    expect(renderThread(t, { groups: ['i', 'p', 'b'] })).toBe(joined(lines));
  });

  it('renders it on one line with -m, and that reads back the same', () => {
    const merged = renderThread(t, { groups: ['p', 'i', 'b'], merge: true });
    expect(merged.split('\n')).toHaveLength(4);
    const back = parseThread(
      numbered(merged.trimEnd().split('\n')),
      noCommand,
    );
    expect(rows(back.records).map((x) => x.columns)).toEqual(t.map((x) => x.columns));
  });

  it('diagnoses a row line with more values than its header line has columns', () => {
    const bad = parseThread([...lines, { no: 10, text: '                 a b c d e f' }], noCommand);
    expect(bad.unrecognized).toEqual([{ line: 10, col: 18, message: 'thread: line 4 of a row, but the header has 3' }]);
    const bad2 = parseThread([lines[0]!, lines[1]!, lines[2]!, { no: 4, text: 'ffffff0007e01c40 1 2 3 4' }], noCommand);
    expect(bad2.unrecognized).toEqual([{ line: 4, col: 1, message: 'thread: 4 values for 3 columns' }]);
    expect(bad2.records).toEqual([]);
  });
});

describe('what starts ::thread output when it comes without its command', () => {
  const GROUPS = ['p', 'i', 'b', 's', 'd'] as const;
  // Every non-empty choice of option groups, one line per group or merged by -m, and -d before
  // illumos 3501 added SWITCH.
  const choices = Array.from({ length: 31 }, (_, m) => GROUPS.filter((_, i) => ((m + 1) >> i) & 1));

  it('is the ADDR line of every header the renderer prints, with or without -m', () => {
    for (const groups of choices) {
      for (const [merge, switchColumn] of [[false, true], [true, true], [true, false]]) {
        const first = renderThreadHeader({ groups: [...groups], merge, switchColumn }).split('\n')[0]!;
        expect(isThreadHeader(first), `${groups.join('')}${merge ? ' -m' : ''}: ${first}`).toBe(true);
        expect(outputStartKind(first)).toBe('thread');
      }
    }
  });

  it("is not another dcmd's ADDR ... STATE header, nor a cut or reordered ::thread one", () => {
    for (const h of [
      'ADDR                 STATE NAME', // ::spa
      'ADDR             STATE     AUX          DESCRIPTION', // ::spa -v, ::vdev
      '            ADDR  FLG    STATE PFLG SFLG   PRI  EPRI PIL             INTR', // columns out of order
    ]) {
      expect(isThreadHeader(h), h).toBe(false);
      expect(outputStartKind(h), h).not.toBe('thread');
    }
  });

  it('a header a wrap cut short starts ::thread output only with three whole columns and 40 characters', () => {
    // The whole-header test stays strict; the cut one is told by its shape (isCutThreadHeader).
    const cut = '            ADDR    STATE  FLG PFLG SFLG   PRI';
    expect(isThreadHeader(cut)).toBe(false);
    expect(outputStartKind(cut)).toBe('thread');
    // -p then the start of -i on one line: `::thread -pim` cut after STATE.
    const merged = '            ADDR             PROC              LWP             CRED    STATE';
    expect(isThreadHeader(merged)).toBe(false);
    expect(outputStartKind(merged)).toBe('thread');
    // Too short to be a wrap's cut, or too few columns to tell from ::threadlist -v's `ADDR PROC LWP CLS`.
    expect(outputStartKind('ADDR STATE FLG PFLG SFLG PRI')).toBeNull();
    expect(outputStartKind('            ADDR             PROC              LWP C')).toBeNull();
  });
});
