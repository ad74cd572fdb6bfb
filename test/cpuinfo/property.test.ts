// Random CPUs rendered as mdb would print them, then parsed, give the same values back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AddrWidth } from '../../grammar/cpuinfo/layout.ts';
import { cpuFlagNames as flagNamesOf } from '../../illumos/cpu-flags.ts';
import { addr as hexAddr } from '../../illumos/index.ts';
import { cpuFromRecord } from '../../src/model/cpu.ts';
import type { Cpu } from '../../src/model/snapshot.ts';
import { renderCpuinfo } from '../../src/render/cpuinfo.ts';
import { cpuinfoCommand, cpus, parse } from './helpers.ts';
import { numbered } from '../support/lines.ts';

const HEX = '0123456789abcdef'.split('');

/** An address as the model holds it: lower-case hex, no leading zeros. */
const addr = (maxDigits: number) =>
  fc
    .tuple(fc.constantFrom(...HEX.slice(1)), fc.array(fc.constantFrom(...HEX), { maxLength: maxDigits - 1 }))
    .map(([h, t]) => hexAddr(h + t.join('')));

/** `u_comm`: 1-16 characters, no leading or trailing blank (mdb's output cannot show those). */
const anyName = fc
  .array(fc.string({ unit: fc.constantFrom(...'abcXYZ019_-.|+<>()?:/@'.split('')), minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 })
  .map((ws) => ws.join(' ').slice(0, 16).trim())
  .filter((s) => s.length > 0);
/** Names that a wrapped line cannot mistake for a row or a header (old mdb puts them at column 0). */
const wrapSafeName = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_-.'.split('')), minLength: 1, maxLength: 16 });

interface Gen {
  w: AddrWidth;
  verbose: boolean;
  autowrap: number | null;
  cpus: Cpu[];
}

function cpuArb(w: AddrWidth, verbose: boolean, name: fc.Arbitrary<string>, ticks: fc.Arbitrary<number>): fc.Arbitrary<Cpu> {
  const a = addr(w === 8 ? 8 : 16);
  const entry = fc.record({ pri: fc.integer({ min: -1, max: 169 }), thread: a, proc: name });
  return fc
    .record({
      addr: a,
      flags: fc.integer({ min: 0, max: 0x7ff }),
      bspl: fc.integer({ min: 0, max: 15 }),
      pri: fc.option(fc.integer({ min: -1, max: 169 }), { nil: null }),
      runrun: fc.boolean(),
      kprunrun: fc.boolean(),
      switchTicks: fc.option(ticks, { nil: null }),
      thread: a,
      proc: fc.oneof(name, fc.constantFrom('(idle)', '-', '?')),
      nrunPlain: fc.integer({ min: 0, max: 9999 }),
      runq: fc.array(entry, { maxLength: 6 }),
      pils: fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { maxLength: 3 }),
      pilThread: a,
      pinned: fc.option(fc.record({ thread: a, proc: fc.oneof(name, fc.constant('(idle)')) }), { nil: null }),
    })
    .map((g): Cpu => {
      const pil = [...g.pils].sort((x, y) => y - x).map((p) => ({ pil: p, thread: g.pilThread, line: 0 }));
      return {
        id: 0,
        addr: g.addr,
        flags: g.flags,
        flagNames: verbose ? flagNamesOf(g.flags) : [],
        nrun: verbose ? g.runq.length : g.nrunPlain,
        bspl: g.bspl,
        pri: g.pri,
        runrun: g.runrun,
        kprunrun: g.kprunrun,
        switchTicks: g.switchTicks,
        thread: g.thread,
        proc: g.proc,
        pil: verbose ? pil : [],
        pinned: verbose && pil.length > 0 && g.pinned !== null ? { ...g.pinned, line: 0 } : null,
        runq: verbose ? g.runq.map((q) => ({ ...q, line: 0 })) : null,
        lines: {},
      };
    });
}

function genArb(autowrap: number | null): fc.Arbitrary<Gen> {
  const widths: AddrWidth[] = autowrap === null ? [16, 11, 8] : [16];
  // A C int; with auto-wrap, small enough that THREAD itself never wraps.
  const ticks = autowrap === null ? fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) : fc.integer({ min: -99_999, max: 9_999_999 });
  const name = autowrap === null ? anyName : wrapSafeName;
  return fc.tuple(fc.constantFrom(...widths), fc.boolean()).chain(([w, verbose]) =>
    fc.array(cpuArb(w, verbose, name, ticks), { minLength: 1, maxLength: 4 }).map((list) => ({
      w,
      verbose,
      autowrap,
      cpus: list.map((c, i) => ({ ...c, id: i * 37 })),
    })),
  );
}

/** What survives a trip through the text: values, not source lines. */
function values(c: Cpu) {
  const { lines: _lines, ...rest } = c;
  return {
    ...rest,
    pil: c.pil.map(({ line: _l, ...p }) => p),
    pinned: c.pinned === null ? null : { thread: c.pinned.thread, proc: c.pinned.proc },
    runq: c.runq === null ? null : c.runq.map(({ line: _l, ...q }) => q),
  };
}

function check(g: Gen): void {
  const text = renderCpuinfo(g.cpus, { verbose: g.verbose, addrWidth: g.w, autowrap: g.autowrap });
  const lines = numbered(text.split('\n'));
  lines.pop(); // the empty string after the final newline
  // With the command: a -v CPU with no flags, PIL or queue prints nothing that tells -v apart.
  const r = parse(lines, cpuinfoCommand(g.verbose ? ['-v'] : []));
  expect(r.unrecognized).toEqual([]);
  const back = cpus(r).map(cpuFromRecord).map(values);
  expect(back).toEqual(g.cpus.map(values));
  expect(cpus(r).every((c) => c.addrWidth === g.w && c.verbose === g.verbose)).toBe(true);
}

const RUNS = Number(process.env['CPUINFO_PROPERTY_RUNS'] ?? 300);

describe('render then parse', () => {
  it('gives the same values back (no auto-wrap, every width)', () => {
    fc.assert(fc.property(genArb(null), check), { numRuns: RUNS });
  });

  it('gives the same values back through the 80-column wrap of old mdb', () => {
    fc.assert(fc.property(genArb(80), check), { numRuns: RUNS });
  });
});
