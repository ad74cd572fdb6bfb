// Schema v2 (`--compact`): threads point at shared stacks by id and keep only their own frame
// fields; no whitespace; findings worst first in both schemas.
import { describe, expect, it } from 'vitest';
import { toAddr } from '../../illumos/index.ts';
import { jsonPieces, LazyArray } from '../../src/report/json-stream.ts';
import { joinPieces } from '../../src/report/sink.ts';
import { renderJson, StackTable, toJson } from '../../src/report/json.ts';
import { blankThread, type StackFrame, type Thread } from '../../src/model/snapshot.ts';
import { seedAnalysis } from './helpers.ts';

const frame = (func: string, offset: number, line: number, fp: string | null = null, args: string[] | null = null): StackFrame => ({ func, offset, args, fp, line });

function thread(addr: string, stack: StackFrame[] | null): Thread {
  return { ...blankThread(toAddr(addr)), stack };
}

describe('jsonPieces compact', () => {
  it('is JSON.stringify(v) with no whitespace, LazyArrays included', () => {
    const v = { a: [1, { b: 'x y' }], rows: new LazyArray([1, 2], (n) => ({ n })), big: Array.from({ length: 100 }, (_, i) => ({ i })), e: [], o: {} };
    const plain = { a: [1, { b: 'x y' }], rows: [{ n: 1 }, { n: 2 }], big: Array.from({ length: 100 }, (_, i) => ({ i })), e: [], o: {} };
    expect(joinPieces(jsonPieces(v, true))).toBe(JSON.stringify(plain) + '\n');
  });
});

describe('toJson compact (schema v2)', () => {
  // Two threads share swtch+0x10 / cv_wait+0x20 (different fp, args, lines), a third differs in
  // one offset, a fourth has no stack, a fifth has the first stack with nothing of its own (lean).
  const a = seedAnalysis();
  a.snapshot.threads = [
    thread('ffffff0000000010', [frame('swtch', 0x10, 5, 'ffffff0000001000', []), frame('cv_wait', 0x20, 6, 'ffffff0000001010', ['ffffff0000009000'])]),
    thread('ffffff0000000020', [frame('swtch', 0x10, 9, 'ffffff0000002000', []), frame('cv_wait', 0x20, 10, 'ffffff0000002010', ['ffffff0000009008'])]),
    thread('ffffff0000000030', [frame('swtch', 0x10, 13), frame('cv_wait', 0x24, 14)]),
    thread('ffffff0000000040', null),
    thread('ffffff0000000050', [frame('swtch', 0x10, 0), frame('cv_wait', 0x20, 0)]),
    // The saved-PC frame is part of the stack's shape: a stack of its own.
    thread('ffffff0000000060', [{ ...frame('_resume_from_idle', 0xf1, 0), saved: true }, frame('swtch', 0x10, 0), frame('cv_wait', 0x20, 0)]),
  ];
  const text = renderJson(a, {}, { compact: true });
  const doc = JSON.parse(text) as {
    version: number;
    snapshot: { stacks: { func: string; offset: number }[][]; threads: Record<string, unknown>[] };
    findings: { severity: string; rule: string }[];
  };

  it('is one line, version 2', () => {
    expect(text.endsWith('\n')).toBe(true);
    expect(text.slice(0, -1)).not.toMatch(/\n/);
    expect(doc.version).toBe(2);
  });

  it('lists each distinct stack once and gives threads its id', () => {
    expect(doc.snapshot.stacks).toEqual([
      [{ func: 'swtch', offset: 0x10 }, { func: 'cv_wait', offset: 0x20 }],
      [{ func: 'swtch', offset: 0x10 }, { func: 'cv_wait', offset: 0x24 }],
      [{ func: '_resume_from_idle', offset: 0xf1, saved: true }, { func: 'swtch', offset: 0x10 }, { func: 'cv_wait', offset: 0x20 }],
    ]);
    expect(doc.snapshot.threads.map((t) => t['stackId'])).toEqual([0, 0, 1, null, 0, 2]);
    expect(doc.snapshot.threads.every((t) => !('stack' in t))).toBe(true);
  });

  it('groups stacks whose hashes collide by their frames, past a full bucket too', () => {
    // The table hashes (length, then per frame: imul(h ^ funcId, 0x9e3779b1) ^ offset); the last
    // offset is XORed in last, so it can steer every stack to one hash. 20 distinct stacks, all in
    // one bucket (8 scanned, then keyed), each seen twice.
    const target = 12345;
    const stacks = Array.from({ length: 20 }, (_, i) => {
      // funcs f = 0, g = 1 (first seen); h after frame 0 = imul(2 ^ 0, C) ^ i.
      const h0 = Math.imul(2, 0x9e3779b1) ^ i;
      return [frame('f', i, 1), frame('g', target ^ Math.imul(h0 ^ 1, 0x9e3779b1), 2)];
    });
    const threads = [...stacks, ...stacks].map((st, k) => thread(`ffffff00000${(0x1000 + k).toString(16)}`, st));
    const table = new StackTable(threads);
    expect(table.stacks).toHaveLength(20);
    expect(threads.map((t) => table.idOf(t))).toEqual([...stacks.keys(), ...stacks.keys()]);
    // A stack with the same functions and offsets but one saved-PC mark more is another group.
    const saved = thread('ffffff0000009999', [{ ...stacks[3]![0]!, saved: true }, stacks[3]![1]!]);
    expect(new StackTable([...threads, saved]).idOf(saved)).toBe(20);
  });

  it('keeps only what a thread has of its own, and nothing when it has nothing', () => {
    expect(doc.snapshot.threads[0]!['frames']).toEqual([
      { line: 5, fp: 'ffffff0000001000', args: [] },
      { line: 6, fp: 'ffffff0000001010', args: ['ffffff0000009000'] },
    ]);
    expect(doc.snapshot.threads[2]!['frames']).toEqual([{ line: 13 }, { line: 14 }]);
    expect('frames' in doc.snapshot.threads[3]!).toBe(false);
    expect('frames' in doc.snapshot.threads[4]!).toBe(false);
    expect('frames' in doc.snapshot.threads[5]!).toBe(false);
  });

  it('is the v1 document otherwise, and v1 is unchanged in shape', () => {
    const v1 = JSON.parse(renderJson(a)) as { version: number; snapshot: { threads: { stack: unknown }[]; stacks?: unknown } };
    expect(v1.version).toBe(1);
    expect(v1.snapshot.stacks).toBeUndefined();
    expect(v1.snapshot.threads[0]!.stack).toEqual([
      { func: 'swtch', offset: 0x10, args: [], fp: 'ffffff0000001000', saved: false, line: 5 },
      { func: 'cv_wait', offset: 0x20, args: ['ffffff0000009000'], fp: 'ffffff0000001010', saved: false, line: 6 },
    ]);
    expect(text).toBe(JSON.stringify(toJson(a, {}, { compact: true })) + '\n');
    // Same thread keys in the same order, the stack replaced by its id and the thread's own frames.
    const v1Keys = Object.keys(v1.snapshot.threads[0]!);
    expect(Object.keys(doc.snapshot.threads[0]!)).toEqual(v1Keys.flatMap((k) => (k === 'stack' ? ['stackId', 'frames'] : [k])));
  });

  it('findings worst first: critical, then high certain (by rule id), then high inferred', () => {
    // The seed's rules report kpreempt-threshold (high, inferred) first and runq-starvation (critical) second.
    expect(doc.findings.map((f) => `${f.severity} ${f.rule}`)).toEqual([
      'critical runq-starvation',
      'high preemption-pending',
      'high ts-timeleft-overrun',
      'high kpreempt-threshold',
    ]);
  });
});
