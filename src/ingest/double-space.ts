// Double-spaced pastes: some copies (an HTML mail, a forum that puts each line in a paragraph, a
// remote desktop's clipboard) put an empty line after every line. mdb never prints output that
// way, and the empty lines break what reads lines together: a wrapped PROC column, a quoting
// prefix learnt from a run of lines, a ::stacks group. The first lines say whether a paste is
// double-spaced; from then on each empty line the copy added is marked as such, until a line
// where the copy would have put one is not empty and is no wrap's rest (the paste is not
// double-spaced from there on).

import { isBlank } from './lines.ts';
import { MIN_WRAP_WIDTH, wordDidNotFit } from './width-wrap.ts';

/** Lines looked at before deciding; fewer when the input is shorter. */
export const SPACING_WINDOW = 64;

/** Lines of text (not blank) the window must hold, every one followed by a blank line, to call a paste double-spaced. */
export const SPACING_MIN_LINES = 8;

/** What a line is to the reader: `added` is a blank line the copy put after the line before it. */
export type SpacedLine<T> = (line: string, extra: T, added: boolean) => void;

/**
 * Where the copy puts its empty lines: after each line of text, but after the last piece of a
 * line a wrap cut (a terminal's copy, a mail client's, made before the doubling), whose pieces
 * stand together. A piece is the rest of a cut line when the line before ran to the widest line
 * so far (a fixed width) or ended with the space a wrap at a space leaves, its next word not fitting.
 */
class Expectation {
  /** The next line is where the copy put an empty one. */
  blankNext = false;
  private widest = 0;
  private prev = '';

  /** Takes the next line; false when it is text where an empty line belongs and is no wrap's rest. */
  take(line: string): boolean {
    const prev = this.prev;
    this.prev = line;
    const cutBefore = prev.length >= MIN_WRAP_WIDTH && (prev.length === this.widest || (prev.endsWith(' ') && wordDidNotFit(prev, line, this.widest)));
    this.widest = Math.max(this.widest, line.length);
    if (!this.blankNext) {
      this.blankNext = true;
      return true;
    }
    if (isBlank(line)) {
      this.blankNext = false;
      return true;
    }
    return cutBefore;
  }
}

/**
 * Passes lines on in order, each marked whether the copy added it. Holds the first
 * SPACING_WINDOW lines until it can tell; `finish` passes on what it still holds.
 */
export class DoubleSpacing<T> {
  private held: { line: string; extra: T }[] | null = [];
  /** Whether the paste is read as double-spaced (from the window on, until it is not). */
  private double = false;
  /** Where the copy's empty lines are, once the first line with text came. */
  private expect: Expectation | null = null;

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
    const probe = new Expectation();
    for (let i = first; ok && i < held.length; i++) {
      const blankWanted = probe.blankNext;
      ok = probe.take(held[i]!.line);
      if (!blankWanted && !isBlank(held[i]!.line)) texts++;
    }
    this.double = ok && texts >= SPACING_MIN_LINES;
    for (const h of held) this.pass(h.line, h.extra);
  }

  private pass(line: string, extra: T): void {
    if (this.double) {
      if (this.expect === null && isBlank(line)) return this.emit(line, extra, false);
      this.expect ??= new Expectation();
      const blankWanted = this.expect.blankNext;
      if (this.expect.take(line)) return this.emit(line, extra, blankWanted && isBlank(line));
      this.double = false;
    }
    this.emit(line, extra, false);
  }
}
