// The streaming writers: jsonPieces gives exactly JSON.stringify(v, null, 2), LazyArray maps on
// the way out, and pump hands the sink bounded chunks and waits when the sink asks it to.
import { describe, expect, it } from 'vitest';
import { jsonPieces, LazyArray, materialize } from '../../src/report/json-stream.ts';
import { joinPieces, pump, type Sink } from '../../src/report/sink.ts';
import { renderJson, toJson } from '../../src/report/json.ts';
import { renderSarif, sarifReport } from '../../src/report/sarif.ts';
import { seedAnalysis } from '../seed.ts';

const big = Array.from({ length: 300 }, (_, i) => ({ i, s: `x${i}`, nested: { deep: [i, null, 'q"\\\n'] } }));
// Too many nodes to write whole (3 each, 1,200 in all): its elements are written one by one.
const bigger = Array.from({ length: 400 }, (_, i) => big[i % big.length]);
const SAMPLES: Record<string, unknown> = {
  primitives: [1, -0.5, 'a"b', true, false, null, 1e21, NaN, Infinity],
  empties: { a: [], b: {}, c: [[]], d: [{}] },
  omitted: { keep: 1, gone: undefined, fn: () => 1, arr: [undefined, () => 2] },
  'toJSON inside': { when: new Date(0), n: 3 },
  'a large array of objects': big,
  'a large object': Object.fromEntries(big.map((b) => [`k${b.i}`, b])),
  'unicode keys and text': { 'é\u2028': 'line\u2029sep', '10': 'numeric key first', b: 1 },
  // Small values written whole at indents of 4, 6 and 8 spaces (each cut out of its wrapping arrays).
  'large values nested deep': { a: bigger, b: { c: bigger, empty: [], none: {} }, d: [[bigger, [], {}, 7]] },
};

describe('jsonPieces', () => {
  it.each(Object.keys(SAMPLES))('%s: same text as JSON.stringify(v, null, 2)', (name) => {
    const v = SAMPLES[name];
    expect(joinPieces(jsonPieces(v))).toBe(JSON.stringify(v, null, 2) + '\n');
  });

  it('writes a LazyArray as the array its map makes, with the index', () => {
    const lazy = { rows: new LazyArray(['a', 'b', 'c'], (s, i) => ({ s, i })) };
    const plain = { rows: [{ s: 'a', i: 0 }, { s: 'b', i: 1 }, { s: 'c', i: 2 }] };
    expect(joinPieces(jsonPieces(lazy))).toBe(JSON.stringify(plain, null, 2) + '\n');
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(plain));
    expect(materialize(lazy)).toEqual(plain);
  });

  it('the seed JSON and SARIF are the same whether streamed or stringified', () => {
    const a = seedAnalysis();
    expect(renderJson(a)).toBe(JSON.stringify(toJson(a), null, 2) + '\n');
    expect(joinPieces(sarifReport(a))).toBe(JSON.stringify(renderSarif(a), null, 2) + '\n');
  });
});

describe('pump', () => {
  it('hands the sink chunks of about 64 KiB, in order, and waits for drained after each', async () => {
    const writes: string[] = [];
    let waits = 0;
    const sink: Sink = {
      write: (s) => {
        writes.push(s);
        return false;
      },
      drained: async () => {
        waits++;
      },
    };
    const pieces = Array.from({ length: 50_000 }, (_, i) => `${i}\n`);
    await pump(pieces, sink);
    expect(writes.join('')).toBe(pieces.join(''));
    // 50,000 pieces of 2-6 characters are about 239 KB: four chunks.
    expect(writes.length).toBe(Math.ceil(pieces.join('').length / 65536));
    for (const w of writes.slice(0, -1)) expect(w.length).toBeGreaterThanOrEqual(65536);
    for (const w of writes) expect(w.length).toBeLessThan(65536 + 8);
    expect(waits).toBe(writes.length);
  });

  it('stops writing once the sink is closed (the reader went away)', async () => {
    let written = 0;
    let closed = false;
    const sink: Sink = {
      write: (s) => {
        written += s.length;
        closed = true; // the reader closes after the first chunk
        return true;
      },
      get closed() {
        return closed;
      },
    };
    let pulled = 0;
    function* many(): Generator<string> {
      for (let i = 0; i < 1_000_000; i++) {
        pulled++;
        yield 'x'.repeat(10);
      }
    }
    await pump(many(), sink);
    expect(written).toBe(65540);
    expect(pulled).toBeLessThan(6600);
  });
});
