// The findstack fast path answers only where the grammar would answer the same.
import { isBlockingPrimitive } from '../../illumos/blocking.ts';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastFrameLine, fastSavedPc, fastThreadHeader } from '../../grammar/frames/fast.ts';
import { frameArg, plainFrame } from '../../grammar/frames/line-frame.ts';
import { parseFindstackLine } from '../../grammar/findstack/api.ts';
import { frameFromCst, pcFromCst } from '../../grammar/frames/cst.ts';
import { first, one } from '../../grammar/common/cst.ts';
import { generateTranscript } from '../../bench/gen/transcript.ts';

/** What the grammar makes of one line, in the fast path's terms (null: not that kind of line). */
function viaGrammar(text: string) {
  const { cst, lexErrors, parseErrors } = parseFindstackLine(text);
  if (lexErrors.length > 0 || parseErrors.length > 0 || cst === undefined) return null;
  const c = cst.children;
  if (c.frame) return { kind: 'frame', value: frameFromCst(one(c.frame), 7) };
  if (c.threadHeader) {
    const h = one(c.threadHeader).children;
    const desc = first(h.ThreadDesc);
    return { kind: 'threadHeader', value: { thread: one(h.thread).image, free: h.TsFree !== undefined, desc: desc ? desc.image.slice(1, -1) : null, sp: one(h.sp).image } };
  }
  if (c.savedPc) {
    const p = one(c.savedPc).children;
    return { kind: 'savedPc', value: { sp: one(p.sp).image, ...pcFromCst(one(p.pc)) } };
  }
  return { kind: Object.keys(c)[0], value: null };
}

function check(text: string): void {
  const frame = fastFrameLine(text, 7);
  // Shape only: the same lines answered, the same frame but for the strings it does not keep
  // (a blocking primitive keeps all of them: its arguments name what the thread waits on).
  const shape = fastFrameLine(text, 7, true);
  const kept = frame !== null && isBlockingPrimitive(frame.func);
  expect(shape, text).toEqual(frame === null ? null : kept ? frame : { ...plainFrame(frame), fp: null, args: null });
  const header = fastThreadHeader(text);
  const saved = fastSavedPc(text);
  if (frame === null && header === null && saved === null) return;
  const g = viaGrammar(text);
  if (frame !== null) expect(g, text).toEqual({ kind: 'frame', value: frame });
  // One argument at a time agrees with the whole list, and there is none past its end.
  if (frame !== null) expect([...frame.args!, undefined].map((_, i) => frameArg(frame, i)), text).toStrictEqual([...frame.args!, undefined]);
  if (header !== null) expect(g, text).toEqual({ kind: 'threadHeader', value: header });
  if (saved !== null) expect(g, text).toEqual({ kind: 'savedPc', value: saved });
}

function fixtureLines(): string[] {
  const out: string[] = [];
  const dirs = ['../../fixtures/real/', '../../fixtures/seed/', '../../fixtures/handwritten/stacks/'];
  for (const d of dirs) {
    const dir = new URL(d, import.meta.url);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) out.push(...readFileSync(new URL(f, dir), 'utf8').split('\n'));
  }
  return out;
}

describe('findstack fast path', () => {
  it('agrees with the grammar on every fixture line and a generated transcript', () => {
    let answered = 0;
    for (const l of [...fixtureLines(), ...generateTranscript({ bytes: 60_000, seed: 3 }).split('\n')]) {
      if (fastFrameLine(l, 7) ?? fastThreadHeader(l) ?? fastSavedPc(l)) answered++;
      check(l);
    }
    expect(answered).toBeGreaterThan(500);
  });

  it('agrees with the grammar on random near-canonical lines', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{1,17}$/);
    const sym = fc.stringMatching(/^[A-Za-z_.$][\w.$`]{0,12}$/);
    const off = fc.oneof(fc.constant(''), fc.stringMatching(/^[+-](0x)?[0-9a-f]{1,5}$/));
    const args = fc.array(fc.oneof(hex, fc.stringMatching(/^0x[0-9a-f]{1,6}$/)), { maxLength: 4 }).map((a) => a.join(', '));
    const junk = fc.constantFrom('', ' ', '  ', '(', ')', ':', ',', ' (TS_FREE)', '\t', 'x');
    const line = fc
      .tuple(fc.constantFrom('', '  ', ' '), hex, fc.constantFrom(' ', '  '), sym, off, args, junk, junk)
      .map(([lead, fp, sep, s, o, a, j1, j2]) => `${lead}${fp}${sep}${s}${o}(${a})${j1}${j2}`);
    const header = fc
      .tuple(hex, fc.constantFrom('', ' (TS_FREE)'), fc.oneof(fc.constant(''), fc.stringMatching(/^ \([\w/ [\]():.-]{0,20}\)$/)), hex, junk)
      .map(([t, free, desc, sp, j]) => `stack pointer for thread ${t}${free}${desc}: ${sp}${j}`);
    const saved = fc.tuple(hex, sym, off, junk).map(([sp, s, o, j]) => `[ ${sp} ${s}${o}() ]${j}`);
    fc.assert(fc.property(fc.oneof(line, header, saved), (l) => check(l)), { numRuns: 2000 });
  });
});
