// Opening the FILE|- argument as a stream of byte chunks, with the checks that need no reading
// (directory, missing, unreadable, a regular file over the limit) and the sniff that needs only
// the first bytes. Every path (whole or streamed, file or stdin or device) goes through here, so
// none reads a binary input to the limit before refusing it.
import { stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { neutralize } from '../report/sanitize.ts';
import { fsMessage } from './fs-message.ts';
import { binaryReason, SNIFF_BYTES, textEncoding } from './sniff.ts';
import { tooLarge } from './size.ts';

/** Where stdin comes from: the process's, or a test's stream. */
export interface StdinSource {
  stdin: AsyncIterable<unknown>;
}

export interface InputOptions {
  /** Largest input accepted, in bytes. */
  maxInput: number;
}

/** An opened input: its first bytes (already sniffed as text) and the rest, not yet read. */
export interface OpenedInput {
  ok: true;
  /** Name as given (`-` for stdin). */
  name: string;
  /** The name as it may appear in a message on the terminal (`stdin` for `-`). */
  label: string;
  head: Buffer;
  /** The chunks after `head`; null when `head` is the whole input. */
  rest: AsyncIterator<unknown> | null;
}

export type Refusal = { ok: false; message: string };

/** Chunk size for reading files: small enough that the sniff reads little of a huge device. */
const CHUNK = 1 << 16;

/** A path as it may appear in a message on the terminal. */
export function shown(path: string): string {
  return neutralize(path);
}

export function toBuffer(v: unknown): Buffer {
  if (Buffer.isBuffer(v)) return v;
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v as Uint8Array);
}

export async function openInput(path: string, io: StdinSource, opts: InputOptions): Promise<OpenedInput | Refusal> {
  let source: AsyncIterable<unknown>;
  if (path === '-') source = io.stdin;
  else {
    try {
      const st = await stat(path);
      if (st.isDirectory()) return { ok: false, message: `${shown(path)}: is a directory, not a file` };
      // Regular files are refused before reading; pipes and devices report size 0 and are bounded as read.
      if (st.size > opts.maxInput) return { ok: false, message: `${shown(path)}: ${tooLarge(st.size, opts.maxInput)}` };
      source = createReadStream(path, { highWaterMark: CHUNK });
    } catch (e) {
      return { ok: false, message: `${shown(path)}: ${fsMessage(e)}` };
    }
  }
  const label = path === '-' ? 'stdin' : shown(path);
  const it = source[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let length = 0;
  let done = false;
  try {
    while (length < SNIFF_BYTES) {
      const r = await it.next();
      if (r.done === true) {
        done = true;
        break;
      }
      const b = toBuffer(r.value);
      parts.push(b);
      length += b.length;
    }
  } catch (e) {
    return { ok: false, message: `${label}: ${fsMessage(e)}` };
  }
  const head = Buffer.concat(parts, length);
  const binary = binaryReason(head.subarray(0, SNIFF_BYTES));
  if (binary !== null || head.length > opts.maxInput) {
    await closeQuietly(it);
    const why = binary !== null ? `${binary}; expected mdb output as text` : tooLarge(head.length, opts.maxInput, true);
    return { ok: false, message: `${label}: ${why}` };
  }
  const encoding = textEncoding(head);
  if (encoding === 'utf-8') return { ok: true, name: path, label, head, rest: done ? null : it };
  // UTF-16 is made UTF-8 as it is read, so every later stage (line splitting included) sees the
  // bytes mdb printed; a character cut between chunks waits in the decoder for its other half.
  const decoder = new TextDecoder(encoding);
  const first = Buffer.from(decoder.decode(head, { stream: !done }), 'utf8');
  return { ok: true, name: path, label, head: first, rest: done ? null : transcoded(it, decoder) };
}

async function* transcoded(it: AsyncIterator<unknown>, decoder: TextDecoder): AsyncGenerator<Buffer> {
  try {
    for (let r = await it.next(); r.done !== true; r = await it.next()) {
      const s = decoder.decode(toBuffer(r.value), { stream: true });
      if (s.length > 0) yield Buffer.from(s, 'utf8');
    }
    const tail = decoder.decode();
    if (tail.length > 0) yield Buffer.from(tail, 'utf8');
  } finally {
    // Stopped early (too large, a reader gone): the file is closed with it.
    await closeQuietly(it);
  }
}

/** Stops reading a source (closes the file); an error while closing changes nothing for the user. */
export async function closeQuietly(it: AsyncIterator<unknown>): Promise<void> {
  try {
    await it.return?.();
  } catch {
    // Closing after a refusal: the refusal is what the user needs to see.
  }
}
