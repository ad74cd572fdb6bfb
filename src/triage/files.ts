// Which files a `triage DIR|FILE...` argument list means. Directories are walked recursively for
// report-like files; files named explicitly are always taken. Sorted, so output order is stable.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Extensions taken from directories: text reports, logs and captured mdb output. */
export const REPORT_EXTENSIONS: readonly string[] = ['.txt', '.log', '.out', '.mdb', '.md'];

export type FileList = { ok: true; files: string[] } | { ok: false; message: string };

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && REPORT_EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x))) out.push(p);
  }
}

export async function expandInputs(args: readonly string[]): Promise<FileList> {
  const files: string[] = [];
  for (const a of args) {
    let st;
    try {
      st = await stat(a);
    } catch {
      return { ok: false, message: `${a}: no such file or directory` };
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      try {
        await walk(a, found);
      } catch (e) {
        return { ok: false, message: `${a}: ${e instanceof Error ? e.message : String(e)}` };
      }
      files.push(...found.sort());
    } else {
      files.push(a);
    }
  }
  return { ok: true, files: [...new Set(files)] };
}
