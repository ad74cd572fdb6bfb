import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.ts';
import type { Finding } from '../../src/rules/types.ts';
import { seedAnalysis } from './helpers.ts';

const hostile: Finding = {
  rule: 'runq-starvation',
  severity: 'low',
  confidence: 'certain',
  title: 'evil \x1b[2J title',
  message: 'line one\nbell \x07 here\r and \u202e bidi',
  evidence: [{ line: 3, text: '\x1b]0;pwned\x07 row' }],
  fix: 'fix \x1b[31m',
  confirm: ['cmd \x1b[0m'],
  references: ['https://example.invalid/\x1b'],
};

describe('renderText', () => {
  const a = seedAnalysis();
  const out = renderText(a);
  const lines = out.split('\n');

  it('starts with a one-screen summary: accounting, sections, counts, the worst finding', () => {
    expect(lines[0]).toBe('playfair: fixtures/seed/illumos-1532.txt');
    expect(lines[1]).toBe('275 lines: 43 parsed, 232 prose, 0 unrecognized; 5 sections (cpuinfo 1, print 1,');
    expect(lines[2]).toBe('  format 1, findstack 2)');
    expect(lines[3]).toBe('Findings: 1 critical, 3 high, 0 medium, 0 low, 0 info');
    expect(lines[4]).toMatch(/^Worst: \[critical\] CPU 1: 2 bound pri-99 threads starved/);
    // The other findings follow, indented under the worst: certain before inferred among the highs.
    expect(lines[7]).toBe('  [high] CPU 1: RNRN set, CPU not switched for about 18.4 hours');
    expect(lines[8]).toBe('    (preemption-pending)');
    const firstDetail = lines.findIndex((l) => l.startsWith('1. '));
    expect(firstDetail).toBeGreaterThan(4);
    expect(firstDetail).toBeLessThan(24); // the summary fits one screen
  });

  it('gives each finding its evidence with line numbers, fix, confirm commands and references', () => {
    expect(out).toContain('    67 |   1 ffffff01d3e32580  1f    4    0   0  yes    no t-6620600 ffffff01d5a600c0 '.slice(1));
    expect(out).toContain('    82 | 0xffffff01dde41b90:             -6618541'.slice(1));
    expect(out).toContain('   Fix: ');
    expect(out).toContain('     > ::cpuinfo -v');
    expect(out).toContain('     https://smartos.org/bugview/OS-970');
  });

  it('ends with the rule notes', () => {
    const notes = lines.indexOf('Rule notes:');
    expect(notes).toBeGreaterThan(lines.findIndex((l) => l.startsWith('4. ')));
    expect(lines[notes + 1]).toMatch(/^  - stranded-runnable: /);
  });

  it('wraps prose to the width', () => {
    const narrow = renderText(a, { width: 60 });
    for (const l of narrow.split('\n')) {
      if (/^\s+\d+ \| /.test(l) || l.startsWith('     > ') || l.startsWith('     https:')) continue; // verbatim
      if (l.includes(' ') && !/\S{40,}/.test(l)) expect(l.length).toBeLessThanOrEqual(60);
    }
  });

  it('no control character from the input reaches the terminal', () => {
    const b = { ...a, source: 'x\x1b[1m.txt', findings: [hostile], notes: [{ rule: 'r', message: 'n\x1b' }], diagnostics: [{ line: 1, col: 1, message: 'd\x9b' }] };
    const t = renderText(b);
    expect(t).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
    expect(t).toContain('\\x1b[2J');
  });

  it('shows the first 20 diagnostics and a count of the rest', () => {
    const diags = Array.from({ length: 25 }, (_, i) => ({ line: i + 1, col: 1, message: `bad ${i + 1}` }));
    const t = renderText({ ...a, diagnostics: diags });
    expect(t).toContain('Diagnostics (25):');
    expect(t).toContain('line 20:1: bad 20');
    expect(t).not.toContain('bad 21');
    expect(t).toContain('... and 5 more');
  });

  it('says so when nothing was recognized', () => {
    const t = renderText({ ...a, findings: [], notes: [], accounting: { lines: 3, parsed: 0, prose: 3, unrecognized: 0 } });
    expect(t).toContain('Findings: none');
    expect(t.split('\n')[0]).toBe('Nothing to judge: no mdb output recognized in the input.');
  });
});
