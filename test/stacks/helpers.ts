// Fixture loading for the stack tests.
import { readFileSync } from 'node:fs';
import type { SourceLine } from '../../grammar/common/source.ts';
import { numbered } from '../support/lines.ts';

const ROOT = new URL('../../', import.meta.url);

/** Lines `from`..`to` (1-based, inclusive; `to` defaults to the end) of a fixture, numbered as in the file. */
export function fixtureLines(path: string, from = 1, to?: number): SourceLine[] {
  const text = readFileSync(new URL(path, ROOT), 'utf8');
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return numbered(all).slice(from - 1, to);
}

/** Lines with their original numbers from a literal (first line is line 1). */
export function textLines(text: string): SourceLine[] {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return numbered(all);
}

/** Joins lines back into text, each ending in a newline. */
export function joined(lines: readonly SourceLine[]): string {
  return lines.map((l) => l.text + '\n').join('');
}

export const noCommand = { command: null };
