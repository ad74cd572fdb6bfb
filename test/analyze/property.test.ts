// Property: whatever is done to a real sample (cut, wrapped, truncated, garbage bytes, CRLF, tabs),
// analysis never throws and every input line is accounted for exactly once.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { splitLines } from '../../src/ingest/lines.ts';

const dirs = ['../../fixtures/real/', '../../fixtures/seed/'].map((d) => new URL(d, import.meta.url));
const samples = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8')));

type Mutation = (text: string) => string;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((k) => (t: string) => t.split('\n').slice(k % 20).join('\n')),
  fc.nat().map((k) => (t: string) => t.slice(0, t.length - (k % Math.max(1, t.length)))),
  fc.integer({ min: 20, max: 132 }).map((w) => (t: string) => t.split('\n').flatMap((l) => (l.length <= w ? [l] : [l.slice(0, w), l.slice(w)])).join('\n')),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([at, bytes]) => (t: string) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + String.fromCharCode(...bytes) + t.slice(i);
  }),
  fc.constant((t: string) => t.replace(/\n/g, '\r\n')),
  fc.constant((t: string) => t.replace(/ {4}/g, '\t')),
  fc.constant((t: string) => t.replace(/\n/g, '\n\n')),
  fc.nat().map((k) => (t: string) => {
    const ls = t.split('\n');
    const i = k % Math.max(1, ls.length);
    return [...ls.slice(0, i), 'x'.repeat(10_000), ...ls.slice(i)].join('\n');
  }),
);

describe('analysis of mutated real samples', () => {
  it('never throws and keeps the accounting identity', () => {
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, ms) => {
        const text = ms.reduce((t, m) => m(t), samples[which]!);
        const a = analyzeText(text);
        const { lines, parsed, prose, unrecognized } = a.accounting;
        expect(lines).toBe(splitLines(text).length);
        expect(parsed + prose + unrecognized).toBe(lines);
        expect(a.diagnostics.length).toBe(unrecognized);
        for (const d of a.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lines);
        }
        for (const s of a.sections) expect(s.startLine <= s.endLine && s.endLine <= lines).toBe(true);
      }),
      { numRuns: 200, seed: 1532 },
    );
  });
});
