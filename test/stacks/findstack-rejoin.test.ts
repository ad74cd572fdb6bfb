// rejoinCutHeaders: `::findstack` thread headers a fixed-width wrap cut in two, joined again only
// where the next line is nothing of its own and completes the header. Built by hand from the
// header of fixtures/real/003 (80 characters) cut at chosen columns.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { rejoinTexts } from '../support/rejoin.ts';
import { rejoinCutHeaders } from '../../src/ingest/stack-headers.ts';

const HEADER = 'stack pointer for thread fffffe25a8c83460 (bhyve/1 [mevent]): fffffcc26cacebb0';
const FRAME = '  fffffcc26cacebe0 swtch+0x141()';
/** `before`: the widest line of the section's earlier parts. */
const rejoin = (texts: string[], before = 0) => rejoinTexts(rejoinCutHeaders, texts, before);

describe('joins a header a wrap cut', () => {
  it('inside the stack pointer (fold at 72: `...: fffffcc26c` | `acebb0`)', () => {
    expect(rejoin([HEADER.slice(0, 72), HEADER.slice(72), FRAME])).toEqual({ texts: [HEADER, FRAME], joined: [[1, [2]]] });
  });

  it('inside the thread description, and on the space before the stack pointer', () => {
    expect(rejoin([HEADER.slice(0, 50), HEADER.slice(50), FRAME]).texts).toEqual([HEADER, FRAME]);
    const colon = HEADER.indexOf(': ') + 1;
    expect(rejoin([HEADER.slice(0, colon), HEADER.slice(colon), FRAME]).texts).toEqual([HEADER, FRAME]);
    // A tracker that wrapped at that space and dropped it.
    expect(rejoin([HEADER.slice(0, colon), HEADER.slice(colon + 1), FRAME]).texts).toEqual([HEADER, FRAME]);
  });
});

describe('leaves alone', () => {
  it('a whole header followed by its first frame or saved-PC line', () => {
    expect(rejoin([HEADER, FRAME]).joined).toEqual([]);
    expect(rejoin([HEADER, '[ fffffcc26cacebb0 _resume_from_idle+0x12b() ]']).joined).toEqual([]);
  });

  it('a header shorter than a line before it (in this part or an earlier one), or narrower than any wrap', () => {
    expect(rejoin(['x'.repeat(90), HEADER.slice(0, 72), HEADER.slice(72)]).joined).toEqual([]);
    expect(rejoin([HEADER.slice(0, 72), HEADER.slice(72)], 90).joined).toEqual([]);
    expect(rejoin(['stack pointer for thread 1: 2', '3']).joined).toEqual([]);
  });

  it('not a line after it: a section cut into parts reads the same whatever size its parts are', () => {
    // Read whole, the 90-column line comes later; read in parts, it may be in the next part.
    expect(rejoin([HEADER.slice(0, 72), HEADER.slice(72), 'x'.repeat(90)]).texts).toEqual([HEADER, 'x'.repeat(90)]);
  });

  it('a next line that does not complete it (another header, words)', () => {
    expect(rejoin([HEADER.slice(0, 72), HEADER]).joined).toEqual([]);
    expect(rejoin([HEADER.slice(0, 72), 'acebb0 and more']).joined).toEqual([]);
  });
});

describe('fixtures/real/003 folded as a terminal or fold would', () => {
  const text = readFileSync(new URL('../../fixtures/real/003-rfd96-findstack-threadnames.txt', import.meta.url), 'utf8');
  const plain = analyzeText(text);
  const fold = (w: number) => text.split('\n').flatMap((l) => (l.length > w ? [l.slice(0, w), l.slice(w)] : [l])).join('\n');

  it.each([64, 72])('at %i columns: one thread, its stack and stack pointer, as unfolded', (w) => {
    const a = analyzeText(fold(w));
    expect(a.accounting.unrecognized).toBe(0);
    expect(a.snapshot.threads.map((t) => [t.addr, t.desc, t.stack?.map((f) => f.func)])).toEqual(plain.snapshot.threads.map((t) => [t.addr, t.desc, t.stack?.map((f) => f.func)]));
    expect(a.records.map((r) => r.kind)).toEqual(plain.records.map((r) => r.kind));
  });
});
