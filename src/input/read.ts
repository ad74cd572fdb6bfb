// Reading the FILE|- argument every subcommand takes, whole (readInput) or as a stream of lines
// (readInputLines): one place for size limits, binary refusal and clear errors. Never throws.
import { fsMessage } from './fs-message.ts';
import { decodeText } from './sniff.ts';
import { formatBytes, tooLarge } from './size.ts';
import { closeQuietly, openInput, toBuffer, type InputOptions, type StdinSource } from './source.ts';
import { splitChunks, type LineBatch } from './split-chunks.ts';

export type InputResult = { ok: true; text: string; name: string } | { ok: false; message: string };

/**
 * Reads a file (or stdin for `-`) as UTF-8 text. A directory, an unreadable file, a binary input
 * (judged by its first 8 KB, before the rest is read) or an input larger than `maxInput` gives
 * `{ok: false, message}`, worded for the user; the caller prints it and exits with code 2.
 */
export async function readInput(path: string, io: StdinSource, opts: InputOptions): Promise<InputResult> {
  const input = await openInput(path, io, opts);
  if (!input.ok) return input;
  const chunks: Buffer[] = [input.head];
  let total = input.head.length;
  if (input.rest !== null) {
    try {
      for (;;) {
        const r = await input.rest.next();
        if (r.done === true) break;
        const b = toBuffer(r.value);
        total += b.length;
        if (total > opts.maxInput) {
          await closeQuietly(input.rest);
          return { ok: false, message: `${input.label}: ${tooLarge(total, opts.maxInput, true)}` };
        }
        chunks.push(b);
      }
    } catch (e) {
      return { ok: false, message: `${input.label}: ${fsMessage(e)}` };
    }
  }
  const bytes = Buffer.concat(chunks, total);
  try {
    return { ok: true, text: decodeText(bytes), name: input.name };
  } catch {
    // V8 caps a string near 512 MiB (1 GiB of UTF-16); bigger inputs need the streaming reader.
    return { ok: false, message: `${input.label}: ${formatBytes(bytes.length)} is too large to hold as one text; lower --max-input` };
  }
}

/** `batches`: the input's lines without their LF, a batch per chunk read. */
export type InputLinesResult = { ok: true; name: string; batches: AsyncIterable<LineBatch> } | { ok: false; message: string };

/**
 * The streaming form of readInput, for analyzeStream: the same checks up front, then the input's
 * lines without their LF, read in chunks so memory does not grow with the input. A final LF does
 * not start a line. A stream (stdin, pipe) that grows past `maxInput` makes the iterable throw
 * InputTooLargeError with a worded message.
 */
export async function readInputLines(path: string, io: StdinSource, opts: InputOptions): Promise<InputLinesResult> {
  const input = await openInput(path, io, opts);
  if (!input.ok) return input;
  return { ok: true, name: input.name, batches: splitChunks(input.head, input.rest, opts.maxInput, input.label) };
}
