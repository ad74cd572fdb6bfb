// Renderers against real text where the format is exact: the parsed records printed back give
// the same bytes (trailing blanks included).
import { describe, expect, it } from 'vitest';
import { parseFormat } from '../../grammar/format/index.ts';
import { parsePrint } from '../../grammar/print/index.ts';
import type { FormatRecord, PrintRecord } from '../../grammar/records.ts';
import { renderFormat } from '../../src/render/format.ts';
import { renderPrintStruct } from '../../src/render/print.ts';
import { ctx, fixture, slice } from './helpers.ts';

const F008 = 'fixtures/real/008-wdd-print-t-struct.txt';
const F025 = 'fixtures/real/025-illumos-test-format-cap-J.txt';
const F026 = 'fixtures/real/026-illumos-test-format-e.txt';
const F027 = 'fixtures/real/027-illumos-test-typedef-anonunion-print.txt';

/** The values of a format section read back as bigints (hex for J, decimal for e). */
function values(path: string, radix: 10 | 16): bigint[] {
  const r = parseFormat(slice(path, 1), ctx(null));
  expect(r.unrecognized).toEqual([]);
  return (r.records[0] as FormatRecord).values.map((v) => (radix === 16 ? BigInt('0x' + v.text) : BigInt(v.text)));
}

describe('re-rendering real output', () => {
  it('025: three =J runs of 16 values (17-wide when the top nibble is set, 16 otherwise)', () => {
    const v = values(F025, 16);
    const text = renderFormat(null, 'J', v.slice(0, 16)) + renderFormat(null, 'J', v.slice(16, 32)) + renderFormat(null, 'J', v.slice(32));
    expect(text).toBe(fixture(F025));
  });

  it('026: two =e runs of 16 values, 21 wide since 2019', () => {
    const v = values(F026, 10);
    expect(renderFormat(null, 'e', v.slice(0, 16)) + renderFormat(null, 'e', v.slice(16))).toBe(fixture(F026));
    // Before illumos 11207 the column was 16 wide: four values a row.
    expect(renderFormat(null, 'e', v.slice(0, 4), { era: 'pre2019' })).toBe(' '.repeat(16) + ['-1', '-1', '-1', '-1'].map((x) => x.padEnd(16)).join('').trimEnd() + '\n');
  });

  it('008: ::print -t struct scsi_pkt', () => {
    const r = parsePrint(slice(F008, 2), ctx("7079ceb0::print -t 'struct scsi_pkt'"));
    const body = fixture(F008).split('\n').slice(1).join('\n');
    expect(renderPrintStruct((r.records[0] as PrintRecord).fields, { showType: true })).toBe(body);
  });

  it('027: the typeless -at listing, trailing blanks included', () => {
    const r = parsePrint(slice(F027, 2), ctx(null));
    const rec = r.records[0] as PrintRecord;
    const body = fixture(F027).split('\n').slice(1).join('\n');
    expect(renderPrintStruct(rec.fields, { showAddr: true, showType: true, showValues: false, addr: rec.addr, type: rec.type })).toBe(body);
  });
});
