// `::thread` output cut by a wrap (a mail client at 72 columns cuts a default row's INTR in two):
// rows joined again (src/ingest/thread-summary-rows.ts), and what no join proves is refused rather
// than read as a thread of its own (grammar/thread notRowStart). The wrapped texts are made here
// from hand-written fixtures with the fold of test/support.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { parseThread } from '../../grammar/thread/index.ts';
import type { ThreadSummaryRecord } from '../../grammar/records.ts';
import { fold } from '../support/fold.ts';
import { noCommand, textLines } from './helpers.ts';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/handwritten/${path}`, import.meta.url), 'utf8');
const ipb = fixture('stacks/thread-ipb.txt');
const id = fixture('stacks/thread-i-d.txt');

/** The thread records of an analysis, without their line numbers (a wrap moves them). */
function rows(text: string): Omit<ThreadSummaryRecord, 'line'>[] {
  return analyzeText(text)
    .records.filter((r): r is ThreadSummaryRecord => r.kind === 'thread')
    .map(({ line: _line, ...rest }) => rest);
}

describe('a ::thread line that cannot start a row is refused, not read as a thread', () => {
  const header = '            ADDR    STATE  FLG PFLG SFLG   PRI  EPRI PIL             INTR\n';
  const row = 'ffffff0007e01c40 run         8    0    3    99     0   0              n/a\n';

  it('the last letter of n/a, cut onto a line of its own', () => {
    const r = parseThread(textLines(header + row.slice(0, 72) + '\n' + row.slice(72)), noCommand);
    expect(r.records.map((x) => (x as ThreadSummaryRecord).addr)).toEqual(['ffffff0007e01c40']);
    expect(r.unrecognized).toEqual([{ line: 3, col: 1, message: 'thread: a is not a thread address as mdb prints one (16 or 8 hex digits): not a row' }]);
  });

  it('the values fold -s moved to column 0: 99 is no address', () => {
    const r = parseThread(textLines(header + 'ffffff0007e01c40 run         8    0    3\n99     0   0              n/a\n'), noCommand);
    expect(r.records.map((x) => (x as ThreadSummaryRecord).addr)).toEqual(['ffffff0007e01c40']);
    expect(r.unrecognized.map((d) => [d.line, d.message])).toEqual([[3, 'thread: 99 is not a thread address as mdb prints one (16 or 8 hex digits): not a row']]);
  });

  it('an address alone: an INTR that fold -s moved down', () => {
    const r = parseThread(textLines(header + 'ffffff0007c89c40 onproc      9    0    3   109     0  10\nffffff01e8a3c7e0\n'), noCommand);
    expect(r.records).toHaveLength(1);
    expect(r.unrecognized.map((d) => [d.line, d.message])).toEqual([[3, 'thread: a thread address with no column beside it: not a row']]);
  });

  it('a 32-bit row (8 digits) still starts one', () => {
    const r = parseThread(textLines(header + 'd5a600c0 run         8    0    3    99     0   0      n/a\n'), noCommand);
    expect(r.unrecognized).toEqual([]);
    expect((r.records[0] as ThreadSummaryRecord).addr).toBe('d5a600c0');
  });
});

describe('::thread -ipb (three lines a row) wrapped, read as it was printed', () => {
  const plain = rows(ipb);

  it('the plain text: two threads, worked out from the fixture', () => {
    expect(plain.map((r) => [r.addr, r.columns['STATE'], r.columns['PRI'], r.columns['INTR'], r.columns['SOBJ OPS'] ?? null])).toEqual([
      ['ffffff0007e01c40', 'run', '99', 'n/a', '0'],
      ['ffffff0007e25c40', 'sleep', '60', 'n/a', 'cv_sobj_ops'],
    ]);
  });

  for (const w of [70, 72, 76]) {
    for (const atSpace of [false, true]) {
      it(`at ${w} columns${atSpace ? ' at a space (fold -s)' : ' (fold)'}: the same records, every line read`, () => {
        const text = fold(ipb, w, atSpace);
        expect(text).not.toBe(ipb);
        expect(rows(text)).toEqual(plain);
        expect(analyzeText(text).accounting.unrecognized).toBe(0);
      });
    }
  }
});

describe('::thread and ::thread -d pasted with no command, wrapped at 72', () => {
  it('the cut header is known by its shape, and the rows read as in the plain text', () => {
    const text = fold(id, 72, false);
    expect(text.split('\n')[0]).toBe('            ADDR    STATE  FLG PFLG SFLG   PRI  EPRI PIL             INT');
    const a = analyzeText(text);
    expect(a.accounting).toMatchObject({ prose: 0, unrecognized: 0 });
    expect(rows(text)).toEqual(rows(id));
    expect(rows(text)).toHaveLength(8);
  });
});

describe('the priority-inversion fixture wrapped at 72 (a mail client)', () => {
  const text = fixture('rules/priority-inversion-epri.txt');

  it('makes no thread of the cut INTR (it made thread a), and judges as the plain text does', () => {
    const plain = analyzeText(text);
    const a = analyzeText(fold(text, 72, false));
    expect(a.snapshot.threads.map((t) => t.addr).sort()).toEqual(plain.snapshot.threads.map((t) => t.addr).sort());
    expect(a.findings.map((f) => [f.rule, f.severity])).toEqual(plain.findings.map((f) => [f.rule, f.severity]));
  });
});
