// Issue 13, model side: values no kernel can hold are refused with a diagnostic on their line
// (which then counts as unrecognized), never wrapped or used. Inputs are hand-written mdb text.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import type { Analysis } from '../../src/analysis.ts';

const run = (...l: string[]): Analysis => analyzeText(l.join('\n') + '\n');

/** Every line is accounted for once, and each unrecognized line has exactly one diagnostic. */
function accounted(a: Analysis): void {
  const c = a.accounting;
  expect(c.parsed + c.prose + c.unrecognized).toBe(c.lines);
  expect(a.diagnostics).toHaveLength(c.unrecognized);
  expect(new Set(a.diagnostics.map((d) => d.line)).size).toBe(a.diagnostics.length);
}

const diag = (a: Analysis) => a.diagnostics.map((d) => [d.line, d.message]);

describe('values wider than their C type', () => {
  it('ts_timeleft = 0x8000000000000000 is refused, not read as 0', () => {
    const a = run('> ffffff01d5a600c0::print kthread_t t_cldata | ::print tsproc_t ts_timeleft', 'ts_timeleft = 0x8000000000000000');
    expect(a.snapshot.threads[0]!.tsTimeleft).toBeNull();
    expect(diag(a)).toEqual([[2, 'ts_timeleft = 0x8000000000000000 is wider than its C type int (4 bytes): not used']]);
    expect(a.accounting).toEqual({ lines: 2, parsed: 1, prose: 0, unrecognized: 1 });
    accounted(a);
  });

  it('t_pri = 0x10000 is refused; 0xffff is the short -1', () => {
    const a = run('> ffffff01d5a600c0::print kthread_t t_pri t_epri', 't_pri = 0x10000', 't_epri = 0xffff');
    const t = a.snapshot.threads[0]!;
    expect(t.pri).toBeNull();
    expect(t.epri).toBe(-1);
    expect(diag(a)).toEqual([[2, 't_pri = 0x10000 is wider than its C type pri_t (2 bytes): not used']]);
    accounted(a);
  });

  it('a t_state no kernel has is diagnosed, not stored', () => {
    const a = run('> ffffff01d5a600c0::print kthread_t t_state', 't_state = 0x3');
    expect(a.snapshot.threads[0]!.state).toBeNull();
    expect(diag(a)).toEqual([[2, 't_state 3 is not a thread state (mdb shows it as inval/03): not used']]);
    accounted(a);
  });

  it('a 4-byte /D of the 2-byte kpreemptpri that shows the next bytes too is refused', () => {
    // 65635 is 0x10063: kpreemptpri 99 in the low half, a neighbour's 1 above it.
    const a = run('> kpreemptpri/D', 'kpreemptpri:', 'kpreemptpri:    65635           ');
    expect(a.snapshot.tunables).toEqual({});
    expect(diag(a)).toEqual([[3, 'kpreemptpri = 65635 is wider than its C type pri_t (2 bytes): not used']]);
    accounted(a);
  });

  it('a /X value of more than 4 bytes is refused before its type is asked', () => {
    const a = run(
      '> ffffff01dde41b90::print tsproc_t ts_tp',
      'ts_tp = 0xffffff01d5a600c0',
      '> ffffff01dde41b90/X',
      '0xffffff01dde41b90:             1fff9b0253      ',
    );
    expect(a.snapshot.threads[0]!.tsTimeleft).toBeNull();
    expect(diag(a)).toEqual([[4, 'ts_timeleft/X shows 1fff9b0253, more than the 4 bytes /X reads: not used']]);
    accounted(a);
  });

  it('a read narrower than the variable (lbolt/D of an 8-byte clock_t) is not taken for its value', () => {
    const a = run('> lbolt/D', 'lbolt:', 'lbolt:          6620700         ');
    expect(a.snapshot.tunables).toEqual({});
    expect(diag(a)).toEqual([[3, 'lbolt/D reads 4 of the 8 bytes of its clock_t: not used']]);
    accounted(a);
  });

  it('a /X of class data reads ts_timeleft by its type: 0xff9b0253 is -6618541', () => {
    const a = run(
      '> ffffff01dde41b90::print tsproc_t ts_tp',
      'ts_tp = 0xffffff01d5a600c0',
      '> ffffff01dde41b90/X',
      '0xffffff01dde41b90:             ff9b0253        ',
    );
    expect(a.snapshot.threads[0]!.tsTimeleft).toBe(-6618541);
    expect(a.diagnostics).toEqual([]);
  });

  it('one diagnostic for a ::thread line with two refused columns', () => {
    const a = run(
      '> ::thread',
      '            ADDR    STATE  FLG PFLG SFLG   PRI  EPRI PIL             INTR',
      'ffffff0007e01c40 run         8    0    3 70000 70000   0              n/a',
      'ffffff0007e1fc40 run         8    0    3    99     0   0              n/a',
    );
    expect(a.snapshot.threads.map((t) => [t.pri, t.epri])).toEqual([
      [null, null],
      [99, 0],
    ]);
    expect(diag(a)).toEqual([[3, 'PRI (t_pri) = 70000 is wider than its C type pri_t (2 bytes): not used']]);
    accounted(a);
  });
});

describe('plausibility', () => {
  it('hz 0 is no clock rate: refused, so no hz is shown at all', () => {
    const a = run('> hz/D', 'hz:', 'hz:             0               ');
    expect(a.snapshot.tunables['hz']).toBeUndefined();
    expect(diag(a)).toEqual([[3, 'hz = 0 is not a clock rate a kernel runs at (1..10000): not used']]);
    accounted(a);
  });

  it('hz negative (from ::system) and absurd (9e15 by /E, wider than the int hz is) are refused', () => {
    const neg = run('> hz/D', 'hz:', 'hz:             -100            ');
    expect(neg.snapshot.tunables['hz']).toBeUndefined();
    expect(diag(neg)).toEqual([[3, 'hz = -100 is not a clock rate a kernel runs at (1..10000): not used']]);
    const big = run('> hz/E', 'hz:', 'hz:             9000000000000000     ');
    expect(big.snapshot.tunables['hz']).toBeUndefined();
    expect(diag(big)).toEqual([[3, 'hz = 9000000000000000 is wider than its C type int (4 bytes): not used']]);
    const sys = run('> ::system', 'set hz=0x186a0 [0t100000]');
    expect(sys.snapshot.tunables['hz']).toBeUndefined();
    expect(diag(sys)).toEqual([[2, 'hz = 100000 is not a clock rate a kernel runs at (1..10000): not used']]);
    for (const a of [neg, big, sys]) accounted(a);
  });

  it('hz 1000 and 100 are kept', () => {
    expect(run('> hz/D', 'hz:', 'hz:             1000            ').snapshot.tunables['hz']).toBe(1000);
    expect(run('> ::system', 'set hz=0x64 [0t100]').snapshot.tunables['hz']).toBe(100);
  });

  const cpuinfo = (sw: string) => [
    '> ::cpuinfo',
    ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC',
    `  1 ffffff01d3e32580  1f    4    0   0  yes    no ${sw} ffffff01d5a600c0 qemu-system-x86_`,
  ];

  it('SWITCH t-9007199254740991 is more than any clock counts: refused', () => {
    // At the fastest plausible hz (10000) a tick is 100000 ns: INT64_MAX / 100000 = 92233720368547.
    const a = run(...cpuinfo('t-9007199254740991'));
    expect(a.snapshot.cpus[0]!.switchTicks).toBeNull();
    expect(a.snapshot.cpus[0]!.lines['switchTicks']).toBeUndefined();
    expect(diag(a)).toEqual([
      [3, 'CPU 1: SWITCH t-9007199254740991 is more ticks than a 10000 hz clock counts in 2^63 ns (92233720368547): not used'],
    ]);
    accounted(a);
  });

  it('the SWITCH bound follows the shown hz: 10^12 ticks fit at 10000 hz, not at 100 hz', () => {
    expect(run(...cpuinfo('t-1000000000000')).snapshot.cpus[0]!.switchTicks).toBe(1e12);
    // At 100 hz a tick is 10^7 ns: INT64_MAX / 10^7 = 922337203685 ticks at most.
    const a = run(...cpuinfo('t-1000000000000'), '> hz/D', 'hz:', 'hz:             100             ');
    expect(a.snapshot.cpus[0]!.switchTicks).toBeNull();
    expect(diag(a)).toEqual([[3, 'CPU 1: SWITCH t-1000000000000 is more ticks than a 100 hz clock counts in 2^63 ns (922337203685): not used']]);
    accounted(a);
  });

  it('the seed SWITCH and a small negative one (a live kernel) are kept', () => {
    expect(run(...cpuinfo('t-6620600')).snapshot.cpus[0]!.switchTicks).toBe(6620600);
    expect(run(...cpuinfo('t--12')).snapshot.cpus[0]!.switchTicks).toBe(-12);
  });
});

describe('states', () => {
  it('a ::stacks state mdb prints for a t_state no kernel has (INVAL/ff) is diagnosed, not stored', () => {
    const a = run('> ::stacks', 'THREAD           STATE    SOBJ                COUNT', 'ffffff01e8b41020 INVAL/ff <NONE>                  1', '                 swtch+0x1e6', '');
    expect(a.snapshot.threads[0]!.state).toBeNull();
    expect(diag(a)).toEqual([[3, '::stacks state INVAL/ff is not a thread state any kernel has: not used']]);
    accounted(a);
  });

  it('lean mode keeps the text of the refused line, though ::stacks is a section whose text it drops', () => {
    const a = analyzeText(
      ['> ::stacks', 'THREAD           STATE    SOBJ                COUNT', 'ffffff01e8b41020 INVAL/ff <NONE>                  1', '                 swtch+0x1e6', ''].join('\n') + '\n',
      { lean: true },
    );
    expect(a.accounting.unrecognized).toBe(1);
    expect(a.lines[2]).toBe('ffffff01e8b41020 INVAL/ff <NONE>                  1');
    expect(a.lines[3]).toBeUndefined(); // a parsed frame line: dropped, as before
  });
});
