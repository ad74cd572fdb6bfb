// Smaller ::print shapes: bit-field addresses, -T base types, holes, typeless nested structs,
// cut arrays of structs with -a, and the diagnostics for lines that do not fit the command.
import { describe, expect, it } from 'vitest';
import { parsePrint } from '../../grammar/print/index.ts';
import type { PrintRecord } from '../../grammar/records.ts';
import { renderPrintStruct } from '../../src/render/print.ts';
import { ctx, linesOf } from './helpers.ts';

const read = (text: string, cmd: string | null) => parsePrint(linesOf(text), ctx(cmd));

describe('::print edge shapes', () => {
  it('-at with a bit-field address, -T base type, and a hole', () => {
    const text = [
      'ffffff01dde41b90 struct demo {',
      '    ffffff01dde41b90 pri_t <<short>> d_pri = 0x63',
      '    ffffff01dde41b92.3 uint_t d_bits :3 = 0x5',
      '    ffffff01dde41b93 uint8_t <<HOLE>> = 0',
      '}',
    ].join('\n');
    const r = read(text, 'ffffff01dde41b90::print -at -h -T struct demo');
    expect(r.unrecognized).toEqual([]);
    const rec = r.records[0] as PrintRecord;
    expect(rec).toMatchObject({ addr: 'ffffff01dde41b90', type: 'struct demo' });
    expect(rec.fields.map((f) => [f.addr, f.type, f.name, f.value])).toEqual([
      ['ffffff01dde41b90', 'pri_t <<short>>', 'd_pri', '0x63'],
      ['ffffff01dde41b92.3', 'uint_t', 'd_bits', '0x5'],
      ['ffffff01dde41b93', 'uint8_t', '<<HOLE>>', '0'],
    ]);
  });

  it('typeless -t listing with a nested struct and an array member', () => {
    const text = ['0 struct outer {', '    0 int o_a ', '    8 struct inner o_in {', '        8 long i_x ', '    }', '    10 uintptr_t [7] o_arr ', '}'].join('\n');
    const r = read(text, '::print -at struct outer');
    expect(r.unrecognized).toEqual([]);
    const rec = r.records[0] as PrintRecord;
    expect(rec.fields.map((f) => [f.addr, f.type, f.name, f.value, f.children?.length ?? null])).toEqual([
      ['0', 'int', 'o_a', null, null],
      ['8', 'struct inner', 'o_in', null, 1],
      ['10', 'uintptr_t [7]', 'o_arr', null, null],
    ]);
    expect(renderPrintStruct(rec.fields, { showAddr: true, showType: true, showValues: false, addr: '0', type: 'struct outer' })).toBe(text + '\n');
  });

  it('an array of structs cut by the element limit, with -a element addresses', () => {
    const text = [
      '{',
      '    ffffff0000001000 d_ents = [',
      '        ffffff0000001000 {',
      '            ffffff0000001000 de_id = 0x1',
      '        },',
      '    ... ]',
      '    ffffff0000001100 d_last = 0',
      '}',
    ];
    // mdb prints the object line with its address under -a; accept it without one only with no command.
    const r = read(text.join('\n'), null);
    expect(r.unrecognized).toEqual([]);
    const ents = (r.records[0] as PrintRecord).fields[0]!;
    expect(ents.value).toBe('[');
    expect(ents.children!.map((e) => [e.name, e.addr, e.line])).toEqual([
      ['', 'ffffff0000001000', 3],
      ['...', null, 6],
    ]);
    expect(renderPrintStruct((r.records[0] as PrintRecord).fields, { showAddr: true })).toBe(text.join('\n') + '\n');
  });

  it('lines that do not fit the typed command are diagnosed', () => {
    // -a promised, no address; -t not given, but a type is there.
    const a = read('t_pri = 0x63', 'ffffff01d5a600c0::print -a kthread_t t_pri');
    expect(a.unrecognized).toEqual([{ line: 1, col: 1, message: '::print: expected the member address (-a)' }]);
    const t = read('pri_t t_pri = 0x63', 'ffffff01d5a600c0::print kthread_t t_pri');
    expect(t.unrecognized).toEqual([{ line: 1, col: 1, message: '::print: unexpected text before the member name' }]);
    const n = read('t_pri = 0x63\nt_pri =\n9bad = 1\n]', 'ffffff01d5a600c0::print kthread_t t_pri');
    expect(n.unrecognized.map((d) => [d.line, d.message])).toEqual([
      [2, "::print: expected a value after '='"],
      [3, "::print: '9bad' is not a member name"],
      [4, "::print: ']' with no open array of structs"],
    ]);
    expect((n.records[0] as PrintRecord).fields).toHaveLength(1);
  });

  it('a value wrapped right after ` = ` joins the next line', () => {
    const r = read('p_user.u_psargs =\n[ "sched" ]', null);
    expect(r.unrecognized).toEqual([]);
    expect((r.records[0] as PrintRecord).fields[0]).toMatchObject({ name: 'p_user.u_psargs', value: '[ "sched" ]', line: 1 });
  });

  it('a stray [ that never closes falls back to line-by-line reading', () => {
    const r = read('a = [ 0, 1,\nb = 0x2\nc = 0x3', null);
    expect(r.unrecognized.map((d) => d.line)).toEqual([1]);
    expect((r.records[0] as PrintRecord).fields.map((f) => f.name)).toEqual(['b', 'c']);
  });
});

describe('anonymous members', () => {
  // illumos test mdb/sou/tst.anon (fixtures/real/105): mdb names an anonymous struct or union
  // member `<anon>`. Before: every such line was "unexpected '<'", and its closing braces unmatched.
  it('reads `<anon> = {`, `union  <anon> = {` under -t, and `<anon>.member` paths', () => {
    const text = ['{', '    <anon> = {', '        <anon> = {', '            life = 0xaa7777aa', '        }', '        dreams = 0xaa7777aa', '    }', '}', '<anon> = {', '    <anon>.bar_int = 0x7777', '}'].join('\n');
    const r = read(text, null);
    expect(r.unrecognized).toEqual([]);
    const t = ['struct stringless {', '    union  <anon> = {', '        int dreams = 0xaa7777aa', '    }', '}'].join('\n');
    expect(read(t, null).unrecognized).toEqual([]);
  });
  it('still refuses other text between angle brackets where a name goes', () => {
    expect(read('<bad> = 0x1', null).unrecognized.map((d) => d.message)).toEqual(["::print: '<bad>' is not a member name"]);
  });
});
