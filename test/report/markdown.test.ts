import { describe, expect, it } from 'vitest';
import { mdCodeBlock, mdProse, mdText } from '../../src/report/md-escape.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import type { Finding } from '../../src/rules/types.ts';
import { seedAnalysis } from './helpers.ts';

describe('markdown escaping', () => {
  it('leaves no active link, HTML, emphasis or mention syntax', () => {
    const s = mdText('[click](http://evil.example) <img src=x onerror=alert(1)> **b** @alice #12 `x` \\');
    expect(s).not.toMatch(/(^|[^\\])\[/);
    expect(s).not.toContain('<');
    expect(s).not.toMatch(/(^|[^\\])\*/);
    expect(s).toContain(' `@alice` `#12` ');
    expect(s).not.toContain('\u200b');
    expect(s).toContain('\\\\');
    // The input's own backticks are escaped; the only code spans are the mention tokens.
    expect(s).toContain('\\`x\\`');
    expect(s.replace(' `@alice` `#12` ', ' ')).not.toMatch(/(^|[^\\])`/);
  });

  it('makes mentions and issue references code spans, with no zero-width space', () => {
    expect(mdText('see #1532 and @bob_2, not a#')).toBe('see `#1532` and `@bob_2`, not a\\#');
    expect(mdText('# heading')).toBe('\\# heading');
  });

  it('mdProse keeps backtick spans as code and escapes the rest', () => {
    expect(mdProse('run `kpreemptpri/w 0t99` under *mdb*')).toBe('run `kpreemptpri/w 0t99` under \\*mdb\\*');
    expect(mdProse('``a`b`` and [x](y)')).toBe('``a`b`` and \\[x\\]\\(y\\)');
    // An unclosed run is text; a run of another length does not close a span.
    expect(mdProse('a `b')).toBe('a \\`b');
    expect(mdProse('``x` #7')).toBe('\\`\\`x\\` `#7`');
    expect(mdProse('`a\nb`')).toBe('`a\\x0ab`');
  });

  it('keeps text on one line and control characters visible', () => {
    expect(mdText('a\nb\x1b')).toBe('a\\\\x0ab\\\\x1b');
  });

  it('a code block cannot be closed by its content', () => {
    const block = mdCodeBlock(['```', 'x ```` y']);
    const fence = block.split('\n')[0]!;
    expect(fence).toBe('`````');
    expect(block.split('\n').filter((l) => l === fence)).toHaveLength(2);
  });
});

describe('renderMarkdown', () => {
  const a = seedAnalysis();
  const md = renderMarkdown(a);

  it('has the summary table, the worst finding and a section per finding', () => {
    expect(md).toContain('| critical | 1 |');
    expect(md).toContain('| high | 3 |');
    expect(md).toMatch(/\*\*Worst:\*\* \\\[critical\\\] CPU 1/);
    expect(md.match(/^### \d+\. /gm)).toHaveLength(4);
    expect(md).toContain('### Rule notes');
  });

  it('puts evidence and mdb commands in fenced blocks, verbatim', () => {
    expect(md).toContain('```text\n 67:   1 ffffff01d3e32580');
    expect(md).toMatch(/^ *82: 0xffffff01dde41b90:             -6618541$/m);
    expect(md).toContain('> ffffff0007e01c40::print kthread_t');
  });

  it('renders backticks in fix text as code and inserts no zero-width space anywhere', () => {
    expect(md).toContain('`kpreemptpri/w 0t99` under `mdb -kw`');
    expect(md).not.toContain('\u200b');
  });

  it('links only our references', () => {
    expect(md).toContain('- <https://www.illumos.org/issues/1532>');
  });

  it('input-derived text cannot inject', () => {
    const evil: Finding = {
      ...a.findings[0]!,
      title: '</details><script>alert(1)</script>',
      message: '[x](javascript:alert(1))\n- ![i](http://t/p.png)',
      evidence: [{ line: 1, text: '```\n<b>out</b>' }],
      references: ['javascript:alert(1)'],
    };
    const out = renderMarkdown({ ...a, source: '[s](http://x)', findings: [evil] });
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('</details>');
    expect(out).not.toMatch(/[^\\]\]\(/);
    expect(out).not.toContain('<javascript');
    expect(out).toContain('javascript\\:alert\\(1\\)');
  });
});

describe('renderMarkdown compact', () => {
  const a = seedAnalysis();
  const md = renderMarkdown(a, {}, { compact: true });

  it('lists findings F1..F4 worst first, with no per-finding sections', () => {
    const items = md.match(/^- \*\*F\d\*\* .*$/gm) ?? [];
    expect(items.map((l) => l.slice(0, l.indexOf('(rule')).split(' ').slice(0, 3).join(' '))).toEqual([
      '- **F1** \\[critical\\]',
      '- **F2** \\[high\\]',
      '- **F3** \\[high\\]',
      '- **F4** \\[high\\]',
    ]);
    expect(items[3]).toContain('(rule `kpreempt-threshold`, inferred, CPU 1); threads ffffff0007e01c40, ffffff0007e1fc40; lines 67, 68, 71, 72, 82; R1 R2 R3 R4');
    expect(md).not.toMatch(/^### \d+\. /m);
  });

  it('gives each reference, fix text and evidence line once', () => {
    expect(md.split('https://www.illumos.org/issues/1532').length - 1).toBe(1);
    expect(md).toContain('- R1: <https://www.illumos.org/issues/1532>');
    expect(md.split('`kpreemptpri/w 0t99`').length - 1).toBe(1);
    expect(md).toContain('Then the fix of F4\\.');
    expect(md.match(/^ 67: /gm)).toHaveLength(1);
    expect(md.match(/^> ::cpuinfo -v$/gm)).toHaveLength(1);
  });
});
