// neutralize(): the one gate for input text on its way to a terminal. Invisible and
// direction-changing characters become visible escapes; ordinary text is untouched.
import { describe, expect, it } from 'vitest';
import { neutralize } from '../../src/report/sanitize.ts';
import { renderText } from '../../src/report/text.ts';
import { seedAnalysis } from '../seed.ts';

describe('neutralize', () => {
  it.each([
    ['arabic letter mark', '\u061c', '\\u061c'],
    ['zero-width space', '\u200b', '\\u200b'],
    ['zero-width non-joiner', '\u200c', '\\u200c'],
    ['zero-width joiner', '\u200d', '\\u200d'],
    ['word joiner', '\u2060', '\\u2060'],
    ['byte-order mark', '\ufeff', '\\ufeff'],
    ['line separator', '\u2028', '\\u2028'],
    ['paragraph separator', '\u2029', '\\u2029'],
    ['right-to-left override', '\u202e', '\\u202e'],
    ['first strong isolate', '\u2068', '\\u2068'],
    ['left-to-right mark', '\u200e', '\\u200e'],
    ['ESC', '\x1b', '\\x1b'],
    ['C1 CSI', '\x9b', '\\x9b'],
  ])('%s becomes a visible escape', (_name, c, shown) => {
    expect(neutralize(`ffff${c}ff01`)).toBe(`ffff${shown}ff01`);
  });

  it('leaves ordinary text, accents and arrows alone', () => {
    const s = 'caf\u00e9 \u2192 ffffff01d5a600c0 qemu-system-x86_';
    expect(neutralize(s)).toBe(s);
  });

  it('a look-alike address in a finding reaches the text report visibly different', () => {
    const a = seedAnalysis();
    const f = a.findings[0]!;
    a.findings = [{ ...f, title: 'thread ffffff01\u200bd5a600c0 \u2028 next' }];
    const t = renderText(a, { width: 200 });
    expect(t).toContain('thread ffffff01\\u200bd5a600c0 \\u2028 next');
    expect(t).not.toMatch(/[\u061c\u200b-\u200f\u2028\u2029\u2060\ufeff]/);
  });
});

describe('tabs', () => {
  it('become the spaces to their tab stop, counted from the start of each line', () => {
    expect(neutralize('  1 ffff\t 0')).toBe('  1 ffff         0');
    expect(neutralize('ab\tc\td')).toBe('ab      c       d');
    expect(neutralize('x\ny\tz', true)).toBe('x\ny       z');
    // An escape counts as the characters it shows.
    expect(neutralize('\x1b\tz')).toBe('\\x1b    z');
  });
});
