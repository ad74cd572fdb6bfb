// renderCpuinfo prints what mdb prints: round trips through the parser, and exact text for
// values the parser never sees (nulls, over-long names).
import { describe, expect, it } from 'vitest';
import type { SourceLine } from '../../grammar/common/source.ts';
import type { AddrWidth } from '../../grammar/cpuinfo/layout.ts';
import { cpuFromRecord } from '../../src/model/cpu.ts';
import type { Cpu } from '../../src/model/snapshot.ts';
import { renderCpuinfo } from '../../src/render/cpuinfo.ts';
import { brand, type Loose } from '../model/loose.ts';
import { cpus, fileLines, handwritten, parse, seedSection, textOf } from './helpers.ts';

function roundTrip(lines: readonly SourceLine[], opts: { verbose: boolean; addrWidth?: AddrWidth; autowrap?: number | null }): string {
  const r = parse(lines);
  expect(r.unrecognized).toEqual([]);
  return renderCpuinfo(cpus(r).map(cpuFromRecord), opts);
}

describe('round trips, byte for byte', () => {
  it('the seed ::cpuinfo -v, with the 80-column wrap of 2011 mdb', () => {
    const seed = seedSection();
    expect(roundTrip(seed, { verbose: true, autowrap: 80 })).toBe(textOf(seed));
  });

  it('the seed without auto-wrap puts the CPU 1 name on its row', () => {
    const out = roundTrip(seedSection(), { verbose: true });
    expect(out.split('\n')[15]).toBe('  1 ffffff01d3e32580  1f    4    0   0  yes    no t-6620600 ffffff01d5a600c0 qemu-system-x86_');
  });

  it("real 012's plain row under an 11-wide header", () => {
    const section = fileLines('fixtures/real/012-richlowe-aarch64-cpuinfo-stacks-part1.txt', 2, 3);
    expect(roundTrip(section, { verbose: false, addrWidth: 11 })).toBe(textOf(section));
  });

  const fixtures: [string, { verbose: boolean; addrWidth?: AddrWidth; autowrap?: number }][] = [
    ['32bit-v.txt', { verbose: true, addrWidth: 8 }],
    ['idle-v-no-queue.txt', { verbose: true }],
    ['offline-poweroff-v.txt', { verbose: true }],
    ['pil-no-queue-v.txt', { verbose: true }],
    ['odd-cells.txt', { verbose: false }],
    ['lp64-11-v.txt', { verbose: true, addrWidth: 11 }],
    ['wrapped-80.txt', { verbose: false, autowrap: 80 }],
  ];
  for (const [name, opts] of fixtures) {
    it(`hand-written ${name}`, () => {
      const lines = handwritten(name);
      expect(roundTrip(lines, opts)).toBe(textOf(lines));
    });
  }
});

function cpu(loose: Loose<Partial<Cpu>> = {}): Cpu {
  return brand<Cpu>({
    id: 0,
    addr: 'fffffffffbc486e0',
    flags: 0x1b,
    flagNames: [],
    nrun: 0,
    bspl: 0,
    pri: 60,
    runrun: false,
    kprunrun: false,
    switchTicks: 1,
    thread: 'ffffff01d5a600c0',
    proc: 'sched',
    pil: [],
    pinned: null,
    runq: null,
    lines: {},
    ...loose,
  });
}

describe('the header', () => {
  it.each([
    [16, ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC'],
    [11, ' ID ADDR        FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD      PROC'],
    [8, ' ID ADDR     FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD   PROC'],
  ] as const)('width %i', (w, text) => {
    expect(renderCpuinfo([cpu()], { verbose: false, addrWidth: w }).split('\n')[0]).toBe(text);
  });

  it('is printed once for plain output, before every CPU with -v; nothing for no CPUs', () => {
    const two = [cpu(), cpu({ id: 1 })];
    expect(renderCpuinfo(two, { verbose: false }).split('\n').filter((l) => l.startsWith(' ID'))).toHaveLength(1);
    expect(renderCpuinfo(two, { verbose: true }).split('\n').filter((l) => l.startsWith(' ID'))).toHaveLength(2);
    expect(renderCpuinfo([], { verbose: true })).toBe('');
  });
});

describe('values mdb could not read, and values the kernel cannot hold', () => {
  it('null PRI, SWITCH, THREAD, ADDR and PROC print as -, -, zeros, zeros and ?', () => {
    const c = cpu({ id: 7, addr: null, pri: null, switchTicks: null, thread: null, proc: null });
    expect(renderCpuinfo([c], { verbose: false }).split('\n')[1]).toBe(
      '  7 0000000000000000  1b    0    0   -   no    no -      0000000000000000 ?',
    );
  });

  it('null cpu_t fields print their zero value; NRUN falls back to the queue length', () => {
    const c = cpu({ flags: null, bspl: null, runrun: null, kprunrun: null, nrun: null, runq: [{ pri: 99, thread: 'ffffff0007e01c40', proc: 'sched', line: 0 }] });
    expect(renderCpuinfo([c], { verbose: false }).split('\n')[1]).toBe(
      '  0 fffffffffbc486e0   0    1    0  60   no    no t-1    ffffff01d5a600c0 sched',
    );
  });

  it('process names are cut to MAXCOMLEN (16), as u_comm is', () => {
    const out = renderCpuinfo([cpu({ proc: 'qemu-system-x86_64' })], { verbose: false });
    expect(out.split('\n')[1]!.endsWith(' qemu-system-x86_')).toBe(true);
  });

  it('-v margin comes from the flags when no names were read, and PIL rows go highest first', () => {
    const c = cpu({
      flags: 0x401,
      pri: 109,
      pil: [
        { pil: 2, thread: 'a', line: 0 },
        { pil: 10, thread: 'b', line: 0 },
      ],
    });
    expect(renderCpuinfo([c], { verbose: true, addrWidth: 8 })).toBe(
      [
        ' ID ADDR     FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD   PROC',
        '  0 fffffffffbc486e0 401    0    0 109   no    no t-1    ffffff01d5a600c0 sched',
        '               |         |',
        '    RUNNING <--+         +--> PIL THREAD',
        '   DISABLED                    10 0000000b',
        '                                2 0000000a',
        '',
        '',
      ].join('\n'),
    );
  });

  it('names read from an old mdb margin win over the flags (no DISABLED line before 2019)', () => {
    const out = renderCpuinfo([cpu({ flags: 0x401, flagNames: ['RUNNING'] })], { verbose: true });
    expect(out).not.toContain('DISABLED');
  });
});

describe('pre-2019 auto-wrap', () => {
  it('moves " (idle)" whole to the next line when it does not fit, leaving no trailing space', () => {
    const out = renderCpuinfo([cpu({ pri: -1, switchTicks: 0, proc: '(idle)' })], { verbose: false, autowrap: 80 });
    expect(out.split('\n').slice(1, 3)).toEqual(['  0 fffffffffbc486e0  1b    0    0  -1   no    no t-0    ffffff01d5a600c0', ' (idle)']);
  });

  it('keeps a name that ends exactly at column 80 on the row', () => {
    const out = renderCpuinfo([cpu({ proc: 'abcdef' })], { verbose: false, autowrap: 80 });
    const row = out.split('\n')[1]!;
    expect(row.length).toBe(80);
    expect(row.endsWith(' abcdef')).toBe(true);
  });

  it('wraps a 7-character name to column 0 after a trailing space', () => {
    const out = renderCpuinfo([cpu({ proc: 'abcdefg' })], { verbose: false, autowrap: 80 });
    expect(out.split('\n').slice(1, 3)).toEqual(['  0 fffffffffbc486e0  1b    0    0  60   no    no t-1    ffffff01d5a600c0 ', 'abcdefg']);
  });

  it('does not wrap without a width', () => {
    const out = renderCpuinfo([cpu({ proc: 'abcdefg' })], { verbose: false });
    expect(out.split('\n')).toHaveLength(3);
  });
});
