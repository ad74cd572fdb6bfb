// learnPrefix and the prefixes it learns: which lines start a run, which end it. Each expected
// text is the input line with its prefix cut off by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { learnPrefixes } from '../../src/ingest/prefix.ts';
import { isCommandLine, readPrompt } from '../../src/ingest/prompt.ts';
import { startsOutput } from '../../src/ingest/shapes.ts';
import { fold } from '../support/fold.ts';

const isCommand = (t: string) => readPrompt(t)?.type === 'command';
const isOutput = startsOutput;

const learnPrefix = (line: string, max = 1) => learnPrefixes(line, isCommand, isOutput, max);

/** Learns from the first line, then strips the rest until a run ends (null from then on). */
function run(lines: string[], max = 1): (string | null)[] {
  const l = learnPrefix(lines[0]!, max);
  if (l === null) return [null];
  const out: (string | null)[] = [l.text];
  let live = true;
  for (const line of lines.slice(1)) {
    let t: string | null = live ? line : null;
    for (const p of l.prefixes) t = t === null ? null : p.strip(t);
    if (t === null) live = false;
    out.push(t);
  }
  return out;
}

describe('line numbers', () => {
  it('cat -n: a tab after the number; a blank line is its number alone', () => {
    expect(run(['    12\t> ::cpuinfo -v', '    13\t ID ADDR', '    14\t', '    15\t  0 fffffffffbc486e0'])).toEqual([
      '> ::cpuinfo -v',
      ' ID ADDR',
      '',
      '  0 fffffffffbc486e0',
    ]);
  });

  it("grep -n: a bare colon, even when the first line's own space made it read as ': '", () => {
    // Real sample 002's threadlist through grep -n: its header starts with spaces, so `1:` and a
    // space read as the separator, and `2:fffffffffbc38660` ended the run (7 lines unrecognized).
    const header = '            ADDR             PROC              LWP CMD/LWPID';
    const row = 'fffffffffbc38660 fffffffffbc37680 fffffffffbc3a160 sched/1';
    expect(run(['1:' + header, '2:' + row, '3: ' + row])).toEqual([header.slice(1), row, ' ' + row]);
    const sample = readFileSync(new URL('../../fixtures/real/002-rfd96-threadlist-threadnames.txt', import.meta.url), 'utf8');
    const numbered = sample.replace(/\n$/, '').split('\n').map((l, i) => `${i + 1}:${l}`).join('\n') + '\n';
    const threads = (t: string) => analyzeText(t).snapshot.threads.map((x) => [x.addr, x.desc]);
    expect(analyzeText(numbered).accounting).toMatchObject({ parsed: 8, unrecognized: 0 });
    expect(threads(numbered)).toEqual(threads(sample));
    // A run that is `: ` throughout stays so: the space after the colon is the separator's.
    expect(run(['1: > ::cpuinfo', '2:  ID ADDR', '3:   0 fffffffffbc486e0'])).toEqual(['> ::cpuinfo', ' ID ADDR', '  0 fffffffffbc486e0']);
  });

  it('less -N: a number right-aligned in 7 columns and one space, before output with no command too', () => {
    // Real sample 013 (::stacks output with no command) read nothing at all in this form.
    const sample = readFileSync(new URL('../../fixtures/real/013-richlowe-aarch64-stacks-part2.txt', import.meta.url), 'utf8');
    const less = sample.replace(/\n$/, '').split('\n').map((l, i) => `${String(i + 1).padStart(7)} ${l}`).join('\n') + '\n';
    const threads = (t: string) => analyzeText(t).snapshot.threads.map((x) => [x.addr, x.stack?.map((f) => f.func)]);
    expect(analyzeText(less).accounting).toEqual(analyzeText(sample).accounting);
    expect(threads(less)).toEqual(threads(sample));
    // Only less's 7 columns before an output row: 6 or 8 (a frame pointer all of digits is 8 wide) is not taken.
    const frame = 'fffffe00b6e59c60 usb_console_input_enter+0x13(0)';
    expect(learnPrefix('     12 ' + frame)?.text).toBe(frame);
    expect(learnPrefix('    12 ' + frame)).toBeNull();
    expect(learnPrefix('  80471234 ' + frame)).toBeNull();
  });

  it("cat -n or nl with its tab shown as spaces to column 8: before output with no command too, as less -N's", () => {
    const header = ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC';
    const row = '  0 fffffffffbc486e0  1b    5    0 108   no    no t-0    ffffff00076cbc40 sched';
    expect(run(['    12  ' + header, '    13  ' + row, '    14', '    15  ' + row])).toEqual([header, row, '', row]);
    // Two spaces that do not end at column 8 are no tab: `  3  fffffe...` is not taken.
    expect(learnPrefix('   3  fffffe00b6e59c60 usb_console_input_enter+0x13(0)')).toBeNull();
  });

  it("vim's :set number and awk's NR: a number and one space before a column header or a thread's stack header", () => {
    const header = ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC';
    const row = '  0 fffffffffbc486e0  1b    5    0 108   no    no t-0    ffffff00076cbc40 sched';
    // vim right-aligns in 3 columns and shows a blank line as its number alone.
    expect(run(['  1 ' + header, '  2 ' + row, '  3', '  4 ' + row])).toEqual([header, row, '', row]);
    expect(run(['1 ' + header, '2 ' + row])).toEqual([header, row]);
    expect(learnPrefix('  9 stack pointer for thread ffffff0007a45c40: ffffff0007a45a60')?.text).toBe('stack pointer for thread ffffff0007a45c40: ffffff0007a45a60');
    // Not before a row: `  1 TS ...` is a ::class slot, `  3 fffffe...` a CPU id and its row, `3 mdb` a cut row's end.
    expect(learnPrefix('  1 TS      ts_init             0xfffffffffb8f1c60')).toBeNull();
    expect(learnPrefix('  3 ' + row.trimStart())).toBeNull();
    expect(learnPrefix('  3 fffffe00b6e59c60 usb_console_input_enter+0x13(0)')).toBeNull();
  });

  it('a listing wrapped after it was numbered or indented: the rest of a cut line, which has no prefix, does not end the run', () => {
    const sample = readFileSync(new URL('../../fixtures/handwritten/triage/1532-no-stacks.txt', import.meta.url), 'utf8');
    const ls = sample.replace(/\n$/, '').split('\n');
    const verdict = (t: string) => analyzeText(t).findings.map((f) => `${f.rule} ${f.severity}`);
    const plain = verdict(sample);
    expect(plain.length).toBeGreaterThan(0);
    const numbered = ls.map((l, i) => String(i + 1).padStart(6) + '\t' + l).join('\n') + '\n';
    const indented = ls.map((l) => '    ' + l).join('\n') + '\n';
    // At the width (fold: the first cut is the only line that wide so far) and at a space (fold -s).
    for (const w of [72, 76, 80]) {
      for (const atSpace of [false, true]) {
        expect(verdict(fold(indented, w, atSpace)), `indented, ${w}${atSpace ? 's' : 'f'}`).toEqual(plain);
        expect(verdict(fold(numbered, w, atSpace)), `cat -n, ${w}${atSpace ? 's' : 'f'}`).toEqual(plain);
      }
    }
  });

  it('a vim or awk listing of a whole session reads as the session: the #1532-shaped CPUs, queues and verdict', () => {
    const sample = readFileSync(new URL('../../fixtures/handwritten/cpuinfo/seed-trailing-stripped.txt', import.meta.url), 'utf8');
    const lines = sample.replace(/\n$/, '').split('\n');
    const vim = lines.map((l, i) => `${String(i + 1).padStart(3)} ${l}`.trimEnd()).join('\n') + '\n';
    const awk = lines.map((l, i) => `${i + 1} ${l}`).join('\n') + '\n';
    const view = (t: string) => {
      const a = analyzeText(t);
      return { accounting: a.accounting, cpus: a.snapshot.cpus.map((c) => [c.id, c.thread, (c.runq ?? []).map((q) => q.thread)]), findings: a.findings.map((f) => [f.rule, f.severity]) };
    };
    const plain = view(sample);
    expect(plain.cpus).toHaveLength(2);
    expect(plain.findings.length).toBeGreaterThan(0);
    expect(view(vim)).toEqual(plain);
    expect(view(awk)).toEqual(plain);
  });

  it('never a 0: listings number from 1 (a 0 is a CPU id or a digit a wrap cut off an address)', () => {
    expect(learnPrefix('0\t> ::cpuinfo')).toBeNull();
    expect(learnPrefix('1\t> ::cpuinfo')).toEqual({ prefixes: [expect.anything()], text: '> ::cpuinfo' });
  });

  it('a number and a single space only before an mdb prompt, not a shell line (`0 mdb`, `3 mdb`: the end of a cut ::cpuinfo row)', () => {
    expect(learnPrefixes('3 mdb', isCommandLine, isOutput)).toBeNull();
    expect(learnPrefixes('3 > ::cpuinfo', isCommandLine, isOutput)?.text).toBe('> ::cpuinfo');
    expect(learnPrefixes('3\t# mdb -k', isCommandLine, isOutput)?.text).toBe('# mdb -k');
  });

  it('grep -n: a colon and no space, so the line keeps its own leading space', () => {
    expect(run(['7:> ::cpuinfo', '8: ID ADDR'])).toEqual(['> ::cpuinfo', ' ID ADDR']);
  });

  it('ends the run at a number out of sequence, or a different separator', () => {
    expect(run(['1 | > ::cpuinfo', '2 |  ID ADDR', '4 |   0 fff', '5 | x'])).toEqual(['> ::cpuinfo', ' ID ADDR', null, null]);
    expect(run(['1\t> ::cpuinfo', '2:  ID ADDR'])).toEqual(['> ::cpuinfo', null]);
  });

  it('is learned only before a command: a column of CPU ids is not a line number', () => {
    expect(learnPrefix('  0 fffffffffbc486e0  1b    5    0 108   no    no t-0    ffffff00076cbc40 sched')).toBeNull();
    expect(learnPrefix('12 threads were runnable')).toBeNull();
  });
});

describe('time stamps', () => {
  it('ts, ISO 8601 and bracketed stamps, each with one space after it', () => {
    expect(run(['Dec 06 07:12:01 > ::stacks', 'Dec 06 07:12:02 THREAD           STATE'])).toEqual(['> ::stacks', 'THREAD           STATE']);
    expect(run(['2026-12-06T07:12:01.250+01:00 > $C', '2026-12-06T07:12:01Z ffffff0007e01bc0 swtch+0x145()'])).toEqual([
      '> $C',
      'ffffff0007e01bc0 swtch+0x145()',
    ]);
    expect(run(['[   12.345678] > ::cpuinfo', '[   12.345690]  ID ADDR', '[   12.345699]'])).toEqual(['> ::cpuinfo', ' ID ADDR', '']);
  });

  it("does not take kmdb's prompt for a bracketed stamp", () => {
    expect(learnPrefix('[0]> ::cpuinfo -v')).toBeNull();
    expect(learnPrefix('[1]: ::stacks')).toBeNull();
  });

  it('ends the run at a line with another shape of stamp or none', () => {
    expect(run(['Dec 06 07:12:01 > ::stacks', '2026-12-06 07:12:02 x', 'Dec 06 07:12:03 y'])).toEqual(['> ::stacks', null, null]);
  });
});

describe('prefixes inside prefixes', () => {
  it('a numbered listing of a session pasted as comments: two runs, learnt from one line', () => {
    expect(run(['     1\t# > ::findstack -v', '     2\t# stack pointer for thread 1: 2', '     3\t#   ffffff000cf358f0 swtch+0x141()'], 2)).toEqual([
      '> ::findstack -v',
      'stack pointer for thread 1: 2',
      '  ffffff000cf358f0 swtch+0x141()',
    ]);
    // One level only: the comment mark inside the number is not looked for.
    expect(learnPrefix('     1\t# > ::findstack -v', 1)).toBeNull();
  });
});

describe('marks', () => {
  it('a bar, a comment mark or a tab, before a command or before output', () => {
    expect(run(['| > ::cpuinfo', '|  ID ADDR', '|'])).toEqual(['> ::cpuinfo', ' ID ADDR', '']);
    expect(run(['# stack pointer for thread ffffff0007e01c40: ffffff0007e01b60', '#   ffffff0007e01b90 swtch+0x145()'])).toEqual([
      'stack pointer for thread ffffff0007e01c40: ffffff0007e01b60',
      '  ffffff0007e01b90 swtch+0x145()',
    ]);
  });

  it('is not learned from prose that starts with a mark', () => {
    expect(learnPrefix('| the queue was long')).toBeNull();
    expect(learnPrefix('# reboot')).toBeNull();
  });
});

describe('a Markdown code block (four spaces), outside any section', () => {
  const FRAME = 'ffffff007b650b50 mutex_enter+0xb()';
  const block = (line: string, max = 2) => learnPrefixes(line, isCommandLine, isOutput, max, true);

  it('starts a run before output pasted with no command, and before a prefix of its own', () => {
    expect(block('    ' + FRAME)?.text).toBe(FRAME);
    expect(block('    # > ::findstack -v')?.text).toBe('> ::findstack -v');
    expect(block('    # > ::findstack -v')?.prefixes).toHaveLength(2);
    // Inside a section (codeBlock false) indentation is the output's own.
    expect(learnPrefixes('    ' + FRAME, isCommandLine, isOutput, 2, false)).toBeNull();
  });

  it('not before a typed command (its section takes the indentation off), nor before a line number', () => {
    expect(block('    > ::cpuinfo -v')).toBeNull();
    // `cat -n` pads numbers to six columns: the numbers' run alone (four spaces as a run too would
    // end both at line 100, which has three).
    const numbered = block('     1\t> ::cpuinfo -v');
    expect(numbered?.prefixes).toHaveLength(1);
    expect(numbered?.prefixes[0]!.strip('     2\tx')).toBe('x');
  });
});
