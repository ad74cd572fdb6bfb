// Bad lines: each costs exactly one diagnostic on its own line, the rest of the section is read,
// and nothing throws. Accounting contract: lines without a diagnostic count as parsed.
import { describe, expect, it } from 'vitest';
import type { SourceLine } from '../../grammar/common/source.ts';
import { cpuinfoCommand, cpus, handwritten, parse, seedSection } from './helpers.ts';

function diagLines(lines: readonly SourceLine[]) {
  return parse(lines).unrecognized.map((d) => d.line);
}

describe('a garbage line inside a -v block (hand-written)', () => {
  const lines = handwritten('seed-garbage-in-v.txt');
  const r = parse(lines);

  it('gives one diagnostic, for that line, at its first column', () => {
    expect(lines[5]!.text.startsWith('this line is not mdb output')).toBe(true);
    expect(r.unrecognized).toEqual([{ line: 6, col: 1, message: 'text that is not part of ::cpuinfo output' }]);
  });

  it('loses nothing else: both CPUs, their blocks and the wrapped name', () => {
    const [c0, c1] = cpus(r);
    expect(c0?.pil).toEqual([{ pil: 9, thread: 'ffffff00076cbc40', line: 5 }]);
    expect(c0?.pinned?.line).toBe(7);
    expect(c0?.flagNames).toEqual(['RUNNING', 'READY', 'EXISTS', 'ENABLE']);
    expect(c0?.runq?.map((q) => q.thread)).toEqual([
      'ffffff00076f5c40',
      'ffffff00076fbc40',
      'ffffff0007701c40',
      'ffffff0007dbac40',
      'ffffff0008910c40',
    ]);
    expect(c1).toMatchObject({ proc: 'qemu-system-x86_', procLine: 18 });
    expect(c1?.runq).toHaveLength(4);
  });
});

describe('one diagnostic per bad line, wherever it is', () => {
  const seed = seedSection();
  const insert = (at: number, text: string): SourceLine[] => [...seed.slice(0, at), { no: 1000, text }, ...seed.slice(at)];

  const garbage = [
    ['indented symbols', '      ### $$$ %%'],
    ['indented words', '                  hello there world'],
    ['a lone hex word in the margin', '   deadbeef'],
    ['control characters', '\x1b[31m\x07\x00 x'],
    ['a half block line', '                                   99'],
    ['a -v queue row outside the queue', '                                   99 ffffff00076f5c40 sched'],
  ] as const;

  for (const [what, text] of garbage) {
    it(`${what}: exactly one diagnostic, both CPUs kept`, () => {
      const at = 4; // inside CPU 0's PIL block
      const r = parse(insert(at, text));
      expect(r.unrecognized.map((d) => d.line)).toEqual([1000]);
      expect(r.unrecognized[0]!.col).toBeGreaterThanOrEqual(1);
      expect(cpus(r)).toHaveLength(2);
      expect(cpus(r)[0]!.runq).toHaveLength(5);
    });
  }

  it('messages never echo control or bidi characters', () => {
    const r = parse(insert(4, '      \x1b[2J\u202eevil'));
    expect(r.unrecognized).toHaveLength(1);
    expect(r.unrecognized[0]!.message).toBe('unexpected "?[2J?evil"');
  });

  it('a run-queue row before its block header is rejected and changes nothing', () => {
    const r = parse(insert(3, '                                   42 ffffff00076f5c40 sched'));
    expect(r.unrecognized).toEqual([{ line: 1000, col: 36, message: 'run-queue row outside a run-queue block' }]);
    expect(cpus(r)[0]!.runq!.map((q) => q.pri)).toEqual([99, 99, 99, 60, 60]);
  });

  it('an unreadable line between a row and its wrapped name costs only itself', () => {
    const r = parse(insert(16, '   %%%'));
    expect(r.unrecognized.map((d) => d.line)).toEqual([1000]);
    expect(cpus(r)[1]).toMatchObject({ proc: 'qemu-system-x86_', procLine: 68 });
  });

  it('a wrapped-looking name after a complete row is rejected', () => {
    expect(diagLines(insert(2, 'sched'))).toEqual([1000]);
  });

  it('-v lines before any row are rejected one by one', () => {
    const lines = seedSection().slice(2, 5);
    const r = parse(lines);
    expect(r.unrecognized.map((d) => [d.line, d.message])).toEqual([
      [54, '-v line with no CPU row above it'],
      [55, '-v line with no CPU row above it'],
      [56, '-v line with no CPU row above it'],
    ]);
  });

  it('never lets a diagnostic land on a good line', () => {
    for (let at = 1; at < seed.length; at++) {
      const r = parse(insert(at, '  %%% not output'));
      expect(r.unrecognized.map((d) => d.line)).toEqual([1000]);
    }
  });
});

describe('a truncated row', () => {
  const plain = handwritten('odd-cells.txt');

  it('in plain output: one diagnostic at the end of the line, other rows kept', () => {
    const lines = plain.map((l) => (l.no === 3 ? { ...l, text: l.text.slice(0, 30) } : l));
    const r = parse(lines, cpuinfoCommand([]));
    expect(r.unrecognized).toHaveLength(1);
    expect(r.unrecognized[0]).toMatchObject({ line: 3, col: 30 });
    expect(r.unrecognized[0]!.message).toMatch(/end of the line/);
    expect(cpus(r).map((c) => c.id)).toEqual([0, 2, 3]);
  });

  it('in -v output: its own -v lines are reported as orphans, the next CPU is intact', () => {
    const lines = seedSection().map((l) => (l.no === 53 ? { ...l, text: l.text.slice(0, 40) } : l));
    const r = parse(lines);
    expect(r.unrecognized.filter((d) => d.line === 53)).toHaveLength(1);
    const orphans = r.unrecognized.filter((d) => d.line !== 53);
    expect(orphans.every((d) => d.message === '-v line with the unreadable CPU row at line 53')).toBe(true);
    expect(orphans.map((d) => d.line)).toEqual([54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64]);
    expect(cpus(r).map((c) => c.id)).toEqual([1]);
    expect(cpus(r)[0]!.runq).toHaveLength(4);
  });

  it('a value too large for a number is one diagnostic at that value', () => {
    const lines = plain.map((l) => (l.no === 2 ? { ...l, text: l.text.replace('t--12 ', 't-99999999999999999999 ') } : l));
    const r = parse(lines);
    expect(r.unrecognized).toEqual([{ line: 2, col: 51, message: 'SWITCH out of range' }]);
    expect(cpus(r)).toHaveLength(3);
  });

  it('SWITCH just past 2^53 is refused, not rounded; 2^53 - 1 is kept exactly', () => {
    const withTicks = (t: string) => plain.map((l) => (l.no === 2 ? { ...l, text: l.text.replace('t--12 ', `t-${t} `) } : l));
    const past = parse(withTicks('9007199254740993'));
    expect(past.unrecognized).toEqual([{ line: 2, col: 51, message: 'SWITCH out of range' }]);
    const max = parse(withTicks('9007199254740991'));
    expect(max.unrecognized).toEqual([]);
    expect(cpus(max).find((c) => c.line === 2)!.switchTicks).toBe(9007199254740991);
  });

  it('a line past the per-line limit is one diagnostic, read no further', () => {
    const long = ' 0 ' + 'f'.repeat(300_000);
    const r = parse([{ no: 9, text: long }]);
    expect(r.unrecognized).toEqual([{ line: 9, col: 1, message: '::cpuinfo: line of 300003 characters not read (the limit is 262144 per line)' }]);
  });
});

describe('hostile input', () => {
  it('a 10,000-character garbage line is one diagnostic', () => {
    for (const text of ['x'.repeat(10_000), '  ' + 'a'.repeat(9_999) + 'z', '  ' + '1 '.repeat(5_000), ' |'.repeat(5_000), '    ' + '('.repeat(10_000)]) {
      const r = parse([{ no: 7, text }]);
      expect(r.unrecognized).toHaveLength(1);
      expect(r.unrecognized[0]!.line).toBe(7);
      expect(r.records).toEqual([]);
    }
  });

  it('never throws on random text, and reports at most one diagnostic per line', () => {
    const alphabet = ' |+-<>()?t0123456789abcdefRUNINGDEYsno\t\x1b';
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let k = 0; k < 300; k++) {
      const lines = Array.from({ length: 1 + rand(12) }, (_, i) => ({
        no: i + 1,
        text: Array.from({ length: rand(90) }, () => alphabet[rand(alphabet.length)]).join(''),
      }));
      const r = parse(lines);
      const seen = new Set<number>();
      for (const d of r.unrecognized) {
        expect(seen.has(d.line)).toBe(false);
        seen.add(d.line);
      }
    }
  });
});
