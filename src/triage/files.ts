// Which files a `triage DIR|FILE...` argument list means. Directories are walked recursively and
// every regular file is taken, whatever its name (`ticket-1532`, `dump.log.1`): the reader decides
// by content, and a binary file becomes an unreadable record. Sorted, so output order is stable.
// What cannot be taken (a missing path, an unreadable directory, a FIFO, a broken link) becomes an
// entry with an error, so the batch goes on and the report says what was skipped.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fsMessage } from '../input/fs-message.ts';

/**
 * One report to triage: `name` as shown (file names that are not valid UTF-8 are shown with
 * `\xNN` escapes), `path` to open it (the name's raw bytes when they are not valid UTF-8), and
 * `error` when it is known up front that it cannot be read.
 */
export interface ReportRef {
  name: string;
  path: string | Buffer;
  error?: string;
  /** Size in bytes when known from the listing, for progress. */
  size?: number;
}

export type FileList = { ok: true; files: ReportRef[] } | { ok: false; message: string };

const SEP = Buffer.from('/');

/** A file name's bytes as text: itself when valid UTF-8, else printable ASCII kept and every other byte `\xNN`. */
export function shownName(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let s = '';
    for (const b of bytes) s += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
    return s;
  }
}

/** What a directory entry is when it is not a regular file or a directory. */
function oddKind(e: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (e.isFIFO()) return 'a FIFO (named pipe)';
  if (e.isSocket()) return 'a socket';
  if (e.isCharacterDevice() || e.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

async function walk(dir: Buffer, shown: string, out: ReportRef[]): Promise<void> {
  let entries: Dirent<Buffer>[];
  try {
    entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    out.push({ name: shown, path: dir, error: `cannot read directory: ${fsMessage(e)}` });
    return;
  }
  for (const e of entries) {
    const raw = e.name;
    const name = shownName(raw);
    if (name.startsWith('.')) continue;
    const bytes = Buffer.concat([dir, SEP, raw]);
    const display = join(shown, name);
    // A path that decodes and re-encodes to its own bytes can travel as a string.
    const path = Buffer.from(display, 'utf8').equals(bytes) ? display : bytes;
    if (e.isDirectory()) {
      await walk(bytes, display, out);
      continue;
    }
    if (e.isSymbolicLink()) {
      // Links to reports are taken; links to directories are not followed (no loops), but said.
      let st;
      try {
        st = await stat(bytes);
      } catch (err) {
        out.push({ name: display, path, error: `symbolic link to nothing readable: ${fsMessage(err)}` });
        continue;
      }
      if (st.isDirectory()) out.push({ name: display, path, error: 'symbolic link to a directory: not followed' });
      else if (st.isFile()) out.push({ name: display, path, size: st.size });
      else out.push({ name: display, path, error: `symbolic link to ${oddKind(st)}: not read` });
      continue;
    }
    if (e.isFile()) {
      const size = await stat(bytes).then((st) => st.size, () => undefined);
      out.push(size === undefined ? { name: display, path } : { name: display, path, size });
    } else out.push({ name: display, path, error: `${oddKind(e)}, not a regular file: not read` });
  }
}

export async function expandInputs(args: readonly string[]): Promise<FileList> {
  const files: ReportRef[] = [];
  for (const a of args) {
    let st;
    try {
      st = await stat(a);
    } catch (e) {
      // A missing path is that path's record, not the end of the run.
      files.push({ name: a, path: a, error: fsMessage(e) });
      continue;
    }
    if (st.isDirectory()) {
      const found: ReportRef[] = [];
      await walk(Buffer.from(a, 'utf8'), a, found);
      found.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
      for (const f of found) files.push(f);
    } else if (st.isFile()) files.push({ name: a, path: a, size: st.size });
    // A FIFO would block the batch until something writes to it; a device may never end.
    else files.push({ name: a, path: a, error: `${oddKind(st)}, not a regular file: not read` });
  }
  // A report named twice (or inside two named directories) is triaged once.
  const seen = new Set<string>();
  const unique: ReportRef[] = [];
  for (const f of files) {
    if (seen.has(f.name)) continue;
    seen.add(f.name);
    unique.push(f);
  }
  return { ok: true, files: unique };
}
