// Whole reports wrapped as a mail client or a terminal copy wraps them, read back: the verdict must
// be the plain text's. Each form is the seed (or a hand-written fixture) folded at one width, by
// `fold` (cut at the width) or `fold -s` (cut at a space); the expected findings are the plain
// text's own, so nothing here is written down twice.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { fold } from '../support/fold.ts';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const verdict = (text: string) => analyzeText(text).findings.map((f) => `${f.rule} ${f.severity}`);
const WIDTHS = Array.from({ length: 41 }, (_, i) => 40 + i);

describe('a wrapped report gives the plain text verdict', () => {
  it('the #1532 seed, folded at every width from 40 to 80 both ways: the same four findings', () => {
    const text = fixture('seed/illumos-1532.txt');
    const plain = verdict(text);
    expect([...plain].sort()).toEqual(['kpreempt-threshold high', 'preemption-pending high', 'runq-starvation critical', 'ts-timeleft-overrun high']);
    const off: string[] = [];
    for (const w of WIDTHS) for (const atSpace of [false, true]) if (JSON.stringify(verdict(fold(text, w, atSpace))) !== JSON.stringify(plain)) off.push(`${w}${atSpace ? 's' : 'f'}`);
    // Before: 25 of these 82 forms lost ts-timeleft-overrun, and 24 the critical.
    expect(off).toEqual([]);
  });

  it('the seed with an interrupt over the stuck CPU, folded at 41 (PIL lines cut just before their thread) and 59-65 (the ::print prompt cut inside a word): no interrupt-hog in place of #1532', () => {
    const text = fixture('handwritten/verdicts/seed-intr-over-qemu.txt');
    const plain = verdict(text);
    for (const w of [41, 59, 60, 62, 65]) expect(verdict(fold(text, w, false)), `at ${w}`).toEqual(plain);
  });

  it('a ::status whose build stamp a wrap cut still dates the build (hz 1000): no low preemption-pending from an assumed hz 100', () => {
    const text = fixture('handwritten/shell/panic-bound.txt');
    expect(verdict(text)).toEqual([]);
    for (const w of [44, 46]) {
      const a = analyzeText(fold(text, w, false));
      expect(a.findings, `at ${w}`).toEqual([]);
      expect(a.accounting.unrecognized, `at ${w}`).toBe(0);
      expect(a.snapshot.system?.fields['operating system'], `at ${w}`).toBe('5.11 joyent_20230112T000000Z (i86pc)');
    }
    // Time-stamped by `ts` before the wrap: the width the lines show is 16 wider than the
    // `::status` text the stamps leave, and a build stamp cut at it must still be joined.
    const stamped = text.replace(/\n$/, '').split('\n').map((l) => 'Dec 06 07:12:01 ' + l).join('\n') + '\n';
    const a60 = analyzeText(fold(stamped, 60, false));
    expect(a60.findings).toEqual([]);
    expect(a60.snapshot.system?.fields['operating system']).toBe('5.11 joyent_20230112T000000Z (i86pc)');
    // A section's own widths too: the unstamped rest of a cut frame (up to 60 wide) is no line of
    // the section (44 wide once the stamp is off), or the frame cut at its width inside its
    // parentheses reads as cut at a space, and taskq-starvation is lost.
    const taskq = fixture('handwritten/verdicts/taskq-behind-intr-over-user.txt');
    const stampedTaskq = taskq.replace(/\n$/, '').split('\n').map((l) => 'Dec 06 07:12:01 ' + l).join('\n') + '\n';
    expect(verdict(fold(stampedTaskq, 60, false))).toEqual(verdict(taskq));
    // At 44 CPU 1's row is cut in three: `... yes ` + `   no ... qemu-system-x8` + `6_`.
    expect(analyzeText(fold(text, 44, false)).snapshot.cpus.find((c) => c.id === 1)?.proc).toBe('qemu-system-x86_');
  });
});

describe('a prompt line a wrap cut', () => {
  const seed = fixture('seed/illumos-1532.txt');
  const COMMAND = 'ffffff01d5a600c0::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft';
  const printCommand = (text: string) => analyzeText(text).sections.find((s) => s.kind === 'print')?.command;

  it('at the width, anywhere: inside a word (58, 60), after the pipe\'s `:` or `::` (48, 49), in three pieces (40)', () => {
    expect(printCommand(seed)).toBe(COMMAND);
    for (const w of [40, 48, 49, 58, 60]) expect(printCommand(fold(seed, w, false)), `at ${w}`).toBe(COMMAND);
  });

  it('at spaces, with the pipe and its next stage moved down (fold -s at 40 and 44)', () => {
    for (const w of [40, 44]) expect(printCommand(fold(seed, w, true)), `at ${w}`).toBe(COMMAND);
  });

  it('at a space whose trailing space a copy stripped (fold -s at 60, then each line trimmed): joined when the word did not fit', () => {
    const stripped = fold(seed, 60, true).split('\n').map((l) => l.trimEnd()).join('\n');
    expect(printCommand(stripped)).toBe(COMMAND);
    // A word that would have fit beside the prompt at the widest line so far is not its rest.
    const wide = 'x'.repeat(70);
    const prompt = '> ffffff01d5a600c0::print kthread_t t_cldata | ::print -a';
    const a = analyzeText([wide, prompt, 'tsproc_t ts_timeleft'].join('\n'));
    expect(a.sections.map((s) => s.command)).toEqual(['ffffff01d5a600c0::print kthread_t t_cldata | ::print -a']);
  });

  it('not joined: the next line is output (a ` = `), or the prompt is short of a width two lines reached', () => {
    const wide = 'x'.repeat(50);
    const prompt = '> ffffff01d5a600c0::print kthread_t t_pri t_epri';
    expect(prompt).toHaveLength(48);
    // Two lines of 50 set the width; the prompt stops short of it: `t_pri = 0x3c` is its output.
    const a = analyzeText([wide, wide, prompt, 't_pri = 0x3c', 't_epri = 0'].join('\n'));
    expect(a.sections.map((s) => [s.kind, s.command])).toEqual([['print', 'ffffff01d5a600c0::print kthread_t t_pri t_epri']]);
    // At the width, a rest must be command characters: `t_pri = 0x3c` is not.
    const atWidth = [wide.slice(0, 48), wide.slice(0, 48), prompt, 't_pri = 0x3c'].join('\n');
    expect(analyzeText(atWidth).sections.map((s) => s.command)).toEqual(['ffffff01d5a600c0::print kthread_t t_pri t_epri']);
    // mdb's complaint about the command, though of command characters, is not its rest.
    const refused = [wide.slice(0, 48), wide.slice(0, 48), prompt, 'mdb: failed to look up type t_epri: unknown type'].join('\n');
    expect(analyzeText(refused).sections.map((s) => s.command)).toEqual(['ffffff01d5a600c0::print kthread_t t_pri t_epri']);
  });
});

describe('wait fixtures wrapped (::mutex rows, ::panicinfo messages, frames and headers in three pieces)', () => {
  const dir = new URL('../../fixtures/handwritten/waits/', import.meta.url);
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt'));

  it('every one, folded at every width from 40 to 80 both ways, gives its plain verdict', () => {
    const off: string[] = [];
    for (const name of names) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      const plain = JSON.stringify(verdict(text));
      for (const w of WIDTHS) for (const atSpace of [false, true]) if (JSON.stringify(verdict(fold(text, w, atSpace))) !== plain) off.push(`${name} ${w}${atSpace ? 's' : 'f'}`);
    }
    // Before: 271 (form, rule) pairs lost a deadlock, wait chain or convoy; then 9 forms of
    // deadlock-two-mutex-panic (below).
    expect(off).toEqual([]);
  });

  it('a ::panicinfo first in the input, its message cut at the width before two lines showed it, waits for the lines that do', () => {
    const text = readFileSync(new URL('deadlock-two-mutex-panic.txt', dir), 'utf8');
    for (const w of [40, 44, 49]) {
      const wrapped = fold(text, w, false);
      // `         message Deadlock: cycle in blocking` + ` chain` at 44: the first line at its width.
      const a = analyzeText(wrapped);
      expect(a.snapshot.panic?.message, `at ${w}`).toBe('Deadlock: cycle in blocking chain');
      expect(a.findings.find((f) => f.rule === 'deadlock')?.severity, `at ${w}`).toBe('critical');
      // Held back, it is still read in its place: sections in input order.
      const starts = a.sections.map((s) => s.startLine);
      expect(starts, `at ${w}`).toEqual([...starts].sort((x, y) => x - y));
      expect(a.sections[0]?.kind).toBe('panicinfo');
    }
    // Alone, no later line shows a width: the cut stays a cut, read as it came.
    const alone = fold(text.split('\n').slice(0, 4).join('\n') + '\n', 44, false);
    expect(analyzeText(alone).snapshot.panic?.message).toBe('Deadlock: cycle in blocking');
  });
});
