// Output of dcmds playfair has no grammar for (fixtures/handwritten/foreign: ZFS, kmem, zones,
// cyclics, interrupts, taskqs, callouts, processes, IPC, MAC, laid out from the illumos source)
// must invent nothing: no thread, CPU, tunable or finding, typed with its command or pasted
// without it, alone or after a dump that has findings. Several of them name threads and CPUs
// (`::zio` WAITER, `::whatis`, `::callout`, `::cycinfo`), and `::spa -v` and `::mac_srs` print
// `ADDR ... STATE` headers that once read as `::thread` output.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { internalErrorCount, verdictOf, type Analysis } from '../../src/analysis.ts';

const DIR = new URL('../../fixtures/handwritten/foreign/', import.meta.url);
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
const read = (f: string) => readFileSync(new URL(f, DIR), 'utf8');
const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');

/** Nothing in the snapshot or the findings, every section unread, every unread line saying so. */
function expectNothingInvented(a: Analysis, why: RegExp): void {
  expect(a.snapshot.threads).toEqual([]);
  expect(a.snapshot.cpus).toEqual([]);
  expect(a.snapshot.tunables).toEqual({});
  expect(a.findings).toEqual([]);
  expect(internalErrorCount(a)).toBe(0);
  expect(verdictOf(a).dispatcherState).toBe(false);
  expect(new Set(a.sections.map((s) => s.kind))).toEqual(new Set(a.sections.length === 0 ? [] : ['unknown']));
  for (const d of a.diagnostics) expect(d.message).toMatch(why);
  expect(a.diagnostics).toHaveLength(a.accounting.unrecognized);
}

describe('output of dcmds playfair does not read', () => {
  it('has its fixtures (16 files)', () => {
    expect(FILES).toHaveLength(16);
  });

  it('a person writing after such output, past a blank line, still ends it', () => {
    const a = analyzeText(read('memstat.txt') + '\nAs you can see, the ARC holds most of the memory here.\n');
    expect(a.accounting.prose).toBe(2);
    expect(a.diagnostics.every((d) => d.message === 'no grammar reads output of "::memstat"')).toBe(true);
  });

  describe.each(FILES)('%s', (file) => {
    const text = read(file);

    it('typed with its command: each line unread, with the command named, and nothing made of it', () => {
      const a = analyzeText(text);
      // Every line is the typed command's output, ::kmastat's second table (after a blank line,
      // under a header of plain words) included: it used to read as a person's text.
      expectNothingInvented(a, /^no grammar reads output of "[^"]+"$/);
      expect(a.accounting.prose).toBe(0);
      const ls = text.split('\n');
      for (const [i, l] of ls.entries()) {
        if (!l.startsWith('> ') || ls[i + 1] === undefined || ls[i + 1]!.startsWith('> ')) continue;
        const first = a.diagnostics.find((d) => d.line === i + 2);
        expect(first?.message, `line ${i + 2}`).toBe(`no grammar reads output of "${l.slice(2)}"`);
      }
      // Every output line is accounted for as unread output or as a person's text, none as read.
      const prompts = text.split('\n').filter((l) => l.startsWith('> ')).length;
      const blanks = text.split('\n').slice(0, -1).filter((l) => l.trim() === '').length;
      expect(a.accounting.parsed).toBeLessThanOrEqual(prompts + blanks);
      expect(a.accounting.unrecognized).toBeGreaterThan(0);
    });

    it('pasted without its commands: nothing made of it either', () => {
      const bare = text
        .split('\n')
        .filter((l) => !l.startsWith('> '))
        .join('\n');
      expectNothingInvented(analyzeText(bare), /^no grammar reads output of this shape$/);
    });

    it("after the seed's dump: the seed's findings, threads and CPUs, no more", () => {
      const base = analyzeText(seed);
      const both = analyzeText(seed + text);
      const summary = (a: Analysis) => a.findings.map((f) => [f.rule, f.severity, f.title]);
      expect(summary(both)).toEqual(summary(base));
      expect(both.snapshot.threads.map((t) => t.addr)).toEqual(base.snapshot.threads.map((t) => t.addr));
      expect(both.snapshot.cpus.map((c) => c.id)).toEqual(base.snapshot.cpus.map((c) => c.id));
    });
  });
});
