// Hand-written fixtures (fixtures/handwritten/printfmt, see its README): shapes the real
// fixtures do not cover, read record by record, and garbage lines diagnosed one each.
import { describe, expect, it } from 'vitest';
import { parseFormat } from '../../grammar/format/index.ts';
import { parsePanic } from '../../grammar/panic/index.ts';
import { parsePrint } from '../../grammar/print/index.ts';
import { parseStatus } from '../../grammar/status/index.ts';
import { parseSystem } from '../../grammar/system/index.ts';
import type { FormatRecord, PrintField, PrintRecord, RegistersRecord, StackRecord, StatusRecord, SystemSettingsRecord } from '../../grammar/records.ts';
import { interpretValue } from '../../src/model/ctypes.ts';
import { renderFormat } from '../../src/render/format.ts';
import { renderPrintMembers, renderPrintStruct } from '../../src/render/print.ts';
import { ctx, fileLines, sections } from './helpers.ts';
import { numbered } from '../support/lines.ts';

const H = (n: string) => `fixtures/handwritten/printfmt/${n}`;

function printOf(file: string, i: number, useCommand = true) {
  const s = sections(H(file))[i]!;
  return { ...parsePrint(s.body, ctx(useCommand ? s.command : null)), s };
}

function byName(fields: PrintField[]): Record<string, PrintField> {
  return Object.fromEntries(fields.map((f) => [f.name, f]));
}

describe('kthread_t member lists', () => {
  it('-t: types before names, pointer types glued, symbols as values', () => {
    const { records, unrecognized } = printOf('kthread-members.txt', 0);
    expect(unrecognized).toEqual([]);
    const rec = records[0] as PrintRecord;
    expect(rec).toMatchObject({ addr: 'ffffff0007e01c40', type: 'kthread_t' });
    const f = byName(rec.fields);
    expect(f['t_pri']).toMatchObject({ type: 'pri_t', value: '0x63' });
    expect(f['t_procp']).toMatchObject({ type: 'struct proc *', value: 'p0' });
    expect(interpretValue('t_pri', f['t_pri']!.value!)).toBe(99);
    expect(interpretValue('t_procp', f['t_procp']!.value!)).toBeNull();
    expect(interpretValue('t_disp_time', f['t_disp_time']!.value!)).toBe(0x64f2a1);
  });

  it('-a and -at: member addresses first; a short 0xffff is -1; a char is quoted', () => {
    const a = printOf('kthread-members.txt', 1);
    expect(a.unrecognized).toEqual([]);
    const f = byName((a.records[0] as PrintRecord).fields);
    expect(f['t_cldata']).toMatchObject({ addr: 'ffffff01d5a60138', type: null, value: '0xffffff01dde41b90' });
    expect(interpretValue('t_bind_cpu', f['t_bind_cpu']!.value!)).toBe(-1);
    expect(interpretValue('t_preempt', f['t_preempt']!.value!)).toBe(1);
    const at = printOf('kthread-members.txt', 2);
    expect(at.unrecognized).toEqual([]);
    expect((at.records[0] as PrintRecord).fields[1]).toMatchObject({ addr: 'ffffff01d5a60138', type: 'void *', name: 't_cldata' });
  });

  it('-d: 0t prefixes above 9, 2-byte types not sign-extended', () => {
    const d = printOf('kthread-members.txt', 3);
    expect(d.unrecognized).toEqual([]);
    const f = byName((d.records[0] as PrintRecord).fields);
    expect(interpretValue('t_pri', f['t_pri']!.value!)).toBe(59);
    expect(interpretValue('t_bind_cpu', f['t_bind_cpu']!.value!)).toBe(-1);
    expect(interpretValue('t_disp_time', f['t_disp_time']!.value!)).toBe(6615713);
  });

  it('a walk piped into ::print gives one record per thread', () => {
    const w = printOf('kthread-members.txt', 4);
    expect(w.unrecognized).toEqual([]);
    expect(w.records).toHaveLength(3);
    expect(w.records.map((r) => (r as PrintRecord).fields.map((f) => `${f.name}=${f.value}`).join(' '))).toEqual([
      't_pri=0x3c t_state=0x1',
      't_pri=0x63 t_state=0x2',
      't_pri=0xffff t_state=0x4',
    ]);
    expect((w.records[2] as PrintRecord).line).toBe(26);
  });

  it('re-renders each member list byte for byte', () => {
    const opts = [{ showType: true }, { showAddr: true }, { showAddr: true, showType: true }, {}, {}];
    const lines = fileLines(H('kthread-members.txt'));
    sections(H('kthread-members.txt')).forEach((s, i) => {
      const r = parsePrint(s.body, ctx(s.command));
      const text = r.records.map((rec) => renderPrintMembers((rec as PrintRecord).fields, opts[i])).join('');
      expect(text).toBe(s.body.map((l) => lines[l.no - 1] + '\n').join(''));
    });
  });
});

describe('whole tsproc_t', () => {
  it('reads every member and the nested ts_caps', () => {
    const { records, unrecognized } = printOf('tsproc-whole.txt', 0);
    expect(unrecognized).toEqual([]);
    const rec = records[0] as PrintRecord;
    expect(rec).toMatchObject({ addr: 'ffffff01dde41b90', type: 'tsproc_t', line: 2 });
    expect(rec.fields).toHaveLength(14);
    const f = byName(rec.fields);
    expect(interpretValue('ts_timeleft', f['ts_timeleft']!.value!)).toBe(-6618541);
    expect(interpretValue('ts_nice', f['ts_nice']!.value!)).toBe(20);
    expect(interpretValue('ts_boost', f['ts_boost']!.value!)).toBe(0);
    expect(f['ts_caps']).toEqual({
      name: 'ts_caps',
      type: null,
      addr: null,
      value: null,
      children: [{ name: 'csc_cputime', type: null, addr: null, value: '0', children: null, line: 17 }],
      line: 16,
    });
  });

  it('-at -s 1: the object line carries address and type; a struct past the depth limit is { ... }', () => {
    const { records, unrecognized } = printOf('tsproc-whole.txt', 1);
    expect(unrecognized).toEqual([]);
    const rec = records[0] as PrintRecord;
    expect(rec.fields[10]).toMatchObject({ name: 'ts_tp', type: 'kthread_t *', addr: 'ffffff01dde41ba8' });
    expect(rec.fields[13]).toEqual({ name: 'ts_caps', type: 'caps_sc_t', addr: 'ffffff01dde41bc0', value: '{ ... }', children: null, line: 35 });
  });

  it('re-renders both byte for byte', () => {
    const lines = fileLines(H('tsproc-whole.txt'));
    const [plain, at] = sections(H('tsproc-whole.txt'));
    const want = (s: typeof plain) => s!.body.map((l) => lines[l.no - 1] + '\n').join('');
    const r1 = parsePrint(plain!.body, ctx(plain!.command)).records[0] as PrintRecord;
    expect(renderPrintStruct(r1.fields)).toBe(want(plain));
    const r2 = parsePrint(at!.body, ctx(at!.command)).records[0] as PrintRecord;
    expect(renderPrintStruct(r2.fields, { showAddr: true, showType: true, addr: r2.addr, type: r2.type })).toBe(want(at));
  });
});

describe('nested struct with every value shape', () => {
  const { records, unrecognized } = printOf('nested.txt', 0);
  const rec = records[0] as PrintRecord;
  const f = byName(rec.fields);

  it('reads with no diagnostics', () => {
    expect(unrecognized).toEqual([]);
    expect(rec.fields.map((x) => x.name)).toEqual([
      'd_name', 'd_counts', 'd_big', 'd_none', 'd_ents', 'd_state', 'd_flags', 'd_other', 'd_bits',
      '<<HOLE>>', 'd_inner', 'd_opaque', 'd_ratio', 'd_func', 'd_err',
    ]);
  });

  it('arrays: char string, scalars, cut by the limit, empty; array types', () => {
    expect(f['d_name']).toMatchObject({ type: 'char [16]', value: '[ "sched" ]' });
    expect(f['d_counts']!.value).toBe('[ 0, 0x1, 0x2, 0x3 ]');
    expect(f['d_big']!.value!.endsWith(', 0, ... ]')).toBe(true);
    expect(f['d_none']!.value).toBe('[ ... ]');
  });

  it('an array of structs: value [ and one unnamed child per element', () => {
    const ents = f['d_ents']!;
    expect(ents).toMatchObject({ type: 'struct demo_ent [2]', value: '[' });
    expect(ents.children!.map((e) => [e.name, e.line, e.children!.map((c) => c.value)])).toEqual([
      ['', 8, ['0x1', '0xfffffffffb8a1234 "first"']],
      ['', 12, ['0x2', '0']],
    ]);
  });

  it('enums, bit-field, hole, nested struct, date, forward declaration, float, function pointer, error', () => {
    expect(f['d_state']!.value).toBe('0t3 (DEMO_RUN)');
    expect(f['d_flags']!.value).toBe('0x5 (DF_{A|C})');
    expect(f['d_other']!.value).toBe('0t12 (???)');
    expect(f['d_bits']).toMatchObject({ type: 'uint_t', value: '0x5' });
    expect(f['<<HOLE>>']).toMatchObject({ type: 'uint32_t', value: '0' });
    expect(f['d_inner']!.children!.map((c) => [c.type, c.name, c.value])).toEqual([
      ['struct demo_inner *', 'di_self', '0xffffff01d4e5a040'],
      ['time_t', 'di_when', '2011 Sep 17 12:34:56'],
    ]);
    expect(f['d_opaque']!.value).toBe('; <forward declaration of struct opaque>');
    expect(f['d_ratio']!.value).toBe('1.0000000e+00');
    expect(f['d_func']).toMatchObject({ type: 'int (*)()', value: 'cv_wait+0x10' });
    expect(f['d_err']!.value).toBe('??? (no such member)');
  });

  it('re-renders the whole struct byte for byte (bit-field width aside)', () => {
    const lines = fileLines(H('nested.txt'));
    const want = sections(H('nested.txt'))[0]!.body.map((l) => lines[l.no - 1] + '\n').join('');
    // The record keeps no bit-field width, so `d_bits :3` renders as `d_bits`.
    expect(renderPrintStruct(rec.fields, { showType: true })).toBe(want.replace('d_bits :3 =', 'd_bits ='));
  });
});

describe('member paths', () => {
  it('-> paths and a struct-valued member whose children carry the path', () => {
    // The command grammar does not take `->` in arguments yet, so read without the command.
    const { records, unrecognized } = printOf('member-struct.txt', 0, false);
    expect(unrecognized).toEqual([]);
    const rec = records[0] as PrintRecord;
    const f = byName(rec.fields);
    expect(interpretValue('cpu_disp->disp_maxrunpri', f['cpu_disp->disp_maxrunpri']!.value!)).toBe(99);
    expect(interpretValue('cpu_runrun', f['cpu_runrun']!.value!)).toBe(1);
    expect(interpretValue('cpu_kprunrun', f['cpu_kprunrun']!.value!)).toBe(0);
    expect(f['cpu_stats']!.children!.map((c) => c.name)).toEqual(['cpu_stats.sys', 'cpu_stats.vm']);
    expect(f['cpu_stats']!.children![0]!.children![1]).toMatchObject({ name: 'writech', value: '0x4d0', line: 9 });
    const lines = fileLines(H('member-struct.txt'));
    expect(renderPrintMembers(rec.fields)).toBe(lines.slice(1).join('\n') + '\n');
  });
});

describe('values wrapped by pre-2019 auto-wrap', () => {
  it('joins the continuation lines into one value', () => {
    const { records, unrecognized } = printOf('wrapped.txt', 0);
    expect(unrecognized).toEqual([]);
    const f = byName((records[0] as PrintRecord).fields);
    expect(f['d_big']).toMatchObject({ line: 2, value: '[ ' + Array(32).fill('0').join(', ') + ', ... ]' });
    expect(f['d_psargs']).toMatchObject({
      line: 4,
      value: '[ "/usr/lib/saf/ttymon -g -d /dev/console -l console -T vt100 -m ldterm,ttcompat" ]',
    });
  });
});

describe('garbage inside ::print output', () => {
  const { records, unrecognized } = printOf('garbage.txt', 0);
  it('one diagnostic per bad line, the rest still read', () => {
    expect(unrecognized.map((d) => [d.line, d.col])).toEqual([
      [4, 19],
      [5, 34],
      [8, 1],
    ]);
    expect(unrecognized.every((d) => d.message.startsWith('::print: '))).toBe(true);
    const rec = records[0] as PrintRecord;
    expect(rec.fields.map((f) => `${f.name}@${f.line}`)).toEqual(['ts_timeleft@3', 'ts_cpupri@6']);
  });
});

describe('format commands', () => {
  const secs = sections(H('formats.txt'));
  const lines = fileLines(H('formats.txt'));
  const read = (i: number) => parseFormat(secs[i]!.body, ctx(secs[i]!.command));

  it('reads each and gives one diagnostic for the bad /D row', () => {
    const recs = secs.map((_, i) => read(i));
    expect(recs.slice(0, 5).every((r) => r.unrecognized.length === 0)).toBe(true);
    expect(recs[5]!.unrecognized).toEqual([{ line: 15, col: 33, message: "/D: 'not-a-number' is not a value this format prints" }]);
    expect(recs[0]!.records).toEqual([{ kind: 'format', line: 2, addr: null, symbol: 'kpreemptpri', format: 'D', values: [{ text: '100', line: 3 }] }]);
    expect((recs[2]!.records[0] as FormatRecord).values.map((v) => `${v.text}@${v.line}`)).toEqual(['ff9b0253@7', '2@7', '0@7', '0@8']);
    expect(recs[3]!.records[0]).toMatchObject({ addr: null, symbol: null, format: 'K', values: [{ text: '800', line: 10 }] });
  });

  it('re-renders every well-formed one byte for byte', () => {
    const want = (i: number) => secs[i]!.body.map((l) => lines[l.no - 1] + '\n').join('');
    expect(renderFormat('kpreemptpri', 'D', [100])).toBe(want(0));
    expect(renderFormat('ffffff01dde41b90', 'X', [0xff9b0253])).toBe(want(1));
    expect(renderFormat('ffffff01dde41b90', 'X', [0xff9b0253, 2, 0, 0])).toBe(want(2));
    expect(renderFormat(null, 'K', [0x800])).toBe(want(3));
    expect(renderFormat('nosteal_nsec', 'E', [100000n])).toBe(want(4));
  });
});

describe('console panic by hand', () => {
  const r = parsePanic(numbered(fileLines(H('panic-console.txt'))), ctx(null));
  it('reads panic, registers and the trace with no diagnostics', () => {
    expect(r.unrecognized).toEqual([]);
    expect(r.records.map((x) => x.kind)).toEqual(['panic', 'registers', 'stack']);
    expect(r.records[0]).toMatchObject({ cpu: 3, thread: 'ffffff0007e01c40', line: 2 });
    const regs = (r.records[1] as RegistersRecord).regs;
    expect(Object.keys(regs)).toHaveLength(37);
    expect(regs['rfl']).toEqual({ value: '10246', line: 22 });
    const st = r.records[2] as StackRecord;
    expect(st).toMatchObject({ thread: 'ffffff0007e01c40', source: 'frames' });
    expect(st.frames.map((f) => [f.func, f.offset, f.args])).toEqual([
      ['die', 0xdd, []],
      ['trap', 0x17db, []],
      ['cmntrap', 0xe6, []],
      ['foo_intr', 0x1c, ['ffffff01d0a8e000', '0']],
    ]);
  });
});

describe('::status and ::system by hand', () => {
  const [status, system] = sections(H('status-system.txt'));
  it('::status of a live kernel', () => {
    const r = parseStatus(status!.body, ctx(status!.command));
    expect(r.unrecognized).toEqual([]);
    expect((r.records[0] as StatusRecord).fields).toMatchObject({
      target: { value: 'live kernel', line: 2 },
      bits: { value: '64', line: 2 },
      host: { value: 'myhost', line: 2 },
    });
    expect(r.records).toHaveLength(1);
  });
  it('::system: module-qualified names, | and & forms, one bad line', () => {
    const r = parseSystem(system!.body, ctx(system!.command));
    expect(r.unrecognized).toEqual([{ line: 10, col: 10, message: "::system: unexpected 'is'" }]);
    expect((r.records[0] as SystemSettingsRecord).settings).toEqual([
      { name: 'zfs:zfs_arc_max', value: '0x40000000', line: 6 },
      { name: 'moddebug', value: '|0x80000000', line: 7 },
      { name: 'ip:ip_squeue_fanout', value: '&0x1', line: 8 },
      { name: 'kpreemptpri', value: '0x63', line: 9 },
    ]);
  });
});
