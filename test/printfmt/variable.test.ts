// `kpreemptpri::print`: ::print of a variable that is not a struct prints its value alone
// (mdb_print.c elt_print at depth 0 with no member path: no name and no ` = `), after its address
// with -a and its type with -t. The line `0x64` used to be unrecognized ("expected ' = ' and a
// value after the member name") and the value was lost, so a kpreemptpri shown this way was unknown.
// Also the other ways a variable's name is typed before a verb: `NAME=fmt` formats where it is (not
// its value), `*NAME=fmt` the word loaded from it (its value).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePrint } from '../../grammar/print/index.ts';
import { parseCommandLine } from '../../grammar/command/index.ts';
import { analyzeText } from '../../src/analyze.ts';
import { runMdbCommand } from '../../src/shell/commands.ts';
import { renderersFor } from '../../src/shell/renderers.ts';
import { ctx, linesOf } from './helpers.ts';

const lines = (...l: string[]) => l.join('\n') + '\n';
const FIXTURE = readFileSync(new URL('../../fixtures/handwritten/rules/kpreempt-print-100.txt', import.meta.url), 'utf8');
const DIRECT = readFileSync(new URL('../../fixtures/handwritten/rules/kpreempt-direct-100.txt', import.meta.url), 'utf8');

describe('the value of a variable printed alone', () => {
  it('is one record naming the symbol, with the address (-a) and type (-t) mdb put before it', () => {
    expect(parsePrint(linesOf('0x64'), ctx('kpreemptpri::print')).records).toEqual([
      { kind: 'print', line: 1, addr: null, type: null, symbol: 'kpreemptpri', fields: [{ name: '', type: null, addr: null, value: '0x64', children: null, line: 1 }] },
    ]);
    const at = parsePrint(linesOf('fffffffffbc3c5d0 pri_t 0x63'), ctx('kpreemptpri::print -at'));
    expect(at.unrecognized).toEqual([]);
    expect(at.records[0]).toMatchObject({ addr: 'fffffffffbc3c5d0', type: 'pri_t', symbol: 'kpreemptpri', fields: [{ name: '', type: 'pri_t', value: '0x63' }] });
    // -d: `0t` above 9, a bare digit up to 9.
    for (const v of ['0t100', '9', '0']) expect(parsePrint(linesOf(v), ctx('hz::print -d')).records[0], v).toMatchObject({ symbol: 'hz', fields: [{ name: '', value: v }] });
  });

  it('only where a value can stand alone: not inside a struct, after a member path, or in a pipeline', () => {
    // A pipeline prints what the stage before it wrote, which it does not show: no symbol is the object.
    expect(parsePrint(linesOf('0x64'), ctx('::walk thread | ::print kthread_t')).unrecognized.map((d) => d.message)).toEqual([
      "::print: expected ' = ' and a value after the member name",
    ]);
    expect(parsePrint(linesOf('0x64'), ctx('kpreemptpri::print pri_t t_pri')).unrecognized).toHaveLength(1);
    expect(parsePrint(linesOf('{\n    0x64\n}'), ctx('ffffff01d5a600c0::print kthread_t')).unrecognized).toHaveLength(1);
    // A word is a member name, not a value.
    expect(parsePrint(linesOf('t_pri'), ctx('kpreemptpri::print')).unrecognized).toHaveLength(1);
  });
});

describe('the snapshot reads a tunable printed with ::print', () => {
  it('gives the fixture the tunables and the finding kpreemptpri/D gives (kpreempt-direct-100.txt)', () => {
    const a = analyzeText(FIXTURE);
    const d = analyzeText(DIRECT);
    expect(a.accounting.unrecognized).toBe(0);
    expect(a.snapshot.tunables).toEqual({ kpreemptpri: 100, maxclsyspri: 99, hz: 100 });
    // Lines 4, 6 and 8 of the fixture hold the three values.
    expect(a.snapshot.tunableLines).toEqual({ kpreemptpri: 4, maxclsyspri: 6, hz: 8 });
    expect(a.findings.map((f) => [f.rule, f.severity, f.confidence])).toEqual(d.findings.map((f) => [f.rule, f.severity, f.confidence]));
    expect(a.findings[0]!.evidence[0]!.text).toBe('0t100');
  });

  it('reads the same quoted in a reply, where `> 0t100` could be a prompt repeating a command', () => {
    // Quoted whole (`> > kpreemptpri::print -d`), or with the prompts left at the quote's level.
    const quoted = FIXTURE.split('\n').map((l) => '> ' + l);
    const flat = FIXTURE.split('\n').map((l) => (l.startsWith('> ') ? l : '> ' + l));
    for (const text of [quoted, flat]) {
      const a = analyzeText(text.join('\n'));
      expect(a.snapshot.tunables).toEqual({ kpreemptpri: 100, maxclsyspri: 99, hz: 100 });
      expect(a.findings.map((f) => [f.rule, f.severity])).toEqual([['kpreempt-threshold', 'medium']]);
    }
  });

  it('reads the value as its own C type: 0xffff is a pri_t of -1, one wider than a pri_t is refused', () => {
    expect(analyzeText(lines('> kpreemptpri::print', '0xffff')).snapshot.tunables).toEqual({ kpreemptpri: -1 });
    const wide = analyzeText(lines('> kpreemptpri::print int', '0x10064'));
    expect(wide.snapshot.tunables).toEqual({});
    expect(wide.diagnostics.map((x) => [x.line, x.message])).toEqual([[2, 'kpreemptpri = 0x10064 is wider than its C type pri_t (2 bytes): not used']]);
    // An int that holds the pri_t in its low bytes is the pri_t (x86 is little-endian).
    expect(analyzeText(lines('> kpreemptpri::print int', '0x63')).snapshot.tunables).toEqual({ kpreemptpri: 99 });
  });

  it('refuses a type narrower than the variable, or one it cannot size', () => {
    for (const type of ['uint8_t', 'kthread_t']) {
      const a = analyzeText(lines(`> kpreemptpri::print ${type}`, '0x64'));
      expect(a.snapshot.tunables, type).toEqual({});
      expect(a.diagnostics.map((x) => x.message)).toEqual([`kpreemptpri::print ${type} reads it as ${type}, not as its pri_t: not used`]);
    }
  });

  it('a variable playfair does not keep is read and left alone', () => {
    const a = analyzeText(lines('> physmem::print', '0x3ff8c5'));
    expect([a.accounting.unrecognized, a.snapshot.tunables, a.diagnostics]).toEqual([0, {}, []]);
  });
});

describe('playfair mdb answers NAME::print of a tunable the input showed', () => {
  const a = analyzeText(FIXTURE);
  const r = renderersFor();
  const run = (line: string) => runMdbCommand(a, line, r);

  it('prints what mdb printed, and reads back to the same value', () => {
    expect(run('kpreemptpri::print -d').lines).toEqual(['0t100']);
    expect(run('maxclsyspri::print -t').lines).toEqual(['pri_t 0x63']);
    expect(run('hz::print').lines).toEqual(['0x64']);
    for (const c of ['kpreemptpri::print', 'kpreemptpri::print -d', 'kpreemptpri::print -t', 'maxclsyspri::print -dt']) {
      const back = analyzeText(lines(`> ${c}`, ...run(c).lines));
      expect(back.snapshot.tunables, c).toEqual({ [c.split(':')[0]!]: a.snapshot.tunables[c.split(':')[0]!] });
    }
  });

  it('refuses an address it does not know, another type, members, and a tunable not shown', () => {
    expect(run('kpreemptpri::print -a').error).toBe('kpreemptpri::print -a: the dump does not show the address of kpreemptpri');
    expect(run('kpreemptpri::print int').error).toBe('kpreemptpri::print int: kpreemptpri is a pri_t; only its own type is answered from a snapshot');
    expect(run('kpreemptpri::print pri_t t_pri').error).toBe('kpreemptpri::print: kpreemptpri is a pri_t, which has no members');
    expect(runMdbCommand(analyzeText(DIRECT), 'maxclsyspri::print', r).error).toBe('maxclsyspri: this dump does not show its value (not in the input)');
  });
});

describe('NAME=fmt formats where the variable is, not its value', () => {
  const SEED = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
  it('is a stage marked immediate; /fmt is not', () => {
    expect(parseCommandLine('kpreemptpri=d')?.stages[0]).toEqual({ addr: 'kpreemptpri', count: null, verb: 'format', name: 'd', args: [], immediate: true });
    expect(parseCommandLine('kpreemptpri/d')?.stages[0]).toEqual({ addr: 'kpreemptpri', count: null, verb: 'format', name: 'd', args: [] });
  });

  it('sets no tunable, and says so once: the seed keeps its kpreempt-threshold finding', () => {
    // `=d` prints the low 16 bits of kpreemptpri's address (0xfffffffffbc3c5d0 -> 0xc5d0, -14896 signed):
    // read as the value, kpreemptpri was -14896 and the seed lost the finding that names #1532's cause.
    // The seed's 275 lines end with no newline: the prompt is line 276, the value line 277.
    const a = analyzeText(SEED + lines('', '> kpreemptpri=d', '                -14896'));
    expect(a.snapshot.tunables).toEqual({});
    expect(a.findings.map((f) => f.rule)).toEqual(analyzeText(SEED).findings.map((f) => f.rule));
    expect(a.notes.filter((n) => n.rule === 'model').map((n) => n.message)).toEqual([
      'line 277: `kpreemptpri=d` prints the address of kpreemptpri, not its value (`kpreemptpri/d` reads the value): not used as kpreemptpri',
    ]);
  });

  it('*NAME=fmt loads the word at NAME: its low bytes are the value, as NAME/fmt reads them', () => {
    const a = analyzeText(lines('> *kpreemptpri=d', '                100', '> *maxclsyspri=D', '                99'));
    expect([a.snapshot.tunables, a.snapshot.tunableLines]).toEqual([{ kpreemptpri: 100, maxclsyspri: 99 }, { kpreemptpri: 2, maxclsyspri: 4 }]);
    // =J formats all 8 bytes loaded: the 4 above hz's int are not zero, so it is refused as a wider /J would be.
    const wide = analyzeText(lines('> *hz=J', '                ffffffff00000064'));
    expect([wide.snapshot.tunables, wide.diagnostics.map((d) => d.message)]).toEqual([{}, ['hz = ffffffff00000064 is wider than its C type int (4 bytes): not used']]);
    // `*kpreemptpri/D` reads memory at the address kpreemptpri holds: not kpreemptpri.
    expect(analyzeText(lines('> *kpreemptpri/D', '0x64:           0')).snapshot.tunables).toEqual({});
  });

  it('an address or number formatted is read and left alone, with no note', () => {
    const a = analyzeText(lines('> 0t100=X', '                64', '> ffffff01dde41b90=J', '                ffffff01dde41b90'));
    expect([a.accounting.unrecognized, a.snapshot.tunables, a.notes.filter((n) => n.rule === 'model')]).toEqual([0, {}, []]);
  });
});
