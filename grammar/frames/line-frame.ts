// A frame read by the fast path from a line in mdb's canonical spelling
// (`  ffffff0007e01bc0 cv_wait+0x7f(ffffff01d6fd5b60, ffffff01d6fd5ac0)`), kept as that line.
// Its frame pointer and arguments are cut from the line when asked: on a large dump they are a
// string each, an array per frame and most of the memory, and few of them are ever read (a
// blocking primitive's arguments, a thread a view shows). The line is already in memory (the
// source text), so keeping it costs one reference.
import type { Frame } from '../records.ts';

export class LineFrame implements Frame {
  /**
   * @param text the whole line, which the fast path accepted: `[spaces]fp func[+off](args)[spaces]`,
   *   with nothing else that holds a space, `(` or `)`
   */
  constructor(
    private readonly text: string,
    readonly func: string,
    readonly offset: number | null,
    readonly line: number,
  ) {}

  /** The hex word after the leading spaces. */
  get fp(): string {
    const t = this.text;
    let i = 0;
    while (t.charCodeAt(i) === 32) i++;
    return t.slice(i, t.indexOf(' ', i));
  }

  /** The words between the parentheses, as printed; `()` gives []. A new array on each read. */
  get args(): string[] {
    const t = this.text;
    const open = t.indexOf('(');
    const close = t.indexOf(')', open);
    return close === open + 1 ? [] : t.slice(open + 1, close).split(', ');
  }

  /** Argument `i` as printed, or undefined past the last: one string, not the whole list. */
  arg(i: number): string | undefined {
    const t = this.text;
    let start = t.indexOf('(') + 1;
    for (let k = 0; k < i; k++) {
      const comma = t.indexOf(',', start);
      if (comma < 0) return undefined;
      start = comma + 2;
    }
    const end = t.indexOf(',', start);
    const close = t.indexOf(')', start);
    const stop = end >= 0 && end < close ? end : close;
    return stop === start ? undefined : t.slice(start, stop);
  }

  /** JSON, structured output and deep equality see the frame the grammar would have made. */
  toJSON(): Frame {
    return plainFrame(this);
  }
}

/**
 * A frame whose fields are all its own, for spreading, `Object.keys` or deep equality: a LineFrame
 * as a plain object, any other frame as it is.
 */
export function plainFrame<F extends Frame>(f: F): F | Frame {
  if (!(f instanceof LineFrame)) return f;
  return { fp: f.fp, func: f.func, offset: f.offset, args: f.args, line: f.line };
}

/** Argument `i` of any frame, as printed; undefined when it has no such argument or prints none. */
export function frameArg(f: Pick<Frame, 'args'>, i: number): string | undefined {
  return f instanceof LineFrame ? f.arg(i) : f.args?.[i];
}
