import { describe, expect, it } from 'vitest';
import { parseRwlock as parse } from '../../grammar/rwlock/index.ts';
import type { RwlockRecord } from '../../grammar/records.ts';
import type { SourceLine } from '../../grammar/common/source.ts';
import { numbered } from '../support/lines.ts';

function parseRwlock(lines: SourceLine[]) {
  const r = parse(lines, { command: null });
  return { records: r.records as RwlockRecord[], unrecognized: r.unrecognized };
}

const at = numbered;

describe('::rwlock grammar', () => {
  it('reads a write-held lock, its flags and each waiter, on the row and after the legend lines', () => {
    // mdb's layout (genunix rwlock dcmd): B<WRITE_LOCKED><WRITE_WANTED><HAS_WAITERS>, one waiter a line.
    const r = parseRwlock(
      at([
        '            ADDR      OWNER/COUNT FLAGS          WAITERS',
        'ffffff0e11d3a2c8 ffffff0e1a2b4c40  B111 ffffff0e1b0c3b00 (W)',
        '                                    ||| ffffff0e1b0c2a80 (R)',
        '                 WRITE_LOCKED ------+||',
        '                 WRITE_WANTED -------+|',
        '                  HAS_WAITERS --------+',
      ]),
    );
    expect(r.unrecognized).toEqual([]);
    expect(r.records).toEqual([
      {
        kind: 'rwlock',
        line: 2,
        addr: 'ffffff0e11d3a2c8',
        owner: 'ffffff0e1a2b4c40',
        readers: null,
        writeWanted: true,
        writeLocked: true,
        hasWaiters: true,
        waiters: [
          { thread: 'ffffff0e1b0c3b00', writer: true, line: 2 },
          { thread: 'ffffff0e1b0c2a80', writer: false, line: 3 },
        ],
      },
    ]);
  });

  it('B011 is read-held with a writer waiting, not write-locked; a waiter may follow the legend alone', () => {
    const r = parseRwlock(
      at([
        'ffffff0e11d3a2c8        READERS=2  B011 ffffff0e1b0c3b00 (W)',
        '                                     || ffffff0e1b0c4c00 (W)',
        '                 WRITE_WANTED -------+| ffffff0e1b0c5d00 (R)',
        '                  HAS_WAITERS --------+',
        '                                        ffffff0e1b0c6e00 (R)',
      ]),
    );
    expect(r.unrecognized).toEqual([]);
    expect(r.records.map((x) => [x.owner, x.readers, x.writeLocked, x.writeWanted, x.hasWaiters])).toEqual([[null, 2, false, true, true]]);
    expect(r.records[0]!.waiters.map((w) => [w.thread, w.writer, w.line])).toEqual([
      ['ffffff0e1b0c3b00', true, 1],
      ['ffffff0e1b0c4c00', true, 2],
      ['ffffff0e1b0c5d00', false, 3],
      ['ffffff0e1b0c6e00', false, 5],
    ]);
  });

  it('a read-held lock has a reader count and no owner; a free one neither', () => {
    const r = parseRwlock(at(['ffffff0e11d3a2c8 READERS=3  B000', 'ffffff0e11d3a2d0 -  B000']));
    expect(r.records.map((x) => [x.owner, x.readers, x.writeLocked])).toEqual([
      [null, 3, false],
      [null, null, false],
    ]);
  });

  it('a row that is not ADDR OWNER/COUNT FLAGS is unrecognized, with a one-line reason', () => {
    const r = parseRwlock(at(['ffffff0e11d3a2c8 ffffff0e1a2b4c40 yes', 'hello world B011', 'ffffff0e11d3a2c8 owner? B011']));
    expect(r.records).toEqual([]);
    expect(r.unrecognized.map((d) => [d.line, d.message])).toEqual([
      [1, '::rwlock: expected ADDR OWNER/COUNT FLAGS [WAITER (W|R)]'],
      [2, '::rwlock: expected ADDR OWNER/COUNT FLAGS [WAITER (W|R)]'],
      [3, '::rwlock: OWNER/COUNT must be a thread, READERS=n or -'],
    ]);
  });
});
