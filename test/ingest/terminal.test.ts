// readable(): what a terminal capture or a web copy added to a line, taken off. Expected strings
// are written out by hand from each input.
import { describe, expect, it } from 'vitest';
import { hasForeign, readable, typedLine } from '../../src/ingest/terminal.ts';

describe('readable', () => {
  it('returns the very line when it has nothing to take off', () => {
    const l = '  ffffff0007e01bc0 cv_wait+0x7f(ffffff01d6fd5b60, ffffff01d6fd5ac0)';
    expect(readable(l)).toBe(l);
    expect(hasForeign(l)).toBe(false);
  });

  it('turns each Unicode space into one ASCII space, so columns stay put', () => {
    expect(readable('\u00a0 0\u00a0fffffffffbc486e0\u202f 1b')).toBe('  0 fffffffffbc486e0  1b');
    expect(readable('a\u2007b\u2002c\u205fd')).toBe('a b c d');
  });

  it('drops zero-width spaces and byte order marks', () => {
    expect(readable('\ufeff> ::cpu\u200binfo -v')).toBe('> ::cpuinfo -v');
  });

  it('drops the soft hyphens, joiners and word joiners a page puts into long words', () => {
    // `&shy;` between the halves of an address: the address was unreadable, and every row with one.
    expect(readable('  0 fffffffffbc3e000\u00ad  1b    0')).toBe('  0 fffffffffbc3e000  1b    0');
    expect(readable('ffffff01\u00add5a600c0::print kthread_t')).toBe('ffffff01d5a600c0::print kthread_t');
    expect(readable('a\u200cb\u200dc\u2060d')).toBe('abcd');
    expect(hasForeign('ffffff01\u00add5a600c0')).toBe(true);
  });

  it('removes colour, erase and cursor sequences (CSI), 7-bit and 8-bit', () => {
    expect(readable('\x1b[1;32mroot@host\x1b[0m# mdb -k')).toBe('root@host# mdb -k');
    expect(readable('\x1b[K> ::cpuinfo -v\x1b[?25h')).toBe('> ::cpuinfo -v');
    expect(readable('\x9b31mred\x9b0m')).toBe('red');
  });

  it('removes a window title (OSC) ended by BEL or by ST', () => {
    expect(readable('\x1b]0;mdb: vmcore.0\x07> ::stacks')).toBe('> ::stacks');
    expect(readable('\x1b]2;title\x1b\\> $C')).toBe('> $C');
  });

  it('removes charset selection and two-character sequences', () => {
    expect(readable('\x1b(B\x1b=text\x1b>')).toBe('text');
  });

  it('keeps escapes inside a line that starts plainly: mdb prints none, so they are the data\'s own', () => {
    const row = '  1 ffffff01d3e32580  1f    4    0   0  yes    no t-66 ffffff01d5a600c0 qemu\x1b[31m<img>\x1b]0;owned\x07';
    expect(readable(row)).toBe(row);
    expect(readable('ab\u00a0c\x1b[31md')).toBe('ab c\x1b[31md');
    // A line that starts with one is a terminal's: every sequence in it goes, and spaces before the first stay.
    expect(readable('  \x1b[32m  0 fff\x1b[0m sched\x1b[0m')).toBe('    0 fff sched');
  });

  it('leaves a sequence cut off by the end of the line, so the line reads as it came', () => {
    expect(readable('> ::cpuinfo \x1b[1;3')).toBe('> ::cpuinfo \x1b[1;3');
    expect(readable('x\x1b]0;no end')).toBe('x\x1b]0;no end');
    expect(readable('x\x1b')).toBe('x\x1b');
  });
});

describe('margin arrows a word processor or mail client autocorrected', () => {
  const margin = '            RUNNING <--+    |    +--> PIL THREAD';
  it('get their ASCII back, and the columns after them with it', () => {
    for (const dash of ['\u2013', '\u2014']) expect(readable(margin.replaceAll('--', dash))).toBe(margin);
    expect(readable(margin.replace('<--', '\u2190').replace('-->', '\u2192'))).toBe(margin);
    expect(readable('                            +\u2013>  PRI THREAD           PROC')).toBe('                            +-->  PRI THREAD           PROC');
  });
  it('only between the margin\'s < or + and its + or >: a dash or arrow anywhere else stays', () => {
    for (const line of ['2011\u20132012', 'a \u2014 b', 'x \u2192 y', '\u2190 back', '<\u2013>', '+\u2013+', '\u2190>', '<\u2192']) expect(readable(line)).toBe(line);
  });
});

describe('hasForeign', () => {
  it('is true for exactly the characters readable() takes off or changes', () => {
    // Written out from the list above: backspace, ESC, the 8-bit CSI, NBSP, the soft hyphen,
    // U+2000-U+200A spaces, ZWSP, ZWNJ, ZWJ, the en and em dashes, NNBSP, MMSP, the word joiner,
    // the left and right arrows, BOM.
    const margin = [0x2013, 0x2014, 0x2190, 0x2192];
    const expected = [0x08, 0x1b, 0x9b, 0xa0, 0xad, ...Array.from({ length: 14 }, (_, k) => 0x2000 + k), 0x2013, 0x2014, 0x202f, 0x205f, 0x2060, 0x2190, 0x2192, 0xfeff];
    const found: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (hasForeign('a' + String.fromCharCode(c) + 'b')) found.push(c);
    expect(found).toEqual(expected);
    // Each but a backspace outside a typed line, a lone ESC or CSI (a sequence with no end stays)
    // and a dash or arrow outside the ::cpuinfo -v margin changes under readable().
    for (const c of expected.filter((c) => c !== 0x08 && c !== 0x1b && c !== 0x9b && !margin.includes(c))) expect(readable('a' + String.fromCharCode(c) + 'b')).not.toBe('a' + String.fromCharCode(c) + 'b');
    for (const c of margin) expect(readable('a' + String.fromCharCode(c) + 'b')).toBe('a' + String.fromCharCode(c) + 'b');
  });
});

describe('a command line as the screen showed it (a script log of mdb\'s line editor)', () => {
  const BS = '\b';
  it('follows a backspace echoed as BS space BS, and a typed key over the old one', () => {
    expect(readable('> ::cpuinfx' + BS + ' ' + BS + 'o -v')).toBe('> ::cpuinfo -v');
    expect(readable('> fffx' + BS + 'fff0007e01c40::findstack -v')).toBe('> ffffff0007e01c40::findstack -v');
    expect(readable('[0]> ::cpuinfx' + BS + ' ' + BS + 'o')).toBe('[0]> ::cpuinfo');
  });

  it('follows a Tab completion and a history recall: back over the line, erase it, write it again', () => {
    // `::cpui` Tab: mdb adds `nfo`, goes back over prompt and command (11 columns), clears, redraws.
    expect(readable('> ::cpuinfo' + BS.repeat(11) + '\x1b[K> ::cpuinfo -v')).toBe('> ::cpuinfo -v');
    expect(readable('> ' + BS.repeat(2) + '\x1b[K> ::walk thread | ::findstack -v')).toBe('> ::walk thread | ::findstack -v');
  });

  it('follows insert mode and cursor keys inside the line', () => {
    // `::findstack -v` typed, the cursor taken back to its start, the address inserted.
    expect(readable('> ::findstack -v' + '\x1b[D'.repeat(14) + '\x1b[4hffffff0007e01c40\x1b[4l')).toBe('> ffffff0007e01c40::findstack -v');
    expect(readable('> ::cpuinfo -v\x1b[C\x1b[D')).toBe('> ::cpuinfo -v');
    expect(readable('> ::cpuinfo -vv\x1b[D\x1b[P')).toBe('> ::cpuinfo -v');
  });

  it('not a line that shows no prompt: a backspace in output is the data\'s (a process name)', () => {
    const l = 'R   1234   1 1234 1234   0 0x4a004000 ffffff01d5a600c0 evil' + BS + 'name';
    expect(typedLine(l)).toBeNull();
    expect(readable(l)).toBe(l);
  });

  it('not a line that moves to another row or over the screen, nor one that asks for more than its length', () => {
    expect(typedLine('> ::cpuinfo\x1b[A -v')).toBeNull();
    expect(typedLine('> ::cpuinfo\x1b[2J')).toBeNull();
    expect(typedLine('> \x1b[99999999Cx')).toBeNull();
    expect(typedLine('> \x1b[99999999@x')).toBeNull();
    expect(typedLine('> ::cpuinfo -v')).toBeNull();
  });
});

describe('mdb\'s pager prompt in a script log', () => {
  const PAGER = '>> More [<space>, <cr>, q, n, c, a] ? ';
  // mdb_io.c: after the key, 38 backspaces, 38 spaces, 38 backspaces; the output goes on on that row.
  const erase = '\b'.repeat(38) + ' '.repeat(38) + '\b'.repeat(38);
  it('gives the output written over it, as the screen showed it', () => {
    expect(readable(PAGER + erase + '  ffffff0007e01b90 swtch+0x1e6()')).toBe('  ffffff0007e01b90 swtch+0x1e6()');
    expect(readable(PAGER + erase + '> ::cpuinfx\b \bo -v')).toBe('> ::cpuinfo -v');
    expect(readable(PAGER + erase + PAGER + erase + 'stack pointer for thread ffffff0007e01c40: ffffff0007e01b60')).toBe(
      'stack pointer for thread ffffff0007e01c40: ffffff0007e01b60',
    );
  });

  it('leaves the prompt when no erase follows it (a screen copy of a pager still waiting)', () => {
    expect(readable(PAGER)).toBe(PAGER);
    expect(readable(PAGER + 'x\b')).toBe(PAGER + 'x\b');
  });
});
