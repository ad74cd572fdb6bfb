// The invariants the fuzzer checks, on inputs where the answer is known.
import { describe, expect, it } from 'vitest';
import { checkLineRefs, checkOutput, expectedLineCount, firstControlChar, markdownInjection, signature } from './check.ts';
import { selfTestTargets } from './targets.ts';

describe('expectedLineCount', () => {
  it.each([
    ['', 0],
    ['a', 1],
    ['a\n', 1],
    ['a\nb', 2],
    ['\n', 1],
    ['\n\n', 2],
    ['a\r\nb\r\n', 2],
    // A lone CR ends a line (old Mac files), as the reader cuts them.
    ['a\rb', 2],
    ['a\r', 1],
    ['a\r\rb', 3],
  ])('%j has %i lines', (t, n) => expect(expectedLineCount(t)).toBe(n));
});

describe('firstControlChar', () => {
  it('allows newlines and plain text', () => expect(firstControlChar('a\nb é ✓')).toBeNull());
  it.each([['\x1b[31m', 0x1b], ['a\tb', 9], ['x\r', 13], ['\x9b', 0x9b], ['\u202e', 0x202e], ['\x7f', 0x7f]])('finds %j', (s, c) =>
    expect(firstControlChar(s)?.code).toBe(c),
  );
});

describe('markdownInjection', () => {
  it('flags raw HTML and javascript links in prose', () => {
    expect(markdownInjection('proc <script>alert(1)</script>')).toMatch(/<script/);
    expect(markdownInjection('see [x](javascript:alert(1))')).toMatch(/javascript/);
  });
  it('accepts the same text inside fences and code spans, or escaped', () => {
    expect(markdownInjection('```\n<script>\n```')).toBeNull();
    expect(markdownInjection('name `<img src=x>` here')).toBeNull();
    expect(markdownInjection('name &lt;script&gt; and \\[x\\]\\(javascript:1\\)')).toBeNull();
  });
  it('notices a fence closed early by the input', () => {
    expect(markdownInjection('```\nrow\n```\n<script>\n```')).toMatch(/<script/);
  });
});

describe('checkOutput', () => {
  it('requires JSON to parse', () => {
    expect(checkOutput('json', 'report:json', '{"a":"\\u001b"}')).toEqual([]);
    expect(checkOutput('json', 'report:json', '{"a":"\x1b"}')[0]!.kind).toBe('json');
  });
  it('rejects escapes on the terminal', () => {
    expect(checkOutput('terminal', 'report:text', 'ok\x1b]0;x\x07')[0]!.kind).toBe('control-chars');
  });
});

describe('checkLineRefs', () => {
  it('finds a line number outside the input', () => {
    const a = selfTestTargets().analyze('a\nb\n');
    expect(checkLineRefs(a)).toEqual([]);
    a.diagnostics.push({ line: 3, col: 1, message: 'x' });
    expect(checkLineRefs(a)[0]!.message).toContain('analysis.diagnostics[0].line = 3');
  });
});

describe('signature', () => {
  it('groups the same bug across addresses and numbers', () => {
    const s1 = signature({ stage: 'analyze', kind: 'crash', message: 'RangeError: bad ffffff0007e01c40 at 12 @ f (x.ts:1)' });
    const s2 = signature({ stage: 'analyze', kind: 'crash', message: 'RangeError: bad ffffff01d3e32580 at 7 @ g (y.ts:9)' });
    expect(s1).toBe(s2);
  });
});
