// Double-spaced pastes: some copies (an HTML mail, a forum that puts each line in a paragraph, a
// remote desktop's clipboard) put an empty line after every line. mdb never prints output that
// way, and the empty lines break what reads lines together: a wrapped PROC column, a quoting
// prefix learnt from a run of lines, a ::stacks group. The first lines say whether a paste is
// double-spaced; from then on each empty line the copy added is marked as such, until a line
// where the copy would have put one is not empty (the paste is not double-spaced from there on).

import { isBlank } from './lines.ts';

/** Lines looked at before deciding; fewer when the input is shorter. */
export const SPACING_WINDOW = 64;

/** Lines of text (not blank) the window must hold, every one followed by a blank line, to call a paste double-spaced. */
export const SPACING_MIN_LINES = 8;

/** What a line is to the reader: `added` is a blank line the copy put after the line before it. */
export type SpacedLine<T> = (line: string, extra: T, added: boolean) => void;

/**
 * Passes lines on in order, each marked whether the copy added it. Holds the first
 * SPACING_WINDOW lines until it can tell; `finish` passes on what it still holds.
 */
export class DoubleSpacing<T> {
  private held: { line: string; extra: T }[] | null = [];
  /** Whether the paste is read as double-spaced (from the window on, until it is not). */
  private double = false;
  /** Index of the first line with text: the copy added the lines an odd distance after it. */
  private from = 0;
  private index = 0;

  constructor(private readonly emit: SpacedLine<T>) {}

  push(line: string, extra: T): void {
    if (this.held === null) return this.pass(line, extra);
    this.held.push({ line, extra });
    if (this.held.length >= SPACING_WINDOW) this.decide();
  }

  finish(): void {
    if (this.held !== null) this.decide();
  }

  /** True once every line from now on passes unmarked (the window said single-spaced, or the doubling stopped). */
  get settled(): boolean {
    return this.held === null && !this.double;
  }

  private decide(): void {
    const held = this.held!;
    this.held = null;
    const first = held.findIndex((h) => !isBlank(h.line));
    let texts = 0;
    let ok = first >= 0;
    for (let i = first; ok && i < held.length; i++) {
      if ((i - first) % 2 === 1) ok = isBlank(held[i]!.line);
      else if (!isBlank(held[i]!.line)) texts++;
    }
    this.double = ok && texts >= SPACING_MIN_LINES;
    this.from = first;
    for (const h of held) this.pass(h.line, h.extra);
  }

  private pass(line: string, extra: T): void {
    const i = this.index++;
    if (this.double && i > this.from && (i - this.from) % 2 === 1) {
      if (isBlank(line)) return this.emit(line, extra, true);
      this.double = false;
    }
    this.emit(line, extra, false);
  }
}
