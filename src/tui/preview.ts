// A quick first look at a large dump: the same text with the output of the bulky commands
// (stacks, thread lists, walks) blanked out with their prompt lines, line numbers kept. Analysing it takes a moment even
// when the full analysis takes a minute, so the CPU table shows while the stacks are still read.
// Only a preview: the full analysis replaces it.

const BULKY = ['::findstack', '::stacks', '::threadlist', '::walk', '$c', '$C', '::thread'];

/** An mdb prompt line: `> cmd`, `mdb> cmd`, kmdb's `[0]> cmd`. */
function promptCommand(line: string): string | null {
  const t = line.trimStart();
  if (t.startsWith('>')) return t.slice(1);
  if (t.startsWith('mdb>')) return t.slice(4);
  if (t.startsWith('[')) {
    const close = t.indexOf(']>');
    if (close > 0 && close < 6) return t.slice(close + 2);
  }
  return null;
}

/**
 * The preview text, or null when blanking would save too little to be worth a second pass
 * (then the full analysis is the first one shown). The bulky commands' prompt lines go too:
 * tens of thousands of them would cost the preview what it is meant to save.
 */
export function previewFromLines(lines: readonly string[], minSaving = 0.5): string | null {
  const out: string[] = new Array<string>(lines.length);
  let blanking = false;
  let kept = 0;
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    total += line.length + 1;
    const cmd = promptCommand(line);
    if (cmd !== null) blanking = BULKY.some((b) => cmd.includes(b));
    out[i] = blanking ? '' : line;
    kept += out[i]!.length + 1;
  }
  return kept <= total * (1 - minSaving) ? out.join('\n') : null;
}
