// Every real fixture of this area reads with zero diagnostics, and the records carry what it shows.
import { describe, expect, it } from 'vitest';
import { parseFormat } from '../../grammar/format/index.ts';
import { parsePanic } from '../../grammar/panic/index.ts';
import { parsePrint } from '../../grammar/print/index.ts';
import { parseRegisters } from '../../grammar/registers/index.ts';
import { parseStatus } from '../../grammar/status/index.ts';
import { parseSystem } from '../../grammar/system/index.ts';
import type {
  FormatRecord,
  PanicRecord,
  PrintRecord,
  RegistersRecord,
  StatusRecord,
  SystemSettingsRecord,
} from '../../grammar/records.ts';
import { ctx, linesOf, slice } from './helpers.ts';

const R = (n: string) => `fixtures/real/${n}`;
const F004 = R('004-wdd-deadman-panic-console.txt');
const F005 = R('005-wdd-kmdb-sparc-regs.txt');
const F006 = R('006-wdd-kmdb-x86-cpuregs.txt');
const F007 = R('007-wdd-kmdb-switch-cpu-prompt.txt');
const F008 = R('008-wdd-print-t-struct.txt');
const F009 = R('009-mdbguide-casestudy-32bit-status-KKn-bufctl_audit.txt');
const F017 = R('017-omnios-632-status-stackregs-two-hosts.txt');
const F020 = R('020-smartoslive-750-C-status-panicinfo-lx.txt');
const F021 = R('021-smartoslive-527-status-panicinfo.txt');
const F023 = R('023-smartoslive-268-syslog-panic-gp.txt');
const F025 = R('025-illumos-test-format-cap-J.txt');
const F026 = R('026-illumos-test-format-e.txt');
const F027 = R('027-illumos-test-typedef-anonunion-print.txt');
const F029 = R('029-omnios-1613-msgbuf-double-fault-regs.txt');
const F031 = R('031-sysadv2-status-system-sun4u.txt');

describe('004 deadman panic on the console', () => {
  const r = parsePanic(slice(F004, 1), ctx(null));
  it('reads the message continued on the next line', () => {
    expect(r.unrecognized).toEqual([]);
    expect(r.records).toEqual([
      { kind: 'panic', line: 1, cpu: 1, thread: '30018dd6cc0', message: 'deadman: timed out after 9 seconds of clock inactivity' },
    ]);
  });
});

describe('005 $r on SPARC kmdb', () => {
  const r = parseRegisters(slice(F005, 2), ctx('$r'));
  it('reads every register row, symbols and disassembly aside', () => {
    expect(r.unrecognized).toEqual([]);
    expect(r.records).toHaveLength(1);
    const regs = (r.records[0] as RegistersRecord).regs;
    expect(Object.keys(regs)).toHaveLength(39);
    expect(regs['g1']).toEqual({ value: '100130a4', line: 4 });
    expect(regs['l4']).toEqual({ value: '10474400', line: 7 });
    expect(regs['i7']).toEqual({ value: '1034bb24', line: 18 });
    expect(regs['tstate']!.value).toBe('1604');
    expect(regs['pstate']!.value).toBe('ag:0 ie:1 priv:1 am:0 pef:1 mm:0 tle:0 cle:0 mg:0 ig:0');
    expect(regs['pc']).toEqual({ value: 'edd000d8', line: 24 });
    expect(regs['npc']).toEqual({ value: 'edd000dc', line: 25 });
  });
});

describe('006 ::cpuregs on x86 kmdb', () => {
  const r = parseRegisters(slice(F006, 2), ctx('0::cpuregs'));
  it('reads %reg = value pairs', () => {
    expect(r.unrecognized).toEqual([]);
    expect((r.records[0] as RegistersRecord).regs).toEqual({
      cs: { value: '0x0158', line: 2 },
      eax: { value: '0xc1e6e0f0', line: 2 },
      ds: { value: '0x0160', line: 3 },
      ebx: { value: '0x00000000', line: 3 },
    });
  });
});

describe('007 =K on kmdb (indented 8)', () => {
  it('reads the immediate values', () => {
    const a = parseFormat(slice(F007, 3, 3), ctx('<g3=K'));
    expect(a.unrecognized).toEqual([]);
    expect(a.records).toEqual([{ kind: 'format', line: 3, addr: null, symbol: null, format: 'K', values: [{ text: '24', line: 3 }] }]);
    const b = parseFormat(slice(F007, 6, 6), ctx('<g3'));
    expect(b.unrecognized).toEqual([]);
    expect((b.records[0] as FormatRecord).values).toEqual([{ text: '0', line: 6 }]);
  });
});

describe('008 ::print -t struct scsi_pkt', () => {
  const r = parsePrint(slice(F008, 2), ctx("7079ceb0::print -t 'struct scsi_pkt'"));
  it('reads the nested struct with types, glued pointers and a function pointer type', () => {
    expect(r.unrecognized).toEqual([]);
    const rec = r.records[0] as PrintRecord;
    expect(rec).toMatchObject({ addr: '7079ceb0', type: 'struct scsi_pkt', line: 2 });
    expect(rec.fields.map((f) => f.name)).toEqual([
      'pkt_ha_private', 'pkt_address', 'pkt_private', 'pkt_comp', 'pkt_flags', 'pkt_time',
      'pkt_scbp', 'pkt_cdbp', 'pkt_resid', 'pkt_state', 'pkt_statistics', 'pkt_reason',
    ]);
    const addr = rec.fields[1]!;
    expect(addr).toMatchObject({ type: 'struct scsi_address', value: null, line: 4 });
    expect(addr.children![0]).toEqual({ name: 'a_hba_tran', type: 'struct scsi_hba_tran *', addr: null, value: '0x70175e68', children: null, line: 5 });
    expect(rec.fields[3]).toMatchObject({ name: 'pkt_comp', type: 'int (*)() *', value: 'sd_intr' });
    expect(rec.fields[6]).toMatchObject({ name: 'pkt_scbp', type: 'uchar_t *', value: '0x7079ce74' });
  });
});

describe('009 32-bit ::status, /KKn, $<bufctl_audit', () => {
  it('::status', () => {
    const r = parseStatus(slice(F009, 4, 6), ctx('::status'));
    expect(r.unrecognized).toEqual([]);
    expect((r.records[0] as StatusRecord).fields).toEqual({
      target: { value: 'crash dump vmcore.1', line: 4 },
      bits: { value: '32', line: 4 },
      host: { value: 'testsystem', line: 4 },
      'operating system': { value: '5.10 Generic (sun4u)', line: 5 },
      'panic message': { value: 'forced crash dump initiated at user request', line: 6 },
    });
    expect(r.records[1]).toEqual({ kind: 'panic', line: 6, cpu: null, thread: null, message: 'forced crash dump initiated at user request' });
  });

  it('0x70a9ae00,5/KKn: one record, values in order across continuation rows', () => {
    const r = parseFormat(slice(F009, 8, 12), ctx('0x70a9ae00,5/KKn'));
    expect(r.unrecognized).toEqual([]);
    expect(r.records).toHaveLength(1);
    const rec = r.records[0] as FormatRecord;
    expect(rec).toMatchObject({ addr: '70a9ae00', format: 'KKn', line: 8 });
    expect(rec.values.map((v) => v.text)).toEqual(['5', '4ef83', '0', '0', '1', 'bbddcafe', 'feedface', '139d', '70ae3200', 'd1befaed']);
    expect(rec.values[9]!.line).toBe(12);
  });

  it('$<bufctl_audit reads as labelled format rows (column names, then values)', () => {
    const r = parseFormat(slice(F009, 14, 24), ctx('0x70ae3200$<bufctl_audit'));
    expect(r.unrecognized).toEqual([]);
    const recs = r.records as FormatRecord[];
    expect(recs.map((x) => x.addr)).toEqual(['70ae3200', '70ae320c', '70ae321c', '70ae3228']);
    expect(recs.every((x) => x.format === null)).toBe(true);
    expect(recs[0]!.values.map((v) => v.text)).toEqual(['next', 'addr', 'slab', '70378000', '70a9ae00', '707c86a0']);
    expect(recs[3]!.values.map((v) => v.text)).toEqual(['kmem_zalloc+0x30', 'pid_assign+8', 'getproc+0x68', 'cfork+0x60']);
  });
});

describe('017 ::status of two hosts', () => {
  it('reads both (the second cut short by the excerpt)', () => {
    const a = parseStatus(slice(F017, 2, 6), ctx('::status'));
    expect(a.unrecognized).toEqual([]);
    const s = a.records[0] as StatusRecord;
    expect(s.fields['image uuid']!.value).toBe('cb6e4932-f2ce-684c-e233-b7c71943edaa');
    expect(s.fields['dump content']!.value).toBe('kernel pages and pages from PID -1');
    expect((a.records[1] as PanicRecord).message).toMatch(/^BAD TRAP: type=e \(#pf Page fault\).*NULL pointer dereference$/);
    const b = parseStatus(slice(F017, 23, 23), ctx('::status'));
    expect(b.unrecognized).toEqual([]);
    expect((b.records[0] as StatusRecord).fields['host']).toEqual({ value: 'hvfs2', line: 23 });
  });
});

describe('020 and 021 ::status and ::panicinfo', () => {
  it('020', () => {
    const s = parseStatus(slice(F020, 11, 15), ctx('::status'));
    expect(s.unrecognized).toEqual([]);
    expect((s.records[0] as StatusRecord).fields['image uuid']!.value).toBe('(not set)');
    const p = parseRegisters(slice(F020, 18), ctx('::panicinfo'));
    expect(p.unrecognized).toEqual([]);
    expect(p.records[0]).toEqual({
      kind: 'panic',
      line: 18,
      cpu: 10,
      thread: 'ffffd0654dfb6840',
      message: 'BAD TRAP: type=d (#gp General protection) rp=ffffd001f2b38b90 addr=0',
      lines: { cpu: 18, thread: 19, message: 20 },
    });
    expect((p.records[1] as RegistersRecord).regs).toEqual({
      rdi: { value: 'ffffd06317459429', line: 21 },
      rsi: { value: '0', line: 22 },
      rdx: { value: 'a00', line: 23 },
      rcx: { value: '2', line: 24 },
    });
  });

  it('021', () => {
    const s = parseStatus(slice(F021, 2, 6), ctx('::status'));
    expect(s.unrecognized).toEqual([]);
    expect((s.records[0] as StatusRecord).fields['host']!.value).toBe('anto.nym.se');
    const p = parseRegisters(slice(F021, 8), ctx('::panicinfo'));
    expect(p.unrecognized).toEqual([]);
    expect(p.records[0]).toMatchObject({ kind: 'panic', cpu: 0, thread: 'ffffff095b369060' });
    const regs = (p.records[1] as RegistersRecord).regs;
    expect(Object.keys(regs)).toHaveLength(24);
    expect(regs['fsbase']!.value).toBe('7ffffe646a40');
    expect(regs['trapno']!.value).toBe('d');
    expect(regs['rip']).toEqual({ value: 'fffffffffb86165d', line: 34 });
  });
});

describe('023 panic forwarded by syslog', () => {
  const r = parsePanic(slice(F023, 1), ctx(null));
  it('strips the syslog prefix, decodes #012/#015, and reads message and registers', () => {
    expect(r.unrecognized).toEqual([]);
    expect(r.records[0]).toEqual({
      kind: 'panic',
      line: 1,
      cpu: 7,
      thread: 'ffffff09083790c0',
      message: 'BAD TRAP: type=d (#gp General protection) rp=ffffff003d0074d0 addr=27e08',
    });
    const regs = (r.records[1] as RegistersRecord).regs;
    expect(regs['pc']).toEqual({ value: '0xfffffffffb889d1d', line: 7 });
    expect(regs['cr2']).toEqual({ value: '448000', line: 9 });
    expect(regs['cr8']).toEqual({ value: '0', line: 11 });
  });
});

describe('025 /J and 026 /e from the mdb test suite (rows indented 16, no label)', () => {
  it('025', () => {
    const r = parseFormat(slice(F025, 1), ctx(null));
    expect(r.unrecognized).toEqual([]);
    const v = (r.records[0] as FormatRecord).values.map((x) => x.text);
    expect(v).toHaveLength(48);
    expect(v[15]).toBe('ffffffffffffffff');
    expect(v[16]).toBe('8000000000000000');
    expect(v[47]).toBe('800000000000000');
  });

  it('026 with the command known: /e values are signed decimals', () => {
    const r = parseFormat(slice(F026, 1), ctx('0/16e'));
    expect(r.unrecognized).toEqual([]);
    const v = (r.records[0] as FormatRecord).values.map((x) => x.text);
    expect(v).toHaveLength(32);
    expect(v[31]).toBe('-9223372036854775808');
  });
});

describe('027 ::sizeof and the offset-prefixed -at listing of a type', () => {
  const r = parsePrint(slice(F027, 1), ctx(null));
  it('reads sizeof and the typeless listing (trailing blanks mark no values)', () => {
    expect(r.unrecognized).toEqual([]);
    expect(r.records[0]).toEqual({
      kind: 'print',
      line: 1,
      addr: null,
      type: 'ringbearer_t',
      fields: [{ name: 'sizeof', type: null, addr: null, value: '8', children: null, line: 1 }],
    });
    const rec = r.records[1] as PrintRecord;
    expect(rec).toMatchObject({ addr: '0', type: 'ringbearer_t', line: 2 });
    expect(rec.fields).toEqual([
      { name: 'frodo', type: 'int', addr: '0', value: null, children: null, line: 3 },
      { name: 'sam', type: 'char', addr: '0', value: null, children: null, line: 4 },
      { name: 'gandalf', type: 'long', addr: '0', value: null, children: null, line: 5 },
    ]);
  });

  it('reads the same with the trailing blanks stripped, as an editor or a web form leaves it', () => {
    const stripped = slice(F027, 1).map((l) => ({ no: l.no, text: l.text.trimEnd() }));
    expect(stripped[2]!.text).toBe('    0 int frodo');
    const s = parsePrint(stripped, ctx(null));
    expect(s.unrecognized).toEqual([]);
    expect(s.records).toEqual(r.records);
    // Only where no command says values were printed, and only a member that names its type.
    expect(parsePrint(stripped, ctx('ffffff01d5a600c0::print -at ringbearer_t')).unrecognized).toHaveLength(3);
    expect(parsePrint(linesOf('0 ringbearer_t {\n    frodo\n}'), ctx(null)).unrecognized.map((d) => d.message)).toEqual([
      "::print: expected ' = ' and a value after the member name",
    ]);
  });
});

describe('029 ::msgbuf double fault', () => {
  const r = parsePanic(slice(F029, 1), ctx('::msgbuf'));
  it('reads the panic (message on the next line), process and trap lines, and every register', () => {
    expect(r.unrecognized).toEqual([]);
    expect(r.records[0]).toEqual({
      kind: 'panic',
      line: 1,
      cpu: 22,
      thread: 'fffffe5947798b80',
      message: 'BAD TRAP: type=8 (#df Double fault) rp=fffffe59403a0f10 addr=0',
    });
    const regs = (r.records[1] as RegistersRecord).regs;
    expect(regs['pid']).toEqual({ value: '5391', line: 7 });
    expect(regs['cr0']).toEqual({ value: '80050033', line: 8 });
    expect(regs['cr4']).toEqual({ value: '3406f8', line: 8 });
    expect(regs['r8']).toEqual({ value: '1', line: 14 });
    expect(regs['gs']).toEqual({ value: '0', line: 19 });
    expect(Object.keys(regs)).toHaveLength(30);
  });

  it('reads the same lines without a command (found by shape)', () => {
    expect(parsePanic(slice(F029, 1), ctx(null)).unrecognized).toEqual([]);
  });
});

describe('031 ::status and ::system on sun4u', () => {
  it('::status', () => {
    const r = parseStatus(slice(F031, 4, 5), ctx('::status'));
    expect(r.unrecognized).toEqual([]);
    expect((r.records[0] as StatusRecord).fields['target']!.value).toBe('crash dump /dev/mem');
  });
  it('::system', () => {
    const r = parseSystem(slice(F031, 7), ctx('::system'));
    expect(r.unrecognized).toEqual([]);
    expect((r.records[0] as SystemSettingsRecord).settings).toEqual([
      { name: 'ufs_ninode', value: '0x9c40', line: 7 },
      { name: 'ncsize', value: '0x4e20', line: 8 },
      { name: 'pt_cnt', value: '0x400', line: 9 },
    ]);
  });
});
