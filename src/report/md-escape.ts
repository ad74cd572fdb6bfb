// Making untrusted text inert in Markdown (CommonMark/GFM, as bug trackers render it): no links,
// no HTML, no emphasis or headings, no escapes of our own syntax, no mentions or issue references.
import { neutralize } from './sanitize.ts';

/** Characters with Markdown meaning somewhere (links, emphasis, lists, tables, math, autolinks). */
const BACKSLASHED = new Set('\\`*_{}[]()#+-.!|~:=^$'.split(''));
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' };

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_]/.test(c);
}

/** Inline text: one line (newlines become visible escapes), every meaningful character escaped. */
export function mdText(s: string): string {
  const t = neutralize(s);
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    // Trackers link @name and #123 after rendering, whatever the escaping, but never inside code:
    // such a token becomes a code span (its characters are all word characters, so it is inert).
    if ((c === '@' || c === '#') && isWordChar(t[i + 1])) {
      let j = i + 1;
      while (isWordChar(t[j])) j++;
      out += '`' + t.slice(i, j) + '`';
      i = j - 1;
      continue;
    }
    const ent = ENTITIES[c];
    if (ent !== undefined) out += ent;
    else if (BACKSLASHED.has(c)) out += '\\' + c;
    else out += c;
  }
  return out;
}

/**
 * Prose we wrote (a fix, a message) that marks code with backticks: each backtick span is kept as
 * a code span, everything else goes through mdText. A span closes at the next run of the same
 * number of backticks, as CommonMark reads it; an unclosed run is escaped as text.
 */
export function mdProse(s: string): string {
  const t = neutralize(s);
  let out = '';
  let textStart = 0;
  let i = 0;
  while (i < t.length) {
    if (t[i] !== '`') {
      i++;
      continue;
    }
    let n = i;
    while (t[n] === '`') n++;
    const run = n - i;
    const close = closingRun(t, n, run);
    if (close < 0) {
      i = n;
      continue;
    }
    out += mdText(t.slice(textStart, i)) + t.slice(i, close + run);
    i = close + run;
    textStart = i;
  }
  return out + mdText(t.slice(textStart));
}

/** Where a run of exactly `run` backticks starts at or after `from`, or -1. */
function closingRun(t: string, from: number, run: number): number {
  let i = from;
  while (i < t.length) {
    if (t[i] !== '`') {
      i++;
      continue;
    }
    let n = i;
    while (t[n] === '`') n++;
    if (n - i === run) return i;
    i = n;
  }
  return -1;
}

/** A fenced code block whose fence cannot be closed by the content. */
export function mdCodeBlock(lines: readonly string[], info = ''): string {
  return Array.from(mdCodeLines(lines.length, (i) => lines[i]!, info)).join('\n');
}

/**
 * The lines of a fenced code block over `count` lines made by `lineAt` (called twice per line:
 * once to size the fence, once to write), so a data-sized block is never held whole.
 */
export function* mdCodeLines(count: number, lineAt: (i: number) => string, info = ''): Generator<string> {
  let longest = 0;
  for (let i = 0; i < count; i++) {
    let run = 0;
    // neutralize() leaves backticks alone, so the raw line sizes the fence.
    const l = lineAt(i);
    for (let k = 0; k < l.length; k++) {
      const c = l[k];
      run = c === '`' ? run + 1 : 0;
      if (run > longest) longest = run;
    }
  }
  const fence = '`'.repeat(Math.max(3, longest + 1));
  yield fence + info;
  for (let i = 0; i < count; i++) yield neutralize(lineAt(i));
  yield fence;
}

/** A link only for URLs we trust the shape of; anything else is shown as text. */
export function mdUrl(url: string): string {
  return /^https:\/\/[A-Za-z0-9.\-]+\/[A-Za-z0-9._~\/\-]*$/.test(url) ? `<${url}>` : mdText(url);
}
