// rejoinCutThreadRows: `::threadlist` rows a wrap at a space cut before their command or a thread's
// `[name]`, joined again only where the row is provably incomplete. Rows from fixtures/real/002.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { rejoinCutThreadRows } from '../../src/ingest/threadlist-rows.ts';
import { rejoinTexts } from '../support/rejoin.ts';
import { fold } from '../support/fold.ts';

const REAPER = 'ffffff000f40bc40 fffffffffbc37680                0 thread_reaper()';
const VCPU = 'fffffe23871160c0 fffffe23e34f8098 fffffe25a8bae3c0 bhyve/50 [vcpu 27]';
const rejoin = (texts: string[], before = 0) => rejoinTexts(rejoinCutThreadRows, texts, before).texts;

describe('joins a row a wrap at a space cut', () => {
  it('before its command (three words are never a whole row), with or without the space the wrap left', () => {
    expect(rejoin([REAPER.slice(0, 51), 'thread_reaper()'])).toEqual([REAPER]);
    expect(rejoin([REAPER.slice(0, 50), 'thread_reaper()'])).toEqual([REAPER]);
  });

  it("before a thread's [name] that did not fit beside it", () => {
    expect(rejoin([VCPU.slice(0, 60), '[vcpu 27]'])).toEqual([VCPU]);
  });
});

describe('leaves alone', () => {
  it('a whole row followed by another row, an elision or a warning', () => {
    for (const next of [VCPU, '...', 'mdb: failed to read thread at 0']) expect(rejoin([REAPER, next])).toEqual([REAPER, next]);
    expect(rejoin([REAPER.slice(0, 51), VCPU])).toEqual([REAPER.slice(0, 51), VCPU]);
  });

  it('a next line that would have fitted beside its row (a person wrote it), or a row narrower than any wrap', () => {
    expect(rejoin([VCPU.slice(0, 60), '[vcpu 27]'], 80)).toEqual([VCPU.slice(0, 60), '[vcpu 27]']);
    expect(rejoin([REAPER.slice(0, 50), 'Any ideas?'], 60)).toEqual([REAPER.slice(0, 50), 'Any ideas?']);
    expect(rejoin(['1 2 3', 'cmd'])).toEqual(['1 2 3', 'cmd']);
  });
});

describe('fixtures/real/002 word-wrapped (fold -s)', () => {
  const text = readFileSync(new URL('../../fixtures/real/002-rfd96-threadlist-threadnames.txt', import.meta.url), 'utf8');
  const plain = analyzeText(text);

  // Before: at 64, two rows refused (their threads lost) and four lines unrecognized.
  it.each([64, 72])('at %i columns: the same threads, processes and commands as unwrapped', (w) => {
    const a = analyzeText(fold(text, w, true));
    expect(a.accounting.unrecognized).toBe(0);
    expect(a.records).toEqual(plain.records.map((r) => ({ ...r, line: expect.any(Number) as number })));
  });
});
