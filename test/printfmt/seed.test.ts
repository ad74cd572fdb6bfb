// The seed bug report (illumos #1532): the chained ::print and the /D that read ts_timeleft.
import { describe, expect, it } from 'vitest';
import { parseFormat } from '../../grammar/format/index.ts';
import { parsePrint } from '../../grammar/print/index.ts';
import type { FormatRecord, PrintRecord } from '../../grammar/records.ts';
import { interpretValue } from '../../src/model/ctypes.ts';
import { renderFormat } from '../../src/render/format.ts';
import { renderPrintMembers } from '../../src/render/print.ts';
import { ctx, fileLines, slice } from './helpers.ts';

const SEED = 'fixtures/seed/illumos-1532.txt';
const lines = fileLines(SEED);
const printAt = lines.findIndex((l) => l.includes('::print kthread_t t_cldata')) + 1;
const formatAt = lines.findIndex((l) => l.startsWith('> ffffff01dde41b90/D')) + 1;

describe('seed ::print chain', () => {
  const command = lines[printAt - 1]!.slice(2);
  const r = parsePrint(slice(SEED, printAt + 1, printAt + 1), ctx(command));

  it('reads the member with its address and raw value, no diagnostics', () => {
    expect(printAt).toBeGreaterThan(0);
    expect(r.unrecognized).toEqual([]);
    expect(r.records).toHaveLength(1);
    const rec = r.records[0] as PrintRecord;
    expect(rec.type).toBe('tsproc_t');
    expect(rec.fields).toEqual([
      { name: 'ts_timeleft', type: null, addr: 'ffffff01dde41b90', value: '0xff9b0253', children: null, line: printAt + 1 },
    ]);
  });

  it('interprets 0xff9b0253 as the int -6618541', () => {
    const f = (r.records[0] as PrintRecord).fields[0]!;
    expect(interpretValue(f.name, f.value!)).toBe(-6618541);
  });

  it('renders the line back byte for byte', () => {
    const f = (r.records[0] as PrintRecord).fields[0]!;
    expect(renderPrintMembers([f], { showAddr: true })).toBe(lines[printAt]! + '\n');
  });
});

describe('seed /D', () => {
  const r = parseFormat(slice(SEED, formatAt + 1, formatAt + 1), ctx('ffffff01dde41b90/D'));

  it('reads the labelled value (trailing blanks stripped by the tracker)', () => {
    expect(r.unrecognized).toEqual([]);
    const rec = r.records[0] as FormatRecord;
    expect(rec).toMatchObject({ kind: 'format', addr: 'ffffff01dde41b90', symbol: null, format: 'D', line: formatAt + 1 });
    expect(rec.values.map((v) => v.text)).toEqual(['-6618541']);
    expect(interpretValue('ts_timeleft', rec.values[0]!.text, 10)).toBe(-6618541);
  });

  it('re-renders the line with its 8 trailing blanks restored', () => {
    const seedLine = lines[formatAt]!;
    expect(seedLine.endsWith(' ')).toBe(false);
    expect(renderFormat('ffffff01dde41b90', 'D', [-6618541])).toBe(seedLine + ' '.repeat(8) + '\n');
    // /D reads 4 bytes: the raw /X or ::print value gives the same line.
    expect(renderFormat('ffffff01dde41b90', 'D', [0xff9b0253])).toBe(seedLine + ' '.repeat(8) + '\n');
  });
});
