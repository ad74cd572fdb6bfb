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

  it('quote puts the same prefix before every line', () => {
    for (const s of [1, 2, 3, 4, 5, 6]) {
      const ls = apply('quote', 'a\n  b\n', s).split('\n');
      const q = ls[0]!.slice(0, -1);
      expect(['> ', '> > ', '>', '>> ', '\t', '    ']).toContain(q);
      expect(ls[1]).toBe(q + '  b');
      expect(ls[2] === q || ls[2] === q.trimEnd()).toBe(true);
    }
  });

  it('quoteMixed quotes every line, at more than one depth over a long text', () => {
    const t = apply('quoteMixed', seed);
    const ls = t.split('\n');
    expect(ls.every((l) => l.startsWith('>'))).toBe(true);
    expect(ls.length).toBe(seed.split('\n').length);
    expect(new Set(ls.map((l) => /^[> ]*/.exec(l)![0].replace(/ +$/, ''))).size).toBeGreaterThan(1);
  });

  it('tabIndent indents every non-empty line by one tab', () => {
    expect(apply('tabIndent', 'a\n\n b\n')).toBe('\ta\n\n\t b\n');
  });

  it('squeezeSpaces leaves no run of spaces, and squeezeAndTrim no edge spaces', () => {
    expect(apply('squeezeSpaces', '  0    ffffff01d5a600c0  1b\n')).toBe(' 0 ffffff01d5a600c0 1b\n');
    expect(apply('squeezeAndTrim', '  0    ffffff01d5a600c0  1b \n')).toBe('0 ffffff01d5a600c0 1b\n');
  });

  it('crOnly ends lines with CR alone', () => {
    expect(apply('crOnly', 'a\r\nb\nc')).toBe('a\rb\rc');
  });

  it('decorate wraps the paste or one section in a matching pair of fence lines', () => {
    const pairs = [['```', '```'], ['```text', '```'], ['~~~', '~~~'], ['<pre>', '</pre>'], ['<pre><code>', '</code></pre>'], ['{noformat}', '{noformat}'], ['{code}', '{code}'], ['{code:none}', '{code}']];
    const text = 'prose\n> ::cpuinfo\nrow\n> ::status\nx\n';
    const orig = text.split('\n');
    for (const s of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const ls = apply('decorate', text, s).split('\n');
      const added = ls.filter((l) => !orig.includes(l));
      expect(added).toHaveLength(2);
      expect(pairs).toContainEqual(added);
      expect(ls.filter((l) => orig.includes(l))).toEqual(orig);
    }
  });

  it('shellPipe appends a shell pipe to prompt lines only', () => {
    const suffixes = [' ! head -3', ' ! demangle', ' ! grep -v idle', ' | ::grep .>0', ' ! less', ' ! cat'];
    const text = '> ::cpuinfo\n ID ADDR\n> ::status\nprose ! here\n';
    const orig = text.split('\n');
    let changed = 0;
    for (const s of [1, 2, 3, 4, 5]) {
      const ls = apply('shellPipe', text, s).split('\n');
      expect(ls).toHaveLength(orig.length);
      ls.forEach((l, i) => {
        if (l === orig[i]) return;
        changed++;
        expect(orig[i]!.startsWith('> ')).toBe(true);
        expect(suffixes).toContain(l.slice(orig[i]!.length));
      });
    }
    expect(changed).toBeGreaterThan(0);
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

describe('bigRunQueue', () => {
  it('grows CPU 1 of the seed to the asked number of queued threads, NRUN included', async () => {
    const { bigRunQueue } = await import('./runq.ts');
    const { analyzeText } = await import('../../src/analyze.ts');
    const text = bigRunQueue(seed, 10);
    expect(text.split('\n').length).toBe(seed.split('\n').length + 6);
    const cpu1 = analyzeText(text).snapshot.cpus.find((c) => c.id === 1)!;
    expect(cpu1.nrun).toBe(10);
    expect(cpu1.runq).toHaveLength(10);
    expect(cpu1.runq!.at(-1)!.thread).toBe('ffffff0200000005');
  });
});
