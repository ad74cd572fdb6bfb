// Hostile input: deep nesting, very long lines, huge numbers, `-0`, random text. Every parser
// returns (never throws), gives at most one diagnostic per line, and keeps reading after one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GrammarResult, SectionParser, SourceLine } from '../../grammar/common/source.ts';
import { parseFormat } from '../../grammar/format/index.ts';
import { parsePanic } from '../../grammar/panic/index.ts';
import { parsePrint } from '../../grammar/print/index.ts';
import { parseRegisters } from '../../grammar/registers/index.ts';
import { parseStatus } from '../../grammar/status/index.ts';
import { parseSystem } from '../../grammar/system/index.ts';
import type { FormatRecord, PrintField, PrintRecord } from '../../grammar/records.ts';
import { interpretValue } from '../../src/model/ctypes.ts';
import { renderPrintStruct } from '../../src/render/print.ts';
import { ctx, linesOf } from './helpers.ts';
import { numbered } from '../support/lines.ts';

const PARSERS: Record<string, SectionParser> = {
  print: parsePrint,
  format: parseFormat,
  status: parseStatus,
  panic: parsePanic,
  registers: parseRegisters,
  system: parseSystem,
};

/** Accounting contract: diagnostics name input lines, one at most per line. */
function checkAccounting(lines: SourceLine[], r: GrammarResult): void {
  const nos = new Set(lines.map((l) => l.no));
  const seen = new Set<number>();
  for (const d of r.unrecognized) {
    expect(nos.has(d.line)).toBe(true);
    expect(seen.has(d.line)).toBe(false);
    seen.add(d.line);
    expect(d.col).toBeGreaterThanOrEqual(1);
  }
}

/** Depth of a field tree, walked without recursion. */
function depthOf(fields: PrintField[]): number {
  let max = 0;
  const stack: [PrintField[], number][] = [[fields, 1]];
  while (stack.length > 0) {
    const [fs, d] = stack.pop()!;
    for (const f of fs) {
      max = Math.max(max, d);
      if (f.children) stack.push([f.children, d + 1]);
    }
  }
  return max;
}

/** A struct nested `n` levels deep, indented as mdb prints it (or flush left). */
function deep(n: number, indent: boolean): string[] {
  const pad = (d: number) => (indent ? ' '.repeat(4 * d) : '');
  return ['{']
    .concat(Array.from({ length: n }, (_, i) => pad(i + 1) + `m${i} = {`))
    .concat([pad(n + 1) + 'leaf = 0x1'])
    .concat(Array.from({ length: n }, (_, i) => pad(n - i) + '}'))
    .concat(['}']);
}

describe('deep nesting', () => {
  const N = 5000;

  it('reads thousands of levels with an explicit stack', () => {
    // Flush left: mdb's own indentation would make this input quadratic in size.
    const r = parsePrint(linesOf(deep(2 * N, false).join('\n')), ctx('ffffff01dde41b90::print struct deep'));
    expect(r.unrecognized).toEqual([]);
    expect(depthOf((r.records[0] as PrintRecord).fields)).toBe(2 * N + 1);
  });

  it('renders a thousand levels back byte for byte, indentation included', () => {
    const text = deep(1000, true);
    const r = parsePrint(linesOf(text.join('\n')), ctx('ffffff01dde41b90::print struct deep'));
    expect(r.unrecognized).toEqual([]);
    expect(renderPrintStruct((r.records[0] as PrintRecord).fields)).toBe(text.join('\n') + '\n');
  });

  it('unbalanced nesting (opens only, then stray closes) stays linear and diagnosed', () => {
    const opens = Array.from({ length: N }, () => 'a = {');
    const closes = Array.from({ length: N + 3 }, () => '}');
    const lines = linesOf(opens.concat(closes).join('\n'));
    const r = parsePrint(lines, ctx(null));
    checkAccounting(lines, r);
    expect(r.unrecognized.map((d) => d.line)).toEqual([2 * N + 1, 2 * N + 2, 2 * N + 3]);
  });

  it('a single line with thousands of brackets does not recurse', () => {
    const line = 'x = [ ' + '[ '.repeat(20000) + '0' + ' ]'.repeat(20000) + ' ]';
    const r = parsePrint(linesOf(line), ctx(null));
    expect(r.unrecognized).toEqual([]);
    expect((r.records[0] as PrintRecord).fields[0]!.value!.length).toBe(line.length - 4);
  });
});

describe('long lines, long hex runs, huge numbers, -0', () => {
  const hex = 'f'.repeat(10000);

  it('a 10,000-digit value reads as text, and interprets as nothing', () => {
    const r = parsePrint(linesOf(`t_pri = 0x${hex}`), ctx(null));
    expect(r.unrecognized).toEqual([]);
    const v = (r.records[0] as PrintRecord).fields[0]!.value!;
    expect(v.length).toBe(10002);
    expect(interpretValue('t_pri', v)).toBeNull();
  });

  it('a 10,000-character garbage line is one diagnostic in every grammar', () => {
    const junk = '@'.repeat(5000) + ' ' + 'x('.repeat(2500);
    for (const [name, p] of Object.entries(PARSERS)) {
      const lines = linesOf(`${junk}\n${junk}`);
      const r = p(lines, ctx(null));
      checkAccounting(lines, r);
      expect(r.unrecognized.length, name).toBe(2);
    }
  });

  it('long runs of word characters and digits stay readable where they fit', () => {
    const f = parseFormat(linesOf(`0xffffff01dde41b90:             ${'1'.repeat(10000)}`), ctx('ffffff01dde41b90/D'));
    expect(f.unrecognized).toEqual([]);
    const s = parseStatus(linesOf(`panic message: ${'a'.repeat(10000)}`), ctx('::status'));
    expect(s.unrecognized).toEqual([]);
    const g = parseRegisters(linesOf(`rdi ${hex}`), ctx('::panicinfo'));
    expect(g.unrecognized).toEqual([]);
    const m = parsePanic(linesOf(`panic[cpu0]/thread=${hex}: ${'b '.repeat(5000)}`), ctx(null));
    expect(m.unrecognized).toEqual([]);
  });

  it('huge and negative-zero values', () => {
    // Wider than the type: refused, not wrapped (issue 13).
    expect(interpretValue('t_pri', '0x' + 'f'.repeat(40))).toBeNull();
    expect(interpretValue('ts_timeleft', '-0t' + '9'.repeat(60))).toBeNull();
    expect(Object.is(interpretValue('t_pri', '-0'), 0)).toBe(true);
    expect(Object.is(interpretValue('ts_timeleft', '-0', 10), 0)).toBe(true);
    const r = parsePrint(linesOf('ts_timeleft = -0'), ctx(null));
    expect((r.records[0] as PrintRecord).fields[0]!.value).toBe('-0');
    const f = parseFormat(linesOf('0xffffff01dde41b90:             -0              '), ctx('ffffff01dde41b90/D'));
    expect(f.unrecognized).toEqual([]);
    expect((f.records[0] as FormatRecord).values[0]!.text).toBe('-0');
  });
});

describe('random text never throws and keeps the accounting contract', () => {
  const line = fc.oneof(
    fc.string({ maxLength: 120 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.constantFrom('{', '}', '},', ']', '... ]', 'a = [', 'x = {', 'sizeof (', 'panic[cpu', 'rdi: ', 'set =', '#012', '"', "'", '\x1b[31m', ' = ', 'kpreemptpri:'),
  );
  for (const [name, p] of Object.entries(PARSERS)) {
    it(name, () => {
      fc.assert(
        fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom(null, '::print -at kthread_t', 'ffffff01/D', '::msgbuf', '$r'), (ls, cmd) => {
          const lines = numbered(ls);
          const r = p(lines, ctx(cmd));
          checkAccounting(lines, r);
        }),
        { numRuns: 150 },
      );
    });
  }
});
