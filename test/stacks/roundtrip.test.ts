// Property: stacks rendered as mdb prints them parse back to the same frames.
import fc from 'fast-check';
import { stateFromName } from '../../illumos/thread-state.ts';
import { describe, expect, it } from 'vitest';
import { parseFindstack } from '../../grammar/findstack/index.ts';
import { parseStacks } from '../../grammar/stacks/index.ts';
import type { StackRecord, StacksGroupRecord } from '../../grammar/records.ts';
import { plainFrame } from '../../grammar/frames/line-frame.ts';
import type { StackFrame } from '../../src/model/snapshot.ts';
import { stackFromGroup, stackFromRecord } from '../../src/model/stack.ts';
import { renderFindstack } from '../../src/render/findstack.ts';
import { renderStacks, type StacksGroupView } from '../../src/render/stacks.ts';
import { noCommand, textLines } from './helpers.ts';

const hexChar = fc.constantFrom(...'0123456789abcdef'.split(''));
const hex = (min: number, max: number) => fc.string({ unit: hexChar, minLength: min, maxLength: max });
const word = fc.tuple(
  fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_'.split('')),
  fc.string({ unit: fc.constantFrom(...'abcdefxyz_019.$'.split('')), maxLength: 24 }),
);
const symbol = fc.oneof(
  word.map(([a, b]) => a + b),
  fc.tuple(word, word).map(([[a, b], [c, d]]) => `${a}${b}\`${c}${d}`),
);
/** `%a` of a PC: a symbol with an optional offset, or a bare `0x` address. */
const pc = fc.oneof(
  fc.record({
    func: symbol,
    offset: fc.option(fc.oneof(fc.integer({ min: 1, max: 2 ** 32 }), fc.integer({ min: -4096, max: -1 })), { nil: null }),
  }),
  hex(1, 16).map((h) => ({ func: '0x' + h, offset: null })),
);

const frame = (w: number): fc.Arbitrary<StackFrame> =>
  fc.record({ pc, fp: hex(w, w), args: fc.array(hex(1, 16), { maxLength: 6 }) }).map(({ pc: p, fp, args }) => ({
    func: p.func,
    offset: p.offset,
    fp,
    args,
    line: 0,
  }));

const desc = fc.string({ unit: fc.constantFrom(...' abcxyz019/_[]():.-'.split('')), maxLength: 30 });

const thread = fc.record({
  addr: hex(1, 16),
  desc: fc.option(desc, { nil: null }),
  free: fc.boolean(),
  sp: hex(1, 16),
  saved: fc.option(fc.record({ func: symbol, offset: fc.option(fc.integer({ min: 1, max: 4096 }), { nil: null }) }), { nil: null }),
  frames: fc.array(frame(16), { maxLength: 12 }),
  verbose: fc.boolean(),
});

function strip(f: StackFrame): Omit<StackFrame, 'line'> {
  // A fast-path frame keeps its line and reads fp and args from it: spread its plain form.
  const { line: _line, ...rest } = plainFrame(f);
  return rest;
}

describe('render then parse', () => {
  it('::findstack blocks give back the same thread, description and frames', () => {
    fc.assert(
      fc.property(fc.array(thread, { minLength: 1, maxLength: 4 }), (threads) => {
        let text = '';
        const expected: StackFrame[][] = [];
        for (const t of threads) {
          const stack: StackFrame[] = [];
          if (t.saved) stack.push({ func: t.saved.func, offset: t.saved.offset, args: [], fp: t.sp.padStart(16, '0'), saved: true, line: 0 });
          for (const f of t.frames) stack.push({ ...f, args: t.verbose ? f.args : [] });
          expected.push(stack);
          text += renderFindstack({ addr: t.addr, desc: t.desc, free: t.free, sp: t.sp, stack }, { verbose: t.verbose });
        }
        const r = parseFindstack(textLines(text), noCommand);
        expect(r.unrecognized).toEqual([]);
        const recs = r.records as StackRecord[];
        expect(recs.map((x) => [x.thread, x.threadDesc, x.free, x.sp])).toEqual(threads.map((t) => [t.addr, t.desc, t.free, t.sp]));
        expect(recs.map((x) => stackFromRecord(x).map(strip))).toEqual(expected.map((s) => s.map(strip)));
      }),
      { numRuns: 300 },
    );
  });

  it('::stacks groups give back the same group lines, members and frames', () => {
    const group = fc.record({
      thread: hex(1, 16),
      members: fc.array(hex(1, 16), { maxLength: 3 }),
      state: fc.constantFrom('SLEEP', 'RUN', 'ONPROC', 'FREE', 'STOPPED', 'PANIC', 'INVAL/7f', 'UNPARKED'),
      sobj: fc.constantFrom('CV', 'MUTEX', 'RWLOCK', 'SEMA', 'USER_PI', 'SHUTTLE', '<NONE>', '??'),
      count: fc.integer({ min: 1, max: 99_999_999 }),
      stack: fc.array(pc.map((p) => ({ ...p, args: null, fp: null, line: 0 })), { maxLength: 10 }),
      failure: fc.constantFrom(null, '<thread not in memory>', '<no consistent stack found>', '... truncated ...'),
    });
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 5 }), fc.constantFrom(8 as const, 16 as const), (gs: StacksGroupView[], w) => {
        const text = renderStacks(gs, { header: 'each', addrWidth: w });
        const r = parseStacks(textLines(text), noCommand);
        expect(r.unrecognized).toEqual([]);
        const recs = r.records as StacksGroupRecord[];
        expect(recs.map((g) => [g.thread, g.members.map((m) => m.thread), g.stateText, g.sobj, g.count, g.failure])).toEqual(
          gs.map((g) => [g.thread, g.members, g.state, g.sobj, g.count, g.failure]),
        );
        expect(recs.map((g) => stackFromGroup(g).map(strip))).toEqual(gs.map((g) => g.stack.map(strip)));
        // The spelling read back names the state it was printed for.
        expect(recs.map((g) => g.state)).toEqual(gs.map((g) => (g.state === null ? null : stateFromName(g.state))));
      }),
      { numRuns: 300 },
    );
  });
});
