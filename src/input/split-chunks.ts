// Byte chunks to lines, in time linear in the input however long a line is: the bytes of an
// unfinished line are kept as a list of pieces and joined once, when its LF arrives.
import { isAscii } from 'node:buffer';
import { tooLarge } from './size.ts';
import { closeQuietly, toBuffer } from './source.ts';

/** Thrown by the lines iterable when a stream passes --max-input after it was opened. */
export class InputTooLargeError extends Error {}

const LF = 10;
const ESC = 0x1b;

/**
 * A chunk's lines. `plain`: every byte of them was ASCII and none an ESC, so no line holds an
 * escape sequence or a Unicode space (ingest/terminal.ts) and the reader need not test each one.
 */
export type LineBatch = string[] & { plain?: boolean };

function batch(lines: string[], plain: boolean): LineBatch {
  return plain ? Object.assign(lines, { plain }) : lines;
}
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The pieces of the line not yet ended by LF. */
class Pending {
  private pieces: Buffer[] = [];
  private length = 0;
  /** Every piece was ASCII without an ESC (true when there is none). */
  plain = true;

  get empty(): boolean {
    return this.pieces.length === 0;
  }

  add(b: Buffer, plain: boolean): void {
    if (b.length === 0) return;
    this.plain &&= plain;
    // A copy: the chunk it came from is otherwise kept alive, and may be reused by the reader.
    this.pieces.push(Buffer.from(b));
    this.length += b.length;
  }

  /** The line so far plus `tail`, decoded; the pending line is then empty. */
  take(tail: Buffer): string {
    const parts = this.pieces;
    parts.push(tail);
    const joined = Buffer.concat(parts, this.length + tail.length);
    this.pieces = [];
    this.length = 0;
    this.plain = true;
    return joined.toString('utf8');
  }
}

/**
 * Splits the byte stream at LF (a byte that never occurs inside a UTF-8 sequence) and decodes each
 * line on its own. Each line is then a string of its own: a line sliced out of a decoded chunk would
 * keep the whole chunk alive for as long as any value read from it (a thread address) is kept.
 * Lines come in batches, one per chunk read, so the consumer pays one await per chunk, not per line.
 */
export async function* splitChunks(first: Buffer, rest: AsyncIterator<unknown> | null, maxInput: number, label: string): AsyncGenerator<LineBatch> {
  const pending = new Pending();
  let total = first.length;
  const lines = (buf: Buffer): LineBatch => {
    const out: string[] = [];
    // Plain ASCII (nearly every dump) decodes the same as latin1, which is cheaper than UTF-8.
    const ascii = isAscii(buf);
    const bufPlain = ascii && buf.indexOf(ESC) < 0;
    const plain = bufPlain && pending.plain;
    let start = 0;
    let i = buf.indexOf(LF);
    if (!pending.empty || i < 0) {
      // Only the line that spans chunks is joined; the rest is decoded where it lies.
      if (i < 0) {
        pending.add(buf, bufPlain);
        return out;
      }
      if (!pending.empty) {
        out.push(pending.take(buf.subarray(0, i)));
        start = i + 1;
        i = buf.indexOf(LF, start);
      }
    }
    const encoding = ascii ? 'latin1' : 'utf8';
    for (; i >= 0; i = buf.indexOf(LF, start)) {
      out.push(buf.toString(encoding, start, i));
      start = i + 1;
    }
    pending.add(buf.subarray(start), bufPlain);
    return batch(out, plain);
  };
  const head = first.subarray(0, 3).equals(UTF8_BOM) ? first.subarray(3) : first;
  yield lines(head);
  if (rest !== null) {
    for (;;) {
      const r = await rest.next();
      if (r.done === true) break;
      const b = toBuffer(r.value);
      total += b.length;
      if (total > maxInput) {
        await closeQuietly(rest);
        throw new InputTooLargeError(`${label}: ${tooLarge(total, maxInput, true)}`);
      }
      yield lines(b);
    }
  }
  if (!pending.empty) {
    const plain = pending.plain;
    yield batch([pending.take(Buffer.alloc(0))], plain);
  }
}
