// Lexing and parsing stay linear on pathological input: ten times the input may cost about ten
// times the time, never a hundred. The figure checked is a ratio within one run (min of a few
// runs each, measured once more when it is over the bound), with generous slack for noise; it is
// not an absolute time.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';

const MB = 1024 * 1024;
const FIND = '> ffffff0007e01c40::findstack -v\nstack pointer for thread ffffff0007e01c40: ffffff0007e01b60\n';
const CPU = '> ::cpuinfo -v\n ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC\n';

const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const linesOf = (n: number, make: (i: number) => string) => {
  let s = '';
  for (let i = 0; s.length < n; i++) s += make(i) + '\n';
  return s;
};

// Each shape at n bytes. One-line shapes test a single huge token or run; many-line shapes test
// the per-line cost.
const SHAPES: Record<string, (n: number) => string> = {
  'one line of hex digits': (n) => CPU + fill('0123456789abcdef', n) + '\n',
  'one line of spaces': (n) => CPU + fill(' ', n) + 'x\n',
  'one frame of +0x': (n) => FIND + '  ffffff0007e01b90 swtch' + fill('+0x', n) + '()\n',
  'frames with long hex runs': (n) => FIND + linesOf(n, (i) => `  ${fill('f', 2000)} cv_wait+0x${fill('7', 500)}(${i.toString(16)}, ${fill('a', 300)})`),
  'lines of +0x runs': (n) => linesOf(n, () => '  ffffff0007e01b90 f' + fill('+0x', 600) + '('),
  'cpu rows of spaces': (n) => CPU + linesOf(n, (i) => `${String(i % 1000).padStart(3)} ${fill(' ', 1500)}fffffffffbc486e0${fill(' ', 500)}1b`),
  'nested print braces': (n) => '> ffffff0007e01c40::print kthread_t\n' + linesOf(n, (i) => ' '.repeat(i % 40) + `m${i} = {`),
  'prose without newlines': (n) => fill('the dispatcher 0x1e6 +0x ', n),
  // Terminal escapes (ingest/terminal.ts): window titles that never end, colour sequences cut short.
  'one line of unended window titles': (n) => CPU + fill('\x1b]0;', n) + '\n',
  'one line of cut escapes and no-break spaces': (n) => CPU + fill('\x1b[1;3\u00a0', n) + '\n',
};

// Lines a wrap might have cut from a panic's (console-wrap.ts, log-line.ts): each is read with the
// few before it, never with all of them. A panic section reads about 1 MB a second, so these are
// measured at a tenth of the size.
const PANIC_SHAPES: Record<string, (n: number) => string> = {
  'a console panic, then pieces as wide as a wrap\'s': (n) => 'panic[cpu0]/thread=ffffff0007e01c40: BAD TRAP: type=e\n' + linesOf(n, (i) => (i % 3 === 2 ? 'c=d' : fill('f', 40 + (i % 20)))),
  'a syslog panic, then lines with no stamp': (n) => 'Dec  2 03:14:07 fs01 unix: [ID 836849 kern.notice] #012#015panic[cpu2]/thread=fffffe00f5d8ec20: \n' + linesOf(n, (i) => fill('x', 40 + (i % 30))),
};

function best(text: string, runs: number): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const a = analyzeText(text, { source: 'linear' });
    const t = performance.now() - t0;
    expect(a.accounting.parsed + a.accounting.prose + a.accounting.unrecognized).toBe(a.accounting.lines);
    min = Math.min(min, t);
  }
  return min;
}

describe.each([
  ['1 MB vs 10 MB', SHAPES, MB],
  ['100 KB vs 1 MB', PANIC_SHAPES, MB / 10],
] as const)('linear-time analysis of pathological input (%s)', (_, shapes, unit) => {
  it.each(Object.keys(shapes))('%s', (name) => {
    const make = shapes[name]!;
    best(make(unit / 16), 1); // warm the JIT so the small run is not charged for compilation
    const measure = () => {
      const small = best(make(unit), 3);
      const large = best(make(10 * unit), 2);
      // Floor the small time so a sub-millisecond run does not turn noise into a huge ratio.
      return { small, large, ratio: large / Math.max(small, 2) };
    };
    let m = measure();
    // Other load on the machine (a CI runner's neighbours) can slow both large runs: measured once
    // more before failing. Input that is really superlinear fails both times.
    if (m.ratio >= 25) m = [m, measure()].reduce((a, b) => (b.ratio < a.ratio ? b : a));
    const { small, large, ratio } = m;
    if (process.env['PLAYFAIR_LIMITS_REPORT']) console.log(`${name}: small ${small.toFixed(1)} ms, 10x ${large.toFixed(1)} ms, ratio ${ratio.toFixed(2)}`);
    expect(ratio, `small ${small.toFixed(1)} ms, 10x ${large.toFixed(1)} ms`).toBeLessThan(25);
  }, 300_000);
});
