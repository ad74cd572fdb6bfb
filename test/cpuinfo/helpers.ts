// Shared loading of cpuinfo sections for the tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParsedCommand } from '../../grammar/common/command-types.ts';
import type { GrammarResult, SourceLine } from '../../grammar/common/source.ts';
import type { CpuRecord } from '../../grammar/records.ts';
import { parseCpuinfo } from '../../grammar/cpuinfo/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Lines `first..last` (1-based, inclusive) of a repo file, numbered as in the file. */
export function fileLines(path: string, first = 1, last?: number): SourceLine[] {
  const all = readFileSync(root + path, 'utf8').split('\n');
  if (all[all.length - 1] === '') all.pop();
  const end = last ?? all.length;
  return all.slice(first - 1, end).map((text, i) => ({ no: first + i, text }));
}

/** The text mdb wrote for these lines: every line ends in a newline. */
export function textOf(lines: readonly SourceLine[]): string {
  return lines.map((l) => l.text + '\n').join('');
}

export function handwritten(name: string): SourceLine[] {
  return fileLines(`fixtures/handwritten/cpuinfo/${name}`);
}

/** The seed's `::cpuinfo -v` output: the prompt is line 51, the output lines 52-75 (75 is the final blank line). */
export const SEED_FIRST = 52;
export const SEED_LAST = 75;
export function seedSection(): SourceLine[] {
  return fileLines('fixtures/seed/illumos-1532.txt', SEED_FIRST, SEED_LAST);
}

export function cpuinfoCommand(args: string[]): ParsedCommand {
  return { text: ['::cpuinfo', ...args].join(' '), stages: [{ addr: null, count: null, verb: 'dcmd', name: 'cpuinfo', args }] };
}

export function parse(lines: readonly SourceLine[], command: ParsedCommand | null = null): GrammarResult {
  return parseCpuinfo(lines, { command });
}

export function cpus(r: GrammarResult): CpuRecord[] {
  return r.records.filter((x): x is CpuRecord => x.kind === 'cpu');
}
