// Test helpers: fixture text as SourceLines with original line numbers, and a command context.
import { readFileSync } from 'node:fs';
import { parseCommandLine } from '../../grammar/command/index.ts';
import type { SectionContext, SourceLine } from '../../grammar/common/source.ts';

const ROOT = new URL('../../', import.meta.url);

export function fixture(path: string): string {
  return readFileSync(new URL(path, ROOT), 'utf8');
}

/** The file's lines (no trailing empty line from the final newline). */
export function fileLines(path: string): string[] {
  const t = fixture(path);
  const l = t.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

/** Lines `from`..`to` (1-based, inclusive) of a file as SourceLines keeping their numbers. */
export function slice(path: string, from: number, to?: number): SourceLine[] {
  const l = fileLines(path);
  const end = to ?? l.length;
  const out: SourceLine[] = [];
  for (let n = from; n <= end; n++) out.push({ no: n, text: l[n - 1]! });
  return out;
}

/** SourceLines from literal text, numbered from `first`. */
export function linesOf(text: string, first = 1): SourceLine[] {
  return text.split('\n').map((t, i) => ({ no: first + i, text: t }));
}

/** A context for a typed command (as the ingest stage would build it), or none. */
export function ctx(command: string | null): SectionContext {
  return { command: command === null ? null : parseCommandLine(command) };
}

/** Prompt lines of a hand-written fixture split off: [{ command, body }] with original numbers. */
export function sections(path: string): { command: string | null; body: SourceLine[] }[] {
  const out: { command: string | null; body: SourceLine[] }[] = [];
  let cur: { command: string | null; body: SourceLine[] } | null = null;
  fileLines(path).forEach((text, i) => {
    if (text.startsWith('> ')) {
      cur = { command: text.slice(2).trim(), body: [] };
      out.push(cur);
      return;
    }
    if (cur === null) {
      cur = { command: null, body: [] };
      out.push(cur);
    }
    cur.body.push({ no: i + 1, text });
  });
  return out;
}
