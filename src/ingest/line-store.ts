// Where an analysis keeps its input lines and their classes while it runs, in compact storage:
// no JS array slot per line, so neither the line count nor the count of kept lines is bounded by
// V8's largest array (~112 M lines crashed Node) and a kept line costs its characters plus 4 bytes.
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
 * Lines per block, at most; a block is one string and one offset array once full. Small enough
 * that a block's separate line strings die young (64 Ki lines doubled the peak RSS of a stream of
 * short lines), large enough that per-block costs vanish.
 */
const BLOCK_LINES = 1 << 12;
/** Characters per block, about: a block closes early past this, so its string stays far below V8's limit. */
const BLOCK_CHARS = 1 << 24;

/** Sealed lines: their texts joined into one string; `ends[i]` is where line i ends, negated (~) for a hole. */
interface Block {
  first: number;
  count: number;
  text: string;
  ends: Int32Array;
}

/**
 * Lines in order of their numbers, each a text or a hole (a line whose text was not kept), packed
 * into blocks. Lines are added strictly in order; reading is by line number.
 */
export class PackedLines {
  private readonly blocks: Block[] = [];
  private pieces: string[] = [];
  private ends: Int32Array;
  private chars = 0;
  private count = 0;
  /** First line number of the open block. */
  private first = 1;

  /** Block bounds are parameters only so tests can cross blocks with a few lines. */
  constructor(
    private readonly blockLines = BLOCK_LINES,
    private readonly blockChars = BLOCK_CHARS,
  ) {
    this.ends = new Int32Array(blockLines);
  }

  get length(): number {
    return this.first - 1 + this.count;
  }

  /** Adds the next line: its text, or undefined for a hole. */
  add(text: string | undefined): void {
    // A long line opens a block of its own rather than push a joined block past V8's string limit.
    if (text !== undefined && this.count > 0 && this.chars + text.length > this.blockChars) this.seal();
    if (text === undefined) this.ends[this.count] = ~this.chars;
    else {
      this.pieces.push(text);
      this.chars += text.length;
      this.ends[this.count] = this.chars;
    }
    this.count++;
    if (this.count === this.blockLines || this.chars >= this.blockChars) this.seal();
  }

  private seal(): void {
    if (this.count === 0) return;
    const ends = this.count === this.ends.length ? this.ends : this.ends.slice(0, this.count);
    this.blocks.push({ first: this.first, count: this.count, text: this.pieces.join(''), ends });
    this.first += this.count;
    this.pieces = [];
    this.ends = new Int32Array(this.blockLines);
    this.chars = 0;
    this.count = 0;
  }

  /** Closes the open block: no more lines will come. */
  finish(): void {
    this.seal();
  }

  /** The text of line `no` (1-based), or undefined for a hole or a line outside the store. */
  get(no: number): string | undefined {
    if (!Number.isInteger(no) || no < 1 || no > this.length) return undefined;
    if (no >= this.first) {
      // The open block: its texts are still separate strings.
      const i = no - this.first;
      if (this.ends[i]! < 0) return undefined;
      let k = 0;
      for (let j = 0; j < i; j++) if (this.ends[j]! >= 0) k++;
      return this.pieces[k];
    }
    const b = this.blockOf(no);
    const i = no - b.first;
    const end = b.ends[i]!;
    if (end < 0) return undefined;
    const prev = i === 0 ? 0 : b.ends[i - 1]!;
    const start = prev < 0 ? ~prev : prev;
    return b.text.slice(start, end);
  }

  private blockOf(no: number): Block {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.blocks[mid]!.first <= no) lo = mid;
      else hi = mid - 1;
    }
    return this.blocks[lo]!;
  }
}

/** Lines by number (1-based): what a lines view reads from. */
export interface LineSource {
  readonly length: number;
  get(no: number): string | undefined;
}

/**
 * Every line of a text already in memory, as offsets into it: a line costs 4 bytes, not a copy of
 * its characters (which the packed store makes, and the collector copies while a block fills).
 * Only for a text without CR: a line then runs from its start to the next LF or the end.
 */
export class SourceLines implements LineSource {
  private starts = new Int32Array(1 << 12);
  private count = 0;

  constructor(private readonly text: string) {}

  get length(): number {
    return this.count;
  }

  /** Adds the next line, which starts at `start` in the text. */
  add(start: number): void {
    if (this.count === this.starts.length) {
      const bigger = new Int32Array(this.starts.length * 2);
      bigger.set(this.starts);
      this.starts = bigger;
    }
    this.starts[this.count++] = start;
  }

  get(no: number): string | undefined {
    if (!Number.isInteger(no) || no < 1 || no > this.count) return undefined;
    const start = this.starts[no - 1]!;
    const nl = this.text.indexOf('\n', start);
    return this.text.slice(start, nl < 0 ? this.text.length : nl);
  }
}

/**
 * A read-only array view of packed lines (index 0 is line 1), so `Analysis.lines` keeps its
 * array shape for every reader (`lines[i]`, `length`, `at`, `map`, equality in tests) without a
 * slot per line. Holes read as undefined. Writes are refused. Not transferable to a worker
 * (structured clone rejects proxies): copy with Array.from first if ever needed.
 */
export function linesView(store: LineSource): string[] {
  const index = (p: string | symbol): number | null => {
    if (typeof p !== 'string' || p.length === 0 || p.length > 16) return null;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c < 48 || c > 57 || (i === 0 && c === 48 && p.length > 1)) return null;
    }
    return Number(p);
  };
  const target: string[] = [];
  return new Proxy(target, {
    get(t, p, receiver) {
      if (p === 'length') return store.length;
      const i = index(p);
      if (i !== null) return store.get(i + 1);
      return Reflect.get(t, p, receiver);
    },
    has(t, p) {
      const i = index(p);
      if (i !== null) return store.get(i + 1) !== undefined;
      return p === 'length' || Reflect.has(t, p);
    },
    ownKeys() {
      const keys: string[] = [];
      for (let i = 0; i < store.length; i++) if (store.get(i + 1) !== undefined) keys.push(String(i));
      keys.push('length');
      return keys;
    },
    getOwnPropertyDescriptor(t, p) {
      if (p === 'length') return { value: store.length, writable: true, enumerable: false, configurable: false };
      const i = index(p);
      if (i === null) return Reflect.getOwnPropertyDescriptor(t, p);
      const v = store.get(i + 1);
      return v === undefined ? undefined : { value: v, writable: false, enumerable: true, configurable: true };
    },
    set() {
      return false;
    },
    defineProperty() {
      return false;
    },
    deleteProperty() {
      return false;
    },
  });
}

/**
 * The text of every line (full), or only of lines outside bulky sections (lean): a lean store
 * holds a line until its class or section is known, then keeps it (keep) or forgets it with the
 * rest of its section (dropThrough). Forgotten lines read as holes, which the reports show as no text.
 * Settled lines go, in order, into packed storage; only the unsettled window is a JS array.
 */
export class LineTexts {
  private readonly packed = new PackedLines();
  /** Full detail over a text in memory (no CR): offsets into it instead of copies. */
  private readonly source: SourceLines | null;
  /** Lean: lines from line `base` on whose fate is being decided: text, and state (0 open, 1 kept, 2 dropped). */
  private window: string[] = [];
  private state: number[] = [];
  private base = 1;
  /** Index in `window` of the first line not yet settled. */
  private head = 0;

  /** `source`: the whole text, without CR, when every line is pushed with its offset in it (full detail only). */
  constructor(
    private readonly lean: boolean,
    source?: string,
  ) {
    this.source = source !== undefined && !lean ? new SourceLines(source) : null;
  }

  /** The next line; `start`, its offset in the source text, when the store was given one. */
  push(text: string, start = -1): void {
    if (this.source !== null) {
      if (start < 0) throw new Error('LineTexts: a line of a source text pushed without its offset');
      this.source.add(start);
    } else if (!this.lean) this.packed.add(text);
    else {
      this.window.push(text);
      this.state.push(0);
    }
  }

  /** Lean: the line's text is to be kept. Lines are kept roughly in order, so the window stays short. */
  keep(no: number): void {
    if (!this.lean) return;
    const i = no - this.base;
    if (i < this.head || i >= this.window.length || this.state[i] !== 0) return;
    this.state[i] = 1;
    this.advance();
  }

  /** Lean: forgets every line up to `no` not settled yet (the parsed lines of a bulky section), at once. */
  dropThrough(no: number): void {
    if (!this.lean) return;
    const end = Math.min(this.window.length, no - this.base + 1);
    for (let i = this.head; i < end; i++) if (this.state[i] === 0) this.state[i] = 2;
    this.advance();
  }

  /** Moves settled lines from the front of the window into packed storage. */
  private advance(): void {
    while (this.head < this.window.length && this.state[this.head] !== 0) {
      this.packed.add(this.state[this.head] === 1 ? this.window[this.head] : undefined);
      this.head++;
    }
    if (this.head >= 4096 && this.head * 2 >= this.window.length) {
      this.window = this.window.slice(this.head);
      this.state = this.state.slice(this.head);
      this.base += this.head;
      this.head = 0;
    }
  }

  /** Every line, as a read-only array view; lines still open when the input ends are kept. */
  finish(): string[] {
    if (this.source !== null) return linesView(this.source);
    for (let i = this.head; i < this.window.length; i++) this.packed.add(this.state[i] === 2 ? undefined : this.window[i]);
    this.window = [];
    this.state = [];
    this.head = 0;
    this.packed.finish();
    return linesView(this.packed);
  }
}
