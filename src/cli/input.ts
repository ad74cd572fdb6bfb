// Reading the FILE|- argument every subcommand takes: one place for size limits and clear errors.
import { open, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { isAscii } from 'node:buffer';
import type { CliIO } from './io.ts';
import { neutralize } from '../report/sanitize.ts';

export type InputResult = { ok: true; text: string; name: string } | { ok: false; message: string };

export interface InputOptions {
  /** Largest input accepted, in bytes. */
  maxInput: number;
}

/** How much of the start of an input decides whether it is text. */
export const SNIFF_BYTES = 8192;

/**
 * Reads a file (or stdin for `-`) as UTF-8 text. Never throws: a directory, an unreadable file, a
 * binary file or an input larger than `maxInput` gives `{ok: false, message}`, worded for the
 * user; the caller prints it and exits with code 2.
 */
export async function readInput(path: string, io: Pick<CliIO, 'stdin'>, opts: InputOptions): Promise<InputResult> {
  let bytes: Buffer;
  if (path === '-') {
    const r = await readStream(io.stdin, opts.maxInput);
    if (!r.ok) return { ok: false, message: `stdin: ${r.message}` };
    bytes = r.bytes;
  } else {
    const r = await readFileBounded(path, opts.maxInput);
    if (!r.ok) return { ok: false, message: `${shown(path)}: ${r.message}` };
    bytes = r.bytes;
  }
  const name = path;
  const binary = binaryReason(bytes.subarray(0, SNIFF_BYTES));
  if (binary !== null) return { ok: false, message: `${shown(name)}: ${binary}; expected mdb output as text` };
  try {
    return { ok: true, text: decodeText(bytes), name };
  } catch {
    // V8 caps a string near 512 MiB (1 GiB of UTF-16); bigger inputs need the streaming reader.
    return { ok: false, message: `${shown(name)}: ${formatBytes(bytes.length)} is too large to hold as one text; lower --max-input` };
  }
}

/** A path as it may appear in a message on the terminal. */
function shown(path: string): string {
  return neutralize(path);
}

/** `batches`: the input's lines without their LF, a batch per chunk read. */
export type InputLinesResult = { ok: true; name: string; batches: AsyncIterable<string[]> } | { ok: false; message: string };

/** Thrown by the `lines` iterable when a stream passes --max-input after it was opened. */
export class InputTooLargeError extends Error {}

/**
 * The streaming form of readInput, for analyzeStream: the same checks up front (directory,
 * unreadable, size of a regular file, binary in the first 8 KB), then the input's lines without
 * their LF, read in chunks so memory does not grow with the input. A final LF does not start a
 * line. A stream (stdin, pipe) that grows past `maxInput` makes the iterable throw
 * InputTooLargeError with a worded message.
 */
export async function readInputLines(path: string, io: Pick<CliIO, 'stdin'>, opts: InputOptions): Promise<InputLinesResult> {
  let source: AsyncIterable<unknown>;
  if (path === '-') source = io.stdin;
  else {
    try {
      const st = await stat(path);
      if (st.isDirectory()) return { ok: false, message: `${shown(path)}: is a directory, not a file` };
      if (st.size > opts.maxInput) return { ok: false, message: `${shown(path)}: ${tooLarge(st.size, opts.maxInput)}` };
      source = createReadStream(path, { highWaterMark: 1 << 16 });
    } catch (e) {
      return { ok: false, message: `${shown(path)}: ${fsMessage(e)}` };
    }
  }
  const label = path === '-' ? 'stdin' : shown(path);
  const it = source[Symbol.asyncIterator]();
  // Sniff: gather the first 8 KB (or all of a shorter input) before deciding it is text.
  const head: Buffer[] = [];
  let headLen = 0;
  let done = false;
  try {
    while (headLen < SNIFF_BYTES) {
      const r = await it.next();
      if (r.done) {
        done = true;
        break;
      }
      const b = toBuffer(r.value);
      head.push(b);
      headLen += b.length;
    }
  } catch (e) {
    return { ok: false, message: `${label}: ${fsMessage(e)}` };
  }
  const first = Buffer.concat(head, headLen);
  const binary = binaryReason(first.subarray(0, SNIFF_BYTES));
  if (binary !== null) {
    await it.return?.();
    return { ok: false, message: `${label}: ${binary}; expected mdb output as text` };
  }
  if (first.length > opts.maxInput) {
    await it.return?.();
    return { ok: false, message: `${label}: ${tooLarge(first.length, opts.maxInput, true)}` };
  }
  return { ok: true, name: path, batches: splitChunks(first, done ? null : it, opts.maxInput, label) };
}

function toBuffer(v: unknown): Buffer {
  if (Buffer.isBuffer(v)) return v;
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v as Uint8Array);
}

const LF = 10;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Splits the byte stream at LF (a byte that never occurs inside a UTF-8 sequence) and decodes each
 * line on its own. Each line is then a string of its own: a line sliced out of a decoded chunk would
 * keep the whole chunk alive for as long as any value read from it (a thread address) is kept.
 * Lines come in batches, one per chunk read, so the consumer pays one await per chunk, not per line.
 */
async function* splitChunks(first: Buffer, rest: AsyncIterator<unknown> | null, maxInput: number, label: string): AsyncGenerator<string[]> {
  // The bytes of a line not yet ended by LF, carried to the next chunk.
  const pending: { bytes: Buffer | null } = { bytes: null };
  let total = first.length;
  const lines = (buf: Buffer): string[] => {
    const out: string[] = [];
    let start = 0;
    let i = buf.indexOf(LF);
    if (pending.bytes !== null) {
      // Only the line that spans two chunks is joined; the rest is decoded where it lies.
      const end = i < 0 ? buf.length : i;
      const joined = Buffer.concat([pending.bytes, buf.subarray(0, end)]);
      if (i < 0) {
        pending.bytes = joined;
        return out;
      }
      out.push(joined.toString('utf8'));
      start = i + 1;
      i = buf.indexOf(LF, start);
    }
    // Plain ASCII (nearly every dump) decodes the same as latin1, which is cheaper than UTF-8.
    const encoding = isAscii(buf) ? 'latin1' : 'utf8';
    for (; i >= 0; i = buf.indexOf(LF, start)) {
      out.push(buf.toString(encoding, start, i));
      start = i + 1;
    }
    pending.bytes = start < buf.length ? Buffer.from(buf.subarray(start)) : null;
    return out;
  };
  const head = first.subarray(0, 3).equals(UTF8_BOM) ? first.subarray(3) : first;
  yield lines(head);
  if (rest !== null) {
    for (;;) {
      const r = await rest.next();
      if (r.done) break;
      const b = toBuffer(r.value);
      total += b.length;
      if (total > maxInput) {
        await rest.return?.();
        throw new InputTooLargeError(`${label}: ${tooLarge(total, maxInput, true)}`);
      }
      yield lines(b);
    }
  }
  if (pending.bytes !== null) yield [pending.bytes.toString('utf8')];
}

type Bytes = { ok: true; bytes: Buffer } | { ok: false; message: string };

async function readFileBounded(path: string, maxInput: number): Promise<Bytes> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) return { ok: false, message: 'is a directory, not a file' };
    size = st.size;
  } catch (e) {
    return { ok: false, message: fsMessage(e) };
  }
  // Regular files are refused before reading; pipes and devices report size 0 and are bounded below.
  if (size > maxInput) return { ok: false, message: tooLarge(size, maxInput) };
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    return { ok: false, message: fsMessage(e) };
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, maxInput - total + 1));
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxInput) return { ok: false, message: tooLarge(total, maxInput, true) };
      chunks.push(buf.subarray(0, bytesRead));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return { ok: false, message: fsMessage(e) };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

async function readStream(stream: AsyncIterable<unknown>, maxInput: number): Promise<Bytes> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array);
      total += b.length;
      if (total > maxInput) return { ok: false, message: tooLarge(total, maxInput, true) };
      chunks.push(b);
    }
  } catch (e) {
    return { ok: false, message: fsMessage(e) };
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

function tooLarge(size: number, max: number, atLeast = false): string {
  return `input is ${atLeast ? 'more than ' : ''}${formatBytes(atLeast ? max : size)}, beyond --max-input ${formatBytes(max)}`;
}

function fsMessage(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'a component of the path is not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return `cannot read (${typeof code === 'string' ? code : e instanceof Error ? e.message : String(e)})`;
  }
}

/**
 * Why the first bytes do not look like text, or null when they do. A NUL byte means binary
 * (mdb output never has one); otherwise more than 30% of bytes that are neither printable, common
 * whitespace nor valid UTF-8 means binary. Escape sequences (ESC) count as text: terminal logs have them.
 */
export function binaryReason(head: Uint8Array): string | null {
  if (head.length === 0) return null;
  if (head.indexOf(0) >= 0) return 'looks like a binary file (contains NUL bytes)';
  let bad = 0;
  let i = 0;
  while (i < head.length) {
    const b = head[i]!;
    if (b < 0x80) {
      if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27 && b !== 8) bad++;
      else if (b === 0x7f) bad++;
      i++;
      continue;
    }
    const n = utf8SequenceLength(head, i);
    if (n === 0) {
      // A sequence cut by the sniff window is not evidence of binary content.
      if (head.length - i < 4 && head.length === SNIFF_BYTES) break;
      bad++;
      i++;
    } else i += n;
  }
  if (bad * 10 > head.length * 3) return 'looks like a binary file (mostly non-text bytes)';
  return null;
}

/** Length of the well-formed UTF-8 sequence at i, or 0 when it is malformed or cut short. */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  let n: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) n = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    if (c === 0xe0) lo = 0xa0;
    if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    if (c === 0xf0) lo = 0x90;
    if (c === 0xf4) hi = 0x8f;
  } else return 0;
  if (i + n > b.length) return 0;
  const c1 = b[i + 1]!;
  if (c1 < lo || c1 > hi) return 0;
  for (let k = 2; k < n; k++) {
    const ck = b[i + k]!;
    if (ck < 0x80 || ck > 0xbf) return 0;
  }
  return n;
}

/** UTF-8 with U+FFFD for malformed bytes; a leading byte-order mark is dropped. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
}

/** `1500000`, `64k`, `512M`, `2G` (powers of 1024) to bytes; null when malformed or not positive. */
export function parseByteSize(s: string): number | null {
  const t = s.trim();
  if (t.length === 0) return null;
  let mult = 1;
  let digits = t;
  const last = t[t.length - 1]!.toLowerCase();
  const units: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
  if (last in units) {
    mult = units[last]!;
    digits = t.slice(0, -1);
  } else if (last === 'b') {
    digits = t.slice(0, -1);
    const u = digits[digits.length - 1]?.toLowerCase();
    if (u !== undefined && u in units) {
      mult = units[u]!;
      digits = digits.slice(0, -1);
    }
  }
  if (digits.length === 0 || digits.length > 15) return null;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const n = Number(digits) * mult;
  return n > 0 && Number.isSafeInteger(n) ? n : null;
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3 && n % 1024 ** 3 === 0) return `${n / 1024 ** 3} GiB`;
  if (n >= 1024 ** 2 && n % 1024 ** 2 === 0) return `${n / 1024 ** 2} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB (${n} bytes)`;
  return `${n} bytes`;
}
