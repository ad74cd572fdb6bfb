// Mail and tracker quoting: `> `, `> > `, `>>` or `>` with no space before every line of a reply.
// An mdb prompt is also `> `, so the last marker of a line may be the prompt, not a quote.
import { endsAtPipe, readPrompt } from './prompt.ts';

/**
 * A prompt whose command ends with a pipe, the next stage on the next line (a wrap cut it there:
 * mdb would not have run it so), read as the command before the pipe; else null.
 */
function cutAtPipe(text: string): ReturnType<typeof readPrompt> {
  if (!endsAtPipe(text)) return null;
  const p = readPrompt(text.trimEnd().slice(0, -1).trimEnd());
  return p !== null && p.type === 'command' ? p : null;
}

/** Spaces allowed before the first marker (some clients indent quoted text). */
export const MAX_LEAD = 3;

/**
 * Strips quote markers line by line. The depth may change from line to line (a reply that quotes
 * a quote); within a run of quoted lines the style (`> ` or `>`) is kept, so output columns come
 * back exactly as mdb printed them.
 */
export class QuoteStripper {
  /** Depth of the quoted run being read: 0 outside quoted text. */
  private depth = 0;
  /** The run quotes with `>` alone: content starts right after the marker, its spaces its own. */
  private noSpace = false;
  /**
   * The run's prompts stand one marker deeper than its output (`> > ::print`, then `> 0t100`): the
   * whole session was quoted, so a line at the run's depth is output even when it reads as a
   * command. Without that sign, `> ::cmd` after quoted lines is the writer's own prompt.
   */
  private nestedPrompts = false;
  /**
   * The run's prompts stand at its output's level (`> ::walk thread`, then `> ffffff0007e01c40`):
   * a prompt came inside the quoted run, or quoted output right after a prompt. A line there that
   * is an address alone is output, not mdb's repeat of the last command.
   */
  private flatPrompts = false;
  /** The last line was a prompt at one marker. */
  private afterPrompt = false;

  /** Whether the last line read was inside quoted text. */
  get quoting(): boolean {
    return this.depth > 0;
  }

  /** Forgets the run: the next line starts outside quoted text. */
  reset(): void {
    this.depth = 0;
    this.noSpace = false;
    this.nestedPrompts = false;
    this.flatPrompts = false;
    this.afterPrompt = false;
  }

  /**
   * The line with its quote markers removed; the line itself when it carries none. `afterCut`: the
   * line before ran to the wrap width or ended with the space a wrap at a space leaves.
   */
  strip(raw: string, afterCut = false): string {
    let i = 0;
    while (i < raw.length && i < MAX_LEAD && raw.charCodeAt(i) === 32) i++;
    if (raw.charCodeAt(i) !== 62 /* > */) {
      this.reset();
      return raw;
    }
    // mdb's pager prompt (`>> More [<space>, <cr>, q, n, c, a] ?`) is not a quote.
    if (this.depth === 0 && raw.startsWith('>> More [', i)) return raw;
    // Markers: `>` each, a space between two of them belongs to the markers.
    let k = 0;
    let last = i;
    for (;;) {
      k++;
      last = i;
      i++;
      if (raw.charCodeAt(i) === 62) continue;
      if (raw.charCodeAt(i) === 32 && raw.charCodeAt(i + 1) === 62) {
        i++;
        continue;
      }
      break;
    }
    const fromLast = raw.slice(last);
    // The last marker is an mdb prompt when what follows it is a command: `> > ::cpuinfo -v`.
    // The command follows the prompt's one space: more spaces there are output's own indent.
    const asPrompt = fromLast.charCodeAt(2) === 32 ? null : (readPrompt(fromLast) ?? cutAtPipe(fromLast));
    const command = asPrompt !== null && asPrompt.type === 'command' ? asPrompt : null;
    const addressAlone = command !== null && command.parsed.stages.length === 1 && command.parsed.stages[0]!.verb === 'repeat';
    // An address alone right after a quoted line a wrap cut is quoted output too: the rest of a
    // row (`> ...  t-6620600 ffffff01d5` + `> a600c0`), not mdb repeating a command.
    const quotedOutput =
      (this.nestedPrompts && k === this.depth) || (this.flatPrompts && k === 1 && addressAlone) || (afterCut && k === this.depth && addressAlone);
    if (command !== null && !quotedOutput) {
      this.afterPrompt = k === 1;
      if (k === 1 && this.depth === 1 && !this.nestedPrompts) this.flatPrompts = true;
      if (k === 1 && this.depth === 0) return raw;
      this.nestedPrompts = k > 1 && (this.depth === 0 || this.depth === k - 1);
      if (this.nestedPrompts) this.flatPrompts = false;
      this.depth = k - 1;
      return fromLast;
    }
    // Quoted output right after a prompt (an empty prompt there is mdb's own, and says nothing).
    if (k === 1 && this.afterPrompt && !this.nestedPrompts && asPrompt === null) this.flatPrompts = true;
    this.afterPrompt = false;
    // An empty prompt one level deeper than the quote being read is mdb's, not a deeper blank line.
    if (asPrompt !== null && asPrompt.type === 'empty' && this.depth > 0 && k - 1 === this.depth) return fromLast;
    // A lone `>` outside quoted text is mdb's empty prompt, not a quoted blank line.
    if (k === 1 && this.depth === 0 && (fromLast === '>' || fromLast === '> ')) return raw;
    const rest = raw.slice(i);
    if (rest.length > 0 && rest.charCodeAt(0) !== 32) this.noSpace = true;
    else if (this.depth === 0) this.noSpace = false;
    if (k !== this.depth) this.nestedPrompts = false;
    this.depth = k;
    return this.noSpace || rest.length === 0 ? rest : rest.slice(1);
  }
}
