// HTML entities in a reply copied from escaped web text: a line whose quote marker or prompt is
// `&gt;` is decoded, one line for one line. The encoded seeds are made here from the seed text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeStream, analyzeText } from '../../src/analyze.ts';
import { decodeEntities, hasEncodedMarker } from '../../src/ingest/entities.ts';
import { splitLines } from '../../src/ingest/lines.ts';

const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
const lines = seed.split('\n');
const base = analyzeText(seed);
const FINDINGS = ['kpreempt-threshold', 'runq-starvation', 'ts-timeleft-overrun', 'preemption-pending'];
/** What an HTML escaper writes for a line of text. */
const escape = (l: string) =>
  l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const variants: Record<string, string> = {
  'quoted as "&gt; "': lines.map((l) => '&gt; ' + escape(l)).join('\n'),
  'quoted twice as "&gt; &gt; "': lines.map((l) => '&gt; &gt; ' + escape(l)).join('\n'),
  'quoted as "&gt;&nbsp;"': lines.map((l) => '&gt;&nbsp;' + escape(l)).join('\n'),
  'quoted as "&gt;" and U+00A0': lines.map((l) => '&gt;\u00a0' + escape(l)).join('\n'),
};

describe('the seed quoted with an entity-encoded marker', () => {
  it('the seed has prompt lines, so the escaper changes it', () => {
    expect(lines.filter((l) => l.startsWith('> ')).length).toBeGreaterThan(0);
    expect(escape(lines.find((l) => l.startsWith('> '))!).startsWith('&gt; ')).toBe(true);
  });
  for (const [name, text] of Object.entries(variants)) {
    it(name, () => {
      const a = analyzeText(text);
      expect(a.findings.map((f) => f.rule)).toEqual(FINDINGS);
      expect(a.accounting).toEqual(base.accounting);
      expect(a.diagnostics).toEqual([]);
      expect(a.sections.map((s) => [s.kind, s.command, s.startLine, s.endLine, s.status])).toEqual(
        base.sections.map((s) => [s.kind, s.command, s.startLine, s.endLine, s.status]),
      );
      expect(a.snapshot.cpus).toEqual(base.snapshot.cpus);
    });
  }
  it('the stream path reads it as the full one does', async () => {
    const text = variants['quoted as "&gt; "']!;
    const all = splitLines(text);
    // Batches of 7 lines, so an encoded run crosses batch ends.
    const s = await analyzeStream((async function* () {
      for (let i = 0; i < all.length; i += 7) yield all.slice(i, i + 7);
    })());
    const a = analyzeText(text);
    expect(s.accounting).toEqual(a.accounting);
    expect(s.sections).toEqual(a.sections);
    expect(s.findings.map((f) => f.rule)).toEqual(FINDINGS);
  });
});

describe('which lines are decoded', () => {
  it('only a line that starts with an encoded marker (up to three spaces before it)', () => {
    expect(['&gt; ::cpuinfo -v', '   &gt;x', '    &gt; x', 'a &gt; b', '> ::cpuinfo', '&gt'].map(hasEncodedMarker)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('an encoded prompt alone opens a section; a plain line with entities stays as written', () => {
    const a = analyzeText('&gt; ::cpuinfo -v\nprose with &lt;b&gt; in it\n');
    expect(a.sections.map((s) => [s.kind, s.command, s.startLine])).toEqual([['cpuinfo', '::cpuinfo -v', 1]]);
    expect(a.lines[1]).toBe('prose with &lt;b&gt; in it');
  });
});

describe('decodeEntities', () => {
  it('decodes the entities web copies carry, one level, left to right', () => {
    expect(decodeEntities('&gt; &lt;pg,wp&gt; &amp;&amp; &quot;a&quot; &#39;b&#39; &apos;c&apos; x&nbsp;y')).toBe(
      "> <pg,wp> && \"a\" 'b' 'c' x y",
    );
    expect(decodeEntities('&amp;gt;')).toBe('&gt;');
    expect(decodeEntities('&#x3e; &#62; &#0062; \u00a0')).toBe('> > >  ');
  });

  it('leaves unknown, malformed, control and line-break entities as they are', () => {
    const kept = '&constructor; &toString; &#10; &#13; &#0; &#x7f; &#39a; &gt &; &#; &#x; & gt; &verylongname;';
    expect(decodeEntities(kept)).toBe(kept);
  });

  it('is linear on a long line of ampersands with no semicolon', () => {
    const long = '&'.repeat(200_000) + 'gt;';
    const t0 = performance.now();
    expect(decodeEntities(long)).toBe('&'.repeat(199_999) + '>');
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
