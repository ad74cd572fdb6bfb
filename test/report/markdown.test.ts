import { describe, expect, it } from 'vitest';
import { mdCodeBlock, mdText } from '../../src/report/md-escape.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import type { Finding } from '../../src/rules/types.ts';
import { seedAnalysis } from './helpers.ts';

describe('markdown escaping', () => {
  it('leaves no active link, HTML, emphasis or mention syntax', () => {
    const s = mdText('[click](http://evil.example) <img src=x onerror=alert(1)> **b** @alice #12 `x` \\');
    expect(s).not.toMatch(/(^|[^\\])\[/);
    expect(s).not.toContain('<');
    expect(s).not.toMatch(/(^|[^\\])\*/);
    expect(s).toContain('@\u200balice');
    expect(s).toContain('#\u200b12');
    expect(s).toContain('\\\\');
    expect(s).not.toMatch(/(^|[^\\])`/);
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
