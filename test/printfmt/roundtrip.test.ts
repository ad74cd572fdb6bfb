// Property tests: whatever the renderers print, the grammars read back to the same fields/values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFormat } from '../../grammar/format/index.ts';
import { parsePrint } from '../../grammar/print/index.ts';
import type { FormatRecord, PrintField, PrintRecord } from '../../grammar/records.ts';
import { interpretValue } from '../../src/model/ctypes.ts';
import { formatCell, renderFormat, type FormatLetter } from '../../src/render/format.ts';
import { printValueText, renderPrintMembers, renderPrintStruct, type PrintFieldInput } from '../../src/render/print.ts';
import { CTYPES } from '../../src/model/ctypes.ts';
import { ctx, linesOf } from './helpers.ts';

// `sizeof` as a member name would read as a ::sizeof line; mdb has no such member in these types.
const ident = fc.stringMatching(/^[a-z_][a-z0-9_]{0,11}$/).filter((s) => s !== 'sizeof');
const hexAddr = fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }).map((v) => v.toString(16));
const value = fc.oneof(
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map((v) => (v === 0n ? '0' : '0x' + v.toString(16))),
  fc.integer({ min: -100000, max: 100000 }).map((v) => (Math.abs(v) > 9 ? `${v < 0 ? '-' : ''}0t${Math.abs(v)}` : String(v))),
  fc.integer({ min: 0, max: 255 }).map((c) => printValueText(CTYPES.char, c)),
  // mdb prints string text raw, quotes and backslashes included.
  fc.stringMatching(/^[ -~]{1,12}$/).map((s) => `[ "${s}" ]`),
  fc.tuple(fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }), fc.stringMatching(/^[ -~]{1,12}$/)).map(([a, s]) => `0x${a.toString(16)} "${s}"`),
  fc.array(fc.integer({ min: 0, max: 4096 }), { minLength: 1, maxLength: 6 }).map((a) => `[ ${a.map((x) => (x ? '0x' + x.toString(16) : '0')).join(', ')} ]`),
  fc.tuple(ident, fc.integer({ min: 1, max: 4095 })).map(([s, o]) => `${s}+0x${o.toString(16)}`),
  fc.tuple(fc.integer({ min: 0, max: 40 }), fc.stringMatching(/^[A-Z_]{1,8}$/)).map(([n, s]) => `${n > 9 ? '0t' + n : n} (${s})`),
  fc.constant('{ ... }'),
);
const typeName = fc.constantFrom('int', 'pri_t', 'uint_t', 'struct proc *', 'void *', 'char [16]', 'int (*)() *', 'kthread_t *', 'struct foo');

interface Gen {
  showAddr: boolean;
  showType: boolean;
}

/** A field tree: scalars, nested structs, arrays of structs; sibling names unique. */
function fieldsArb(g: Gen, depth: number): fc.Arbitrary<PrintFieldInput[]> {
  const decl = fc.record({
    addr: g.showAddr ? hexAddr : fc.constant(null),
    type: g.showType ? typeName : fc.constant(null),
  });
  const scalar = fc.tuple(decl, value).map(([d, v]) => ({ ...d, value: v, children: null }));
  const leaf = scalar;
  const nodeArb: fc.Arbitrary<Omit<PrintFieldInput, 'name'>> =
    depth <= 0
      ? leaf
      : fc.oneof(
          { weight: 3, arbitrary: leaf },
          { weight: 1, arbitrary: fc.tuple(decl, fieldsArb(g, depth - 1)).map(([d, kids]) => ({ ...d, value: null, children: kids })) },
          {
            weight: 1,
            arbitrary: fc
              .tuple(decl, fc.array(fc.tuple(decl, fieldsArb(g, depth - 1)), { minLength: 1, maxLength: 3 }))
              .map(([d, els]) => ({ ...d, value: '[', children: els.map(([ed, kids]) => ({ ...ed, name: '', value: null, children: kids })) })),
          },
        );
  return fc
    .uniqueArray(fc.tuple(ident, nodeArb), { minLength: 1, maxLength: 5, selector: ([n]) => n })
    .map((list) => list.map(([name, n]) => ({ name, ...n })));
}

/** A record's fields without line numbers, in the renderer's input shape. */
function strip(fields: PrintField[]): PrintFieldInput[] {
  return fields.map((f) => ({ name: f.name, addr: f.addr, type: f.type, value: f.value, children: f.children === null ? null : strip(f.children) }));
}

function norm(fields: readonly PrintFieldInput[]): PrintFieldInput[] {
  return fields.map((f) => ({
    name: f.name,
    addr: f.addr ?? null,
    type: f.type ?? null,
    value: f.value ?? null,
    children: f.children ? norm(f.children) : null,
  }));
}

describe('::print round trip', () => {
  const opts = fc.record({ showAddr: fc.boolean(), showType: fc.boolean() });

  it('whole objects', () => {
    fc.assert(
      fc.property(
        opts.chain((g) => fc.tuple(fc.constant(g), fieldsArb(g, 2), hexAddr)),
        ([g, fields, addr]) => {
          const text = renderPrintStruct(fields, { ...g, addr, type: 'struct foo' });
          const flags = (g.showAddr ? 'a' : '') + (g.showType ? 't' : '');
          const r = parsePrint(linesOf(text.replace(/\n$/, '')), ctx(`${addr}::print${flags ? ' -' + flags : ''} struct foo`));
          expect(r.unrecognized).toEqual([]);
          expect(r.records).toHaveLength(1);
          const rec = r.records[0] as PrintRecord;
          expect(rec.addr).toBe(addr);
          expect(norm(strip(rec.fields))).toEqual(norm(fields));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('member paths', () => {
    fc.assert(
      fc.property(
        opts.chain((g) => fc.tuple(fc.constant(g), fieldsArb(g, 1))),
        ([g, fields]) => {
          const text = renderPrintMembers(fields, g);
          const flags = (g.showAddr ? 'a' : '') + (g.showType ? 't' : '');
          const names = fields.map((f) => f.name).join(' ');
          const r = parsePrint(linesOf(text.replace(/\n$/, '')), ctx(`ffffff01d5a600c0::print${flags ? ' -' + flags : ''} kthread_t ${names}`));
          expect(r.unrecognized).toEqual([]);
          expect(r.records).toHaveLength(1);
          expect(norm(strip((r.records[0] as PrintRecord).fields))).toEqual(norm(fields));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('member values read back through the C types', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: -32768, max: 32767 }), fc.boolean(), (tl, pri, dec) => {
        const fields = [
          { name: 'ts_timeleft', value: printValueText(CTYPES.int, tl, { decimal: dec }) },
          { name: 't_pri', value: printValueText(CTYPES.pri_t, pri, { decimal: dec }) },
        ];
        const r = parsePrint(linesOf(renderPrintMembers(fields).trimEnd()), ctx(null));
        const got = (r.records[0] as PrintRecord).fields;
        expect(interpretValue('ts_timeleft', got[0]!.value!)).toBe(tl);
        expect(interpretValue('t_pri', got[1]!.value!)).toBe(pri);
      }),
      { numRuns: 300 },
    );
  });
});

describe('/D and friends round trip', () => {
  it('/D of one value: label, value, interpretation', () => {
    fc.assert(
      fc.property(hexAddr, fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (addr, v) => {
        const text = renderFormat(addr, 'D', [v]);
        const r = parseFormat(linesOf(text.replace(/\n$/, '')), ctx(`${addr}/D`));
        expect(r.unrecognized).toEqual([]);
        const rec = r.records[0] as FormatRecord;
        expect(rec.addr).toBe(addr.length === 1 && addr <= '9' ? addr : addr.replace(/^0+(?=.)/, ''));
        expect(rec.values.map((x) => x.text)).toEqual([String(v)]);
        expect(interpretValue('ts_timeleft', rec.values[0]!.text, 10)).toBe(v);
      }),
      { numRuns: 300 },
    );
  });

  it('counted formats wrap at 80 columns and read back in order', () => {
    const letter = fc.constantFrom<FormatLetter>('D', 'U', 'X', 'J', 'E', 'e');
    fc.assert(
      fc.property(
        fc.oneof(hexAddr, fc.stringMatching(/^[a-z_][a-z0-9_]{0,20}$/), fc.constant(null)),
        letter,
        fc.array(fc.bigInt({ min: -(1n << 63n), max: (1n << 64n) - 1n }), { minLength: 1, maxLength: 40 }),
        (label, fmt, values) => {
          const text = renderFormat(label, fmt, values);
          for (const l of text.split('\n')) expect(l.length).toBeLessThanOrEqual(80);
          const cmd = label === null ? `0=${values.length}${fmt}` : `${label},${values.length}/${fmt}`;
          const r = parseFormat(linesOf(text.replace(/\n$/, '')), ctx(cmd));
          expect(r.unrecognized).toEqual([]);
          const got = (r.records as FormatRecord[]).flatMap((x) => x.values.map((v) => v.text));
          expect(got).toEqual(values.map((v) => formatCell(fmt, v).text));
        },
      ),
      { numRuns: 300 },
    );
  });
});
