// Reading one report for triage: regular files only, bounded by --max-input, sniffed for binary
// before decoding. A path is always a file (`-` is a file named `-`, never stdin), and may be the
// raw bytes of a name that is not valid UTF-8.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { binaryReason, decodeText, formatBytes, SNIFF_BYTES } from '../input/index.ts';
import { fsMessage } from '../input/fs-message.ts';

export type ReportText = { ok: true; text: string } | { ok: false; message: string };


export async function readReport(path: string | Buffer, maxInput: number): Promise<ReportText> {
  let fh;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would block the batch; it is refused below instead.
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { ok: false, message: fsMessage(e) };
  }
  try {
    const st = await fh.stat();
    if (st.isDirectory()) return { ok: false, message: 'is a directory, not a file' };
    if (!st.isFile()) return { ok: false, message: 'not a regular file: not read' };
    if (st.size > maxInput) return { ok: false, message: `${formatBytes(st.size)}, beyond --max-input ${formatBytes(maxInput)}` };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, maxInput - total + 1));
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
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
    await fh.close().catch(() => undefined);
  }
}
