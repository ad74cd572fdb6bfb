// Shapes from the illumos mdb test suite's expected output (fixtures/real/106-108), which holds no
// commands: rows of `=p` pointers, a `::print -at` listing of a type (offsets, no values), `=j`'s
// bit diagram and `$d`'s radix line. Before: 6 lines unrecognized in 106, 3 of 5 prose in 107,
// 4 unrecognized and 1 prose in 108.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { isOffsetMemberLine, isRadixLine } from '../../src/ingest/shapes.ts';
import type { FormatRecord } from '../../grammar/records.ts';

const real = (name: string) => analyzeText(readFileSync(new URL(`../../fixtures/real/${name}`, import.meta.url), 'utf8'));
const formats = (a: ReturnType<typeof analyzeText>) => a.records.filter((r): r is FormatRecord => r.kind === 'format');

describe('the mdb test suite samples', () => {
  it('106 `1<<0t63,10=p`: 0x10 (sixteen) pointers in rows of three under a blank address column', () => {
    const a = real('106-illumos-test-format-p.txt');
    expect(a.accounting).toEqual({ lines: 6, parsed: 6, prose: 0, unrecognized: 0 });
    const v = formats(a).flatMap((r) => r.values.map((x) => x.text));
    expect(v).toEqual(Array.from({ length: 16 }, () => '0x8000000000000000'));
  });

  it('107: the listing of list_t, offsets 0 and 8, is ::print output', () => {
    const a = real('107-illumos-test-typedef-structselfref.txt');
    expect(a.accounting).toEqual({ lines: 5, parsed: 5, prose: 0, unrecognized: 0 });
    expect(a.sections.map((s) => [s.kind, s.startLine, s.endLine, s.status])).toEqual([['print', 1, 5, 'ok']]);
  });

  it('108: the bit diagram and the radix line are read, and the values are those the .mdb computes', () => {
    const a = real('108-illumos-test-numbers-binary.txt');
    expect(a.accounting).toEqual({ lines: 11, parsed: 11, prose: 0, unrecognized: 0 });
    // 0i100_0111 = 71 = 0x47; 0i11_101 = 0x1d drawn as bits; 0i1__1__0______ = 6; then, in radix
    // 2 after `0t2$d`, 100_0001__0001 is 0x411 and 1_____________0 is 2.
    expect(formats(a).flatMap((r) => r.values.map((x) => [x.line, x.text]))).toEqual([
      [1, '47'],
      [2, '11101'],
      [8, '6'],
      [10, '411'],
      [11, '2'],
    ]);
  });
});

describe('the shapes', () => {
  it('isOffsetMemberLine: an offset, type words and a name, no value', () => {
    for (const l of ['    0 struct list *prev ', '    8 struct list *next', '    0x10 char name[32]', '    2.3 uint_t t_bits']) expect(isOffsetMemberLine(l)).toBe(true);
    for (const l of ['    0 struct list *prev = 0', 'The 3 threads were stuck', '3 threads were stuck.', '    8 x']) expect(isOffsetMemberLine(l)).toBe(false);
  });
  it('isRadixLine: `radix = N base ten` and nothing longer', () => {
    expect(isRadixLine('radix = 16 base ten')).toBe(true);
    expect(isRadixLine('radix = 2 base ten')).toBe(true);
    expect(isRadixLine('radix = sixteen base ten')).toBe(false);
    expect(isRadixLine('the radix = 16 base ten')).toBe(false);
  });
});
