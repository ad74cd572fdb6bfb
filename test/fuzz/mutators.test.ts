// The mutators do what their names say, and cases replay exactly from (seed, index).
import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/gen/rng.ts';
import { MUTATORS, MUTATOR_NAMES, sectionsOf } from './mutators.ts';
import { loadCorpus } from './corpus.ts';
import { makeCase } from './cases.ts';

const corpus = loadCorpus();
const seed = corpus.find((c) => c.name === 'fixtures/seed/illumos-1532.txt')!.text;
const apply = (name: string, text = seed, s = 3) => MUTATORS[name]!(text, { r: rng(s), other: () => corpus[0]!.text });
const lineLengths = (t: string) => t.split('\n').map((l) => l.length);

describe('corpus', () => {
  it('holds every real and seed fixture and a generated transcript', () => {
    const names = corpus.map((c) => c.name);
    expect(names).toContain('fixtures/seed/illumos-1532.txt');
    expect(names.filter((n) => n.startsWith('fixtures/real/')).length).toBeGreaterThanOrEqual(20);
    expect(names).toContain('generated:transcript-24k');
  });
});

describe('mutators', () => {
  it.each([72, 80, 132])('wrap%i leaves no line longer than the width', (w) => {
    const t = apply(`wrap${w}`, seed + '\n' + 'x'.repeat(500));
    expect(Math.max(...lineLengths(t))).toBeLessThanOrEqual(w);
    expect(t.replace(/\n/g, '')).toBe((seed + '\n' + 'x'.repeat(500)).replace(/\n/g, ''));
  });

  it('crlf ends every line with CR LF', () => {
    const t = apply('crlf');
    expect(t.split('\n').slice(0, -1).every((l) => l.endsWith('\r'))).toBe(true);
  });

  it('nuls inserts NUL characters', () => expect(apply('nuls')).toContain('\0'));

  it('invalidUtf8 leaves replacement characters where bytes were broken', () => {
    expect(apply('invalidUtf8')).toContain('\ufffd');
  });

  it('longLine adds a line of at least 10,000 characters', () => {
    expect(Math.max(...lineLengths(apply('longLine')))).toBeGreaterThanOrEqual(10_000);
  });

  it('nestedPrint adds a ::print with nested braces at least 20 deep', () => {
    const t = apply('nestedPrint');
    expect(t).toMatch(/::print -t kthread_t/);
    expect(t.split('\n').filter((l) => l.endsWith('= {')).length).toBeGreaterThanOrEqual(19);
  });

  it('hugeNumbers and negativeZeros replace numeric tokens', () => {
    for (const name of ['hugeNumbers', 'negativeZeros']) {
      const outs = [1, 2, 3, 4, 5].map((s) => apply(name, seed, s));
      expect(outs.some((t) => t !== seed)).toBe(true);
    }
  });

  it('duplicateSection repeats a section and reorderSections keeps every line', () => {
    const dup = apply('duplicateSection');
    expect(dup.split('\n').length).toBeGreaterThan(seed.split('\n').length);
    const re = apply('reorderSections');
    expect(re.split('\n').sort()).toEqual(seed.split('\n').sort());
  });

  it('sectionsOf starts a section at each prompt', () => {
    const secs = sectionsOf('prose\n> ::cpuinfo\nrow\n> ::status\nx');
    expect(secs).toEqual([['prose'], ['> ::cpuinfo', 'row'], ['> ::status', 'x']]);
  });

  it('every mutator returns a string for empty and one-line inputs', () => {
    for (const name of MUTATOR_NAMES) {
      for (const t of ['', 'x', '\n']) expect(typeof apply(name, t)).toBe('string');
    }
  });
});

describe('cases', () => {
  it('replay exactly from seed and index', () => {
    const a = makeCase(corpus, 42, 1000);
    const b = makeCase(corpus, 42, 1000);
    expect(b).toEqual(a);
    expect(makeCase(corpus, 42, 1001).text).not.toBe(a.text);
  });

  it('use every mutator over a few thousand cases', () => {
    const used = new Set<string>();
    for (let i = 0; i < 3000; i++) for (const m of makeCase(corpus, 7, i).applied) used.add(m);
    expect([...MUTATOR_NAMES].filter((n) => !used.has(n))).toEqual([]);
  });
});
