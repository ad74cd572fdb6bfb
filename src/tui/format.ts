// Pure text helpers for the TUI: column fitting by display width (wide characters count two),
// wrapping, severity tags and colours, per-CPU queue summaries. Policy (sorting, counts, exit
// codes, tick formatting) is not here: it is src/rules/policy.ts, seen through ./policy.ts.
import stringWidth from 'string-width';
import type { Cpu } from '../model/snapshot.ts';
import type { Severity } from '../rules/types.ts';

/** Columns a string takes on a terminal (callers pass neutralized text: no control characters). */
export function width(s: string): number {
  // Fast path: printable ASCII is one column a character.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return stringWidth(s);
  }
  return s.length;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The longest prefix of `s` that fits in `n` columns, whole graphemes only. */
function fit(s: string, n: number): string {
  let used = 0;
  let end = 0;
  for (const g of graphemes.segment(s)) {
    const w = width(g.segment);
    if (used + w > n) break;
    used += w;
    end = g.index + g.segment.length;
  }
  return s.slice(0, end);
}

/** Cut to at most `n` columns, marking a cut with `…`. */
export function clip(s: string, n: number): string {
  if (n <= 0) return '';
  if (width(s) <= n) return s;
  return n === 1 ? fit(s, 1) : fit(s, n - 1) + '…';
}

/** Pad with spaces on the right to exactly `n` columns (clipping first). */
export function padR(s: string, n: number): string {
  const c = clip(s, n);
  return c + ' '.repeat(Math.max(0, n - width(c)));
}

/** Pad with spaces on the left to exactly `n` columns (clipping first). */
export function padL(s: string, n: number): string {
  const c = clip(s, n);
  return ' '.repeat(Math.max(0, n - width(c))) + c;
}

/** Highest priority waiting on the CPU's run queue, or null when the queue was not shown/empty. */
export function maxWaitingPri(cpu: Cpu): number | null {
  const q = cpu.runq;
  if (!q || q.length === 0) return null;
  // A loop, not Math.max(...q): a run queue can hold more entries than the stack has room for.
  let m = q[0]!.pri;
  for (const e of q) if (e.pri > m) m = e.pri;
  return m;
}

/** Queue depth: the printed run queue when shown, else NRUN. */
export function queueDepth(cpu: Cpu): number | null {
  return cpu.runq ? cpu.runq.length : cpu.nrun;
}

export const SEVERITY_COLOR: Record<Severity, string> = {
  critical: 'red',
  high: 'redBright',
  medium: 'yellow',
  low: 'cyan',
  info: 'gray',
};

export const SEVERITY_TAG: Record<Severity, string> = {
  critical: 'CRIT',
  high: 'HIGH',
  medium: 'MED ',
  low: 'LOW ',
  info: 'INFO',
};

/** Word-wrap plain text to `cols` columns, hard-breaking words longer than a line. */
export function wrapText(text: string, cols: number): string[] {
  const out: string[] = [];
  const w = Math.max(1, cols);
  for (const para of text.split('\n')) {
    let line = '';
    for (const word0 of para.split(' ')) {
      let word = word0;
      while (width(word) > w) {
        if (line) {
          out.push(line);
          line = '';
        }
        const head = fit(word, w) || word.slice(0, 1);
        out.push(head);
        word = word.slice(head.length);
      }
      if (!line) line = word;
      else if (width(line) + 1 + width(word) <= w) line += ' ' + word;
      else {
        out.push(line);
        line = word;
      }
    }
    out.push(line);
  }
  return out;
}

/** Cut from the left to at most `n` columns, marking a cut with a leading `…` (a field's tail). */
export function clipLeft(s: string, n: number): string {
  if (n <= 0) return '';
  if (width(s) <= n) return s;
  const cps = Array.from(s);
  let used = 1; // the `…`
  let start = cps.length;
  while (start > 0 && used + width(cps[start - 1]!) <= n) used += width(cps[--start]!);
  return '…' + cps.slice(start).join('');
}
