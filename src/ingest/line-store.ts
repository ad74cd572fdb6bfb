// Where an analysis keeps its input lines and their classes while it runs.
import type { Accounting, LineClass } from './types.ts';

const CODES: readonly LineClass[] = ['prose', 'parsed', 'prose', 'unrecognized'];
const CODE: Record<LineClass, number> = { parsed: 1, prose: 2, unrecognized: 3 };

/** One byte per line: a class array for millions of lines costs megabytes, not a slot per line. */
export class LineClasses {
  private codes = new Uint8Array(1 << 12);

  set(no: number, cls: LineClass): void {
    if (no > this.codes.length) {
      let n = this.codes.length;
      while (n < no) n *= 2;
      const bigger = new Uint8Array(n);
      bigger.set(this.codes);
      this.codes = bigger;
    }
    this.codes[no - 1] = CODE[cls];
  }

  /** A line no section or prose check ever classed is prose: nothing is lost, nothing claimed. */
  get(no: number): LineClass {
    return CODES[this.codes[no - 1] ?? 0]!;
  }

  count(lines: number): Accounting {
    const a: Accounting = { lines, parsed: 0, prose: 0, unrecognized: 0 };
    for (let no = 1; no <= lines; no++) a[this.get(no)]++;
    return a;
  }
}

/**
 * The text of every line (full), or only of lines outside bulky sections (lean): a lean store
 * holds a line until its class or section is known, then keeps it (keep) or forgets it with the
 * rest of its section (dropThrough). Forgotten lines read as holes, which the reports show as no text.
 */
export class LineTexts {
  private readonly kept: string[] = [];
  /** Lean: lines whose fate is not known yet, from line `base` on; null once settled. */
  private window: (string | null)[] = [];
  private base = 1;
  /** Index in `window` of the first line not yet settled. */
  private head = 0;
  private count = 0;

  constructor(private readonly lean: boolean) {}

  push(text: string): void {
    this.count++;
    if (this.lean) this.window.push(text);
    else this.kept.push(text);
  }

  /** Lean: the line's text is to be kept. Lines are kept roughly in order, so the window stays short. */
  keep(no: number): void {
    if (!this.lean) return;
    const i = no - this.base;
    if (i < this.head) return;
    const text = this.window[i];
    if (text === undefined || text === null) return;
    this.window[i] = null;
    this.kept[no - 1] = text;
    while (this.head < this.window.length && this.window[this.head] === null) this.head++;
    this.compact();
  }

  /** Lean: forgets every line up to `no` not settled yet (the parsed lines of a bulky section), at once. */
  dropThrough(no: number): void {
    if (!this.lean) return;
    this.head = Math.min(this.window.length, Math.max(this.head, no - this.base + 1));
    this.compact();
  }

  private compact(): void {
    if (this.head >= 4096 && this.head * 2 >= this.window.length) {
      this.window = this.window.slice(this.head);
      this.base += this.head;
      this.head = 0;
    }
  }

  finish(): string[] {
    for (let i = this.head; i < this.window.length; i++) {
      const text = this.window[i];
      if (text !== null && text !== undefined) this.kept[this.base + i - 1] = text;
    }
    this.window = [];
    this.kept.length = this.count;
    return this.kept;
  }
}
