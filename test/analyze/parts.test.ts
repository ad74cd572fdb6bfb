// A long section is read in parts (so it is never held whole); the parts must add up to exactly
// what reading it whole gives, and lean mode must keep exactly the lines it promises to keep.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText, Analyzer } from '../../src/analyze.ts';
import type { Analysis } from '../../src/analysis.ts';
import { splitLines } from '../../src/ingest/lines.ts';
import { LineTexts, linesView, PackedLines } from '../../src/ingest/line-store.ts';

const dirs = ['../../fixtures/real/', '../../fixtures/seed/'].map((d) => new URL(d, import.meta.url));
const samples = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8')));

/** Everything of an analysis that a reader sees, as plain data. */
function view(a: Analysis) {
  return JSON.parse(JSON.stringify({ acc: a.accounting, sections: a.sections, snap: a.snapshot, findings: a.findings, diagnostics: a.diagnostics, records: a.records }));
}

const frame = (i: number) => `  ffffff0007e01${(0x800 + i).toString(16)} cv_wait+0x7f(ffffff01d6fd5b60, ${i.toString(16)})`;
function walk(threads: number, extra = ''): string {
  const out = ['> ::walk thread | ::findstack -v'];
  for (let t = 0; t < threads; t++) {
    out.push(`stack pointer for thread ffffff0007e${(0x10000 + t).toString(16)}: ffffff0007e01850`);
    out.push('[ ffffff0007e01850 _resume_from_idle+0xf1() ]');
    for (let f = 0; f < 3; f++) out.push(frame(t * 3 + f));
    if (t === 2 && extra !== '') out.push(extra);
  }
  out.push('Some closing words that a reporter wrote after the output here.');
  return out.join('\n') + '\n';
}

describe('sections read in parts', () => {
  it('give the same analysis as sections read whole, on every real sample and on a long walk', () => {
    // Found by the fuzzer: a header the grammar does not read is no place to cut (its frames go
    // to the block before), nor is a header inside a wrapped frame line that a later line closes.
    const brokenHeader = 'stack pointer for thread ffffff0007c89c40: ffffff0007c89b50\n  ffffff0007c89b80 swtch+0x1e6()\nstack pointer for thread ffffff0007c8fc40: \x00ffffff0007c8fb50\n  ffffff0007c8fb80 swtch+0x1e6()\n';
    const joinAcrossHeader = 'stack pointer for thread fffffe146896ff40: fffffe146896fcc0\n  fffffe146896fe70 cv_wait+0x35(ffffff017b2630c0,\n  fffffe146896ffa0 swtch+0x149()\nstack pointer for thread fffffe4c6ef36040: fffffe4c6ef36040\n  fffffe4c6ef36110 - 7)\n';
    const inputs = [...samples, walk(40), walk(40, 'garbage ) line with no shape at all'), walk(40, '  ffffff0007e01850 cv_wait+0x7f(ffffff01d6fd5b60,'), brokenHeader, joinAcrossHeader];
    for (const text of inputs) {
      const whole = view(analyzeText(text));
      for (const partLines of [1, 2, 7]) expect(view(analyzeText(text, { partLines }))).toEqual(whole);
    }
  });

  it('cut only before a thread header, whatever the part size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 30 }), (partLines, threads) => {
        const text = walk(threads);
        expect(view(analyzeText(text, { partLines }))).toEqual(view(analyzeText(text)));
      }),
      { numRuns: 40 },
    );
  });

  it('merge into one section with the whole span of lines', () => {
    const a = analyzeText(walk(10), { partLines: 5 });
    expect(a.sections).toHaveLength(1);
    expect(a.sections[0]).toMatchObject({ kind: 'findstack', startLine: 1, endLine: 51, status: 'ok' });
    expect(a.snapshot.threads).toHaveLength(10);
  });
});

describe('lean mode', () => {
  it('keeps the text of prompts, prose and unread lines, and drops the bulky lines it read', () => {
    const text = walk(4, 'garbage ) line with no shape at all');
    const full = analyzeText(text);
    const lean = analyzeText(text, { lean: true, partLines: 3 });
    expect(lean.accounting).toEqual(full.accounting);
    expect(lean.lines).toHaveLength(full.lines.length);
    const kept = full.lines.map((_, i) => lean.lines[i] !== undefined);
    expect(lean.lines[0]).toBe('> ::walk thread | ::findstack -v');
    const garbage = full.lines.indexOf('garbage ) line with no shape at all');
    expect(lean.lines[garbage]).toBe(full.lines[garbage]);
    expect(lean.lines.at(-1)).toBe(full.lines.at(-1));
    expect(kept.filter(Boolean)).toHaveLength(3);
  });

  it('streams line by line to the same result as a whole text', () => {
    const text = walk(12);
    const an = new Analyzer({ lean: true, partLines: 4 });
    for (const l of text.split('\n').slice(0, -1)) an.push(l);
    expect(view(an.finish())).toEqual(view(analyzeText(text, { lean: true })));
  });
});

describe('analyzeText', () => {
  it('cuts lines exactly as splitLines does (CR before LF dropped, no line after a final LF)', () => {
    const piece = fc.constantFrom('a', 'b c', '\n', '\r', ' ', '\r\n', '\n\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), (t) => {
        const a = analyzeText(t);
        expect(a.lines).toEqual(splitLines(t));
        expect(a.accounting.lines).toBe(splitLines(t).length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('line store', () => {
  it('packs lines and holes across blocks cut by line count and by size, and reads each back', () => {
    const texts = ['a', '', undefined, 'hello world!!', 'b', undefined, 'x'.repeat(25), 'c', ''];
    const p = new PackedLines(3, 10);
    for (const t of texts) p.add(t);
    // Before finish the last lines are in the open block; after it, in a sealed one: same answers.
    const read = () => texts.map((_, i) => p.get(i + 1));
    expect(read()).toEqual(texts);
    p.finish();
    expect(read()).toEqual(texts);
    expect(p.length).toBe(9);
    expect([p.get(0), p.get(10), p.get(1.5)]).toEqual([undefined, undefined, undefined]);
  });

  it('shows them as a read-only array: index, length, at, indexOf, equality, JSON, holes', () => {
    const p = new PackedLines(2, 1 << 20);
    for (const t of ['one', undefined, 'three']) p.add(t);
    p.finish();
    const v = linesView(p);
    expect(Array.isArray(v)).toBe(true);
    expect(v.length).toBe(3);
    expect(v[0]).toBe('one');
    expect(v.at(-1)).toBe('three');
    expect(v.indexOf('three')).toBe(2);
    expect(1 in v).toBe(false);
    expect(v).toEqual(['one', undefined, 'three']);
    expect(JSON.stringify(v)).toBe('["one",null,"three"]');
    expect(() => {
      v[0] = 'changed';
    }).toThrow(TypeError);
    expect(v[0]).toBe('one');
  });

  it('lean: keeps lines out of order, drops the unsettled ones of a section, keeps what is open at the end', () => {
    const t = new LineTexts(true);
    for (let i = 1; i <= 6; i++) t.push(`l${i}`);
    t.keep(3); // settled, but waits behind lines 1 and 2
    t.dropThrough(2); // 1 and 2 forgotten; 3 was kept
    t.keep(5);
    t.keep(3); // twice: no effect
    expect(t.finish()).toEqual([undefined, undefined, 'l3', 'l4', 'l5', 'l6']);
  });
});
