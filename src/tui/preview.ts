// A quick first look at a large dump: the same lines with the output of the bulky commands
// (stacks, thread lists, walks) blanked out with their prompt lines, line numbers kept.
// Analysing that takes a moment even when the full analysis takes a minute, so the CPU table
// shows while the stacks are still read. Only a preview: the full analysis replaces it.

const BULKY = ['::findstack', '::stacks', '::threadlist', '::walk', '$c', '$C', '::thread'];

/**
 * Whether a line is an mdb prompt (`> cmd`, `mdb> cmd`, kmdb's `[0]> cmd`) and whether its
 * command is a bulky one; null for any other line. Allocates only for prompt lines: it runs
 * over every line of a 50 MB dump.
 */
export function promptKind(line: string): 'bulky' | 'other' | null {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  const c = line.charCodeAt(i);
  let from = -1;
  if (c === 62 /* > */) from = i + 1;
  else if (c === 109 /* m */ && line.startsWith('mdb>', i)) from = i + 4;
  else if (c === 91 /* [ */) {
    const close = line.indexOf(']>', i);
    if (close > i && close < i + 6) from = close + 2;
  }
  if (from < 0) return null;
  const cmd = line.slice(from);
  return BULKY.some((b) => cmd.includes(b)) ? 'bulky' : 'other';
}

/** Feeds the preview of `lines` to `push`, one line at a time (blanked lines as ''). */
export class PreviewFilter {
  private blanking = false;
  line(text: string): string {
    const k = promptKind(text);
    if (k !== null) this.blanking = k === 'bulky';
    return this.blanking ? '' : text;
  }
}

/** The preview of a whole text at once (for tests and small inputs). */
export function previewLines(lines: readonly string[]): string[] {
  const f = new PreviewFilter();
  return lines.map((l) => f.line(l));
}
