// rejoinCutFrames: `::stacks` frames (indentation and one word) a wrap cut, joined again only where
// a piece at column 0 follows an indented line that a wrap must have cut; rejoinCutWarnings: mdb
// warnings cut the same ways. Built by hand from lines of fixtures/real/011 (a userland
// `::stacks -i` with long C++ symbols and three warnings).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { rejoinTexts } from '../support/rejoin.ts';
import { fold } from '../support/fold.ts';
import { rejoinCutFrames } from '../../src/ingest/stacks-frames.ts';
import { rejoinCutWarnings } from '../../src/ingest/warning-wrap.ts';

const INDENT = ' '.repeat(17);
const LONG = INDENT + 'libcoreclr.so`_ZN19RuntimeMethodHandle12InvokeMethodEP6ObjectP8PtrArrayP15SignatureNativeb+0xe3c';
const SHORT = INDENT + 'libcoreclr.so`CallDescrWorkerInternal+0x7c';
const ROW = '9                UNPARKED <NONE>                  1';
/** `before`: the widest line of the section's earlier parts (a `::stacks` section comes whole). */
const rejoin = (texts: string[], before = 0) => rejoinTexts(rejoinCutFrames, texts, before);

describe('joins a frame a wrap cut', () => {
  it('at a space (fold -s at 80): its indentation alone, then the frame at column 0, itself cut at 80', () => {
    const rest = LONG.slice(17);
    expect(rejoin([ROW, SHORT, INDENT, rest.slice(0, 80), rest.slice(80), SHORT], 80)).toEqual({
      texts: [ROW, SHORT, LONG, SHORT],
      joined: [[3, [4, 5]]],
    });
  });

  it('at a fixed width (fold at 72): the tail at column 0, in as many pieces as it took', () => {
    expect(rejoin([ROW, LONG.slice(0, 72), LONG.slice(72), SHORT], 72)).toEqual({ texts: [ROW, LONG, SHORT], joined: [[2, [3]]] });
    expect(rejoin([LONG.slice(0, 45), LONG.slice(45, 90), LONG.slice(90)], 45).texts).toEqual([LONG]);
  });
});

describe('leaves alone', () => {
  it('frames a paste left-trimmed: none is indented, so none was cut', () => {
    const trimmed = [ROW, LONG.trim(), SHORT.trim(), '0x7ffffc6d2e16'];
    expect(rejoin(trimmed).joined).toEqual([]);
  });

  it('the widest frame of a section when the next line is indented or a group row', () => {
    expect(rejoin([ROW, LONG, SHORT]).joined).toEqual([]);
    expect(rejoin([LONG, '', ROW]).joined).toEqual([]);
    expect(rejoin([LONG, ROW]).joined).toEqual([]);
  });

  it('a line of spaces whose next line would have fitted beside it, or narrower than any wrap', () => {
    expect(rejoin([ROW, INDENT, 'libc.so.1`poll+0x56', SHORT], 80).joined).toEqual([]);
    expect(rejoin([INDENT, 'x'.repeat(30)], 30).joined).toEqual([]);
  });
});

describe('fixtures/real/011 wrapped as a terminal, fold or a mail client would', () => {
  const text = readFileSync(new URL('../../fixtures/real/011-coreclr-lx-userland-stacks-i.txt', import.meta.url), 'utf8');
  const plain = analyzeText(text);
  const groups = (a: ReturnType<typeof analyzeText>) => a.records.flatMap((r) => (r.kind === 'stacksGroup' ? [[r.thread, r.count, r.frames.map((f) => [f.func, f.offset])]] : []));

  // Before: at 80 word-wrapped, 7 groups with no thread and thread 9's 21 frames cut to 1, nothing said.
  it.each([
    [80, true],
    [72, true],
    [64, true],
    [80, false],
  ])('at %i columns (at a space: %s): the same groups, threads and frames as unwrapped', (w, atSpace) => {
    const a = analyzeText(fold(text, w, atSpace));
    expect(groups(a)).toEqual(groups(plain));
    expect(a.accounting.unrecognized).toBe(0);
  });
});

describe('rejoinCutWarnings: an mdb warning a wrap cut', () => {
  const WARN = "mdb: couldn't read frame for thread 0x7 at ffffffff: no mapping for address";
  const HEADER = 'THREAD           STATE    SOBJ                COUNT';
  const cut = (texts: string[], before = 0) => rejoinTexts(rejoinCutWarnings, texts, before).texts;

  it('joins its tail, cut at a fixed width or at a space that the next word did not fit beside', () => {
    expect(cut([WARN.slice(0, 72), WARN.slice(72), HEADER], 72)).toEqual([WARN, HEADER]);
    expect(cut([WARN.slice(0, 68), WARN.slice(68), HEADER], 72)).toEqual([WARN, HEADER]);
  });

  it('leaves a whole warning followed by another, a header, a group row or a frame', () => {
    for (const next of [WARN, HEADER, '1                UNPARKED <NONE>                  6', '                 libc.so.1`poll+0x56']) {
      expect(cut([WARN, next])).toEqual([WARN, next]);
    }
    // Ending with a space, but the next word would have fitted: not a wrap.
    expect(cut(['mdb: failed to read thread at 1 ', 'address', 'x'.repeat(72)])).toEqual(['mdb: failed to read thread at 1 ', 'address', 'x'.repeat(72)]);
  });

  it('leaves the next thread\'s header after a warning as wide as any line so far', () => {
    // Found by the fuzzer (seed 1217, case 1392): a walk whose first line is a warning. The warning
    // is the widest line so far, so it ran to "the width", and the header read as its tail: the
    // thread and its stack were lost (full detail) or kept (read in parts), as the cut fell.
    const warn = "mdb: thread ffffff01e8b41020 isn't in memory";
    const header = 'stack pointer for thread ffffff0007c8fc40: ffffff0007c8fb50';
    expect(cut([warn, header, '  ffffff0007c8fb80 swtch+0x1e6()'])).toEqual([warn, header, '  ffffff0007c8fb80 swtch+0x1e6()']);
    const a = analyzeText(['> ::pgrep qemu | ::walk thread | ::findstack -v', warn, header, '  ffffff0007c8fb80 swtch+0x1e6()'].join('\n'));
    expect(a.snapshot.threads.map((t) => [t.addr, t.stack?.map((f) => f.func) ?? null])).toEqual([
      ['ffffff01e8b41020', null],
      ['ffffff0007c8fc40', ['swtch']],
    ]);
  });
});
