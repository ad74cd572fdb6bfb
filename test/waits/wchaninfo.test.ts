// ::wchaninfo [-v]: the grammar (mdb's genunix wchaninfo dcmd: `%0?p %4s %8d`, waiters after `:  `
// and indented 33 under the first), read back from the prompt's own answer, and the wait edges it
// gives threads whose stacks were not pasted. Lines numbered by hand below.
import { describe, expect, it } from 'vitest';
import { parseWchaninfo as parse } from '../../grammar/wchaninfo/index.ts';
import type { WchanRecord } from '../../grammar/records.ts';
import type { SourceLine } from '../../grammar/common/source.ts';
import { analyzeText } from '../../src/analyze.ts';
import { runMdbCommand } from '../../src/shell/commands.ts';
import { renderersFor } from '../../src/shell/renderers.ts';
import { analyzeFixture } from './helpers.ts';
import { numbered } from '../support/lines.ts';

function parseWchaninfo(lines: SourceLine[]) {
  const r = parse(lines, { command: null });
  return { records: r.records as WchanRecord[], unrecognized: r.unrecognized };
}

const at = numbered;
const VERBOSE = [
  'ADDR             TYPE NWAITERS   THREAD           PROC',
  'ffffff00000c0000 cond        2:  ffffff0000000a00 zpool-tank',
  '                                 ffffff0000000b00 java vm',
  'fffffffffbc5e6c4 sema        1:  ffffff0000000c00 sched',
];

describe('::wchaninfo grammar', () => {
  it('reads each channel, its type and count, and with -v every waiter and its u_comm (spaces kept)', () => {
    const r = parseWchaninfo(at(VERBOSE));
    expect(r.unrecognized).toEqual([]);
    expect(r.records).toEqual([
      {
        kind: 'wchaninfo',
        line: 2,
        addr: 'ffffff00000c0000',
        type: 'cond',
        count: 2,
        waiters: [
          { thread: 'ffffff0000000a00', proc: 'zpool-tank', line: 2 },
          { thread: 'ffffff0000000b00', proc: 'java vm', line: 3 },
        ],
      },
      { kind: 'wchaninfo', line: 4, addr: 'fffffffffbc5e6c4', type: 'sema', count: 1, waiters: [{ thread: 'ffffff0000000c00', proc: 'sched', line: 4 }] },
    ]);
  });

  it('without -v: ADDR TYPE NWAITERS; mdb\'s ?? type is null', () => {
    const r = parseWchaninfo(at(['ADDR             TYPE NWAITERS', 'ffffff00000c0000 cond        7', 'ffffff00000c0040   ??        1']));
    expect(r.records.map((x) => [x.addr, x.type, x.count, x.waiters.length])).toEqual([
      ['ffffff00000c0000', 'cond', 7, 0],
      ['ffffff00000c0040', null, 1, 0],
    ]);
  });

  it('a waiter with no row above it, or a row that is not ADDR TYPE NWAITERS, is unrecognized', () => {
    const r = parseWchaninfo(at(['                                 ffffff0000000b00 java', 'ffffff00000c0000 mutex 2', 'ffffff00000c0000 cond 2:  nothread x']));
    expect(r.records).toEqual([]);
    expect(r.unrecognized.map((d) => [d.line, d.message])).toEqual([
      [1, '::wchaninfo: expected ADDR TYPE NWAITERS, or a waiter (THREAD PROC) under a -v row'],
      [2, '::wchaninfo: expected ADDR TYPE NWAITERS, or a waiter (THREAD PROC) under a -v row'],
      [3, '::wchaninfo: THREAD after `:` must be a thread address'],
    ]);
  });

  it("reads back the prompt's own ::wchaninfo -v of the seed (render -> parse)", () => {
    const out = runMdbCommand(analyzeFixture('../../seed/illumos-1532.txt'), '::wchaninfo -v', renderersFor());
    const r = parseWchaninfo(at(out.lines));
    expect(r.unrecognized).toEqual([]);
    expect(r.records.map((x) => [x.addr, x.type, x.count, x.waiters.map((w) => w.thread)])).toEqual([
      ['ffffff01d6fd5b60', 'cond', 1, ['ffffff0007e01c40']],
      ['ffffff01d2c35c50', 'cond', 1, ['ffffff0007e1fc40']],
    ]);
  });
});

describe('::wchaninfo -v in a paste', () => {
  it('gives each waiter a wait on the channel, with its line, though no stack was pasted', () => {
    const a = analyzeText(['> ::wchaninfo -v', ...VERBOSE].join('\n') + '\n', { source: 'w' });
    expect(a.accounting.unrecognized).toBe(0);
    expect(a.snapshot.waits!.edges.map((e) => [e.thread, e.kind, e.object, e.line])).toEqual([
      ['ffffff0000000a00', 'cv', 'ffffff00000c0000', 3],
      ['ffffff0000000b00', 'cv', 'ffffff00000c0000', 4],
      ['ffffff0000000c00', 'sema', 'fffffffffbc5e6c4', 5],
    ]);
    expect(a.snapshot.threads.find((t) => t.addr === 'ffffff0000000b00')!.proc).toBe('java vm');
  });

  it('is found by its header when pasted without the command', () => {
    const a = analyzeText(['Here is what sleeps:', '', ...VERBOSE].join('\n') + '\n', { source: 'w' });
    expect(a.sections.map((s) => s.kind)).toEqual(['wchaninfo']);
    expect(a.accounting).toMatchObject({ parsed: 4, prose: 2, unrecognized: 0 });
  });
});
