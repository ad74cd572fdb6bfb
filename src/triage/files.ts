// Which files a `triage DIR|FILE...` argument list means. Directories are walked recursively for
// report-like files; files named explicitly are always taken. Sorted, so output order is stable.
// What cannot be taken (an unreadable directory, a FIFO, a broken link) becomes an entry with an
// error, so the batch goes on and the report says what was skipped.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fsMessage } from '../input/fs-message.ts';

/** Extensions taken from directories: text reports, logs and captured mdb output. */
export const REPORT_EXTENSIONS: readonly string[] = ['.txt', '.log', '.out', '.mdb', '.md'];

/**
 * One report to triage: `name` as shown (file names that are not valid UTF-8 are shown with
 * `\xNN` escapes), `path` to open it (the name's raw bytes when they are not valid UTF-8), and
 * `error` when it is known up front that it cannot be read.
 */
export interface ReportRef {
  name: string;
  path: string | Buffer;
  error?: string;
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

const isReportName = (name: string): boolean => REPORT_EXTENSIONS.some((x) => name.toLowerCase().endsWith(x));

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
        if (isReportName(name)) out.push({ name: display, path, error: `symbolic link to nothing readable: ${fsMessage(err)}` });
        continue;
      }
      if (st.isDirectory()) out.push({ name: display, path, error: 'symbolic link to a directory: not followed' });
      else if (!isReportName(name)) continue;
      else if (st.isFile()) out.push({ name: display, path });
      else out.push({ name: display, path, error: `symbolic link to ${oddKind(st)}: not read` });
      continue;
    }
    if (!isReportName(name)) continue;
    if (e.isFile()) out.push({ name: display, path });
    else out.push({ name: display, path, error: `${oddKind(e)}, not a regular file: not read` });
  }
}

export async function expandInputs(args: readonly string[]): Promise<FileList> {
  const files: ReportRef[] = [];
  for (const a of args) {
    let st;
    try {
      st = await stat(a);
    } catch {
      return { ok: false, message: `${a}: no such file or directory` };
    }
    if (st.isDirectory()) {
      const found: ReportRef[] = [];
      await walk(Buffer.from(a, 'utf8'), a, found);
      found.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
      for (const f of found) files.push(f);
    } else if (st.isFile()) files.push({ name: a, path: a });
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
