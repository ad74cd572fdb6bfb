// Reading one report for triage: regular files only, bounded by --max-input, sniffed for binary
// before decoding. A path is always a file (`-` is a file named `-`, never stdin), and may be the
// raw bytes of a name that is not valid UTF-8. Synchronous on purpose: it runs in a triage worker
// that has nothing else to do meanwhile, and each asynchronous call was a round trip through the
// process's one libuv thread pool, whose threads wait for a core while every worker is busy: with
// --jobs 2 on two cores those waits were what kept the second worker from adding throughput.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { binaryReason, decodeText, formatBytes, SNIFF_BYTES } from '../input/index.ts';
import { fsMessage } from '../input/fs-message.ts';

/** The most read at once. */
const CHUNK = 1 << 20;
/** What is read at a time once a file is longer than stat said (it grew while being read). */
const GROWTH = 64 << 10;

export type ReportText = { ok: true; text: string } | { ok: false; message: string };

export function readReport(path: string | Buffer, maxInput: number): ReportText {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would block the batch; it is refused below instead.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { ok: false, message: fsMessage(e) };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, message: 'is a directory, not a file' };
    if (!st.isFile()) return { ok: false, message: 'not a regular file: not read' };
    if (st.size > maxInput) return { ok: false, message: `${formatBytes(st.size)}, beyond --max-input ${formatBytes(maxInput)}` };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Sized to what stat said is left (one byte more, to see the end), not a fixed 1 MiB: in a
      // batch of small reports a fixed chunk was megabytes of buffers a report, and the collector's
      // work on them was most of the batch's time. Past the stated size, one byte shows whether
      // the file grew; if it did, the rest comes in GROWTH pieces.
      const left = st.size - total;
      const want = left > 0 ? left + 1 : total > st.size ? GROWTH : 1;
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, maxInput - total + 1, want));
      const bytesRead = readSync(fd, buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxInput) return { ok: false, message: `more than ${formatBytes(maxInput)}, beyond --max-input` };
      chunks.push(buf.subarray(0, bytesRead));
      // Sniff as soon as the first bytes are in: a binary file is not read to the end.
      if (total - bytesRead < SNIFF_BYTES && total >= SNIFF_BYTES) {
        const why = binaryReason(Buffer.concat(chunks, total).subarray(0, SNIFF_BYTES));
        if (why !== null) return { ok: false, message: `${why}; expected mdb output as text` };
      }
    }
    const bytes = Buffer.concat(chunks, total);
    if (total < SNIFF_BYTES) {
      const why = binaryReason(bytes);
      if (why !== null) return { ok: false, message: `${why}; expected mdb output as text` };
    }
    return { ok: true, text: decodeText(bytes) };
  } catch (e) {
    return { ok: false, message: fsMessage(e) };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Nothing read depends on the close.
    }
  }
}
