// Bounded work per line (issue 13): a token-dense line inside `::print` (megabytes of `[[[` or
// `{{{`, which once exhausted the heap) is one unrecognized line with a diagnostic saying why,
// read in time linear in its length and without memory in proportion to its tokens. Also the
// print net: a grammar bug shows as an internal error, not as an unreadable line.
import { describe, expect, it } from 'vitest';
import { parsePrint } from '../../grammar/print/index.ts';
import { MAX_LINE_CHARS } from '../../grammar/common/lines.ts';
import { guarded } from '../../grammar/common/diagnostics.ts';
import type { Diagnostic } from '../../grammar/common/source.ts';
import { ctx, linesOf } from './helpers.ts';

const MB = 1024 * 1024;

function heapAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

describe('token-dense ::print lines', () => {
  it.each([
    ['[[[', (n: number) => 't_cldata = ' + '['.repeat(n)],
    ['{{{', (n: number) => '{'.repeat(n)],
  ])('%s: 20 MB on one line is one diagnostic, fast and small', (_name, make) => {
    const text = make(20 * MB);
    const lines = linesOf(`${text}\n    t_pri = 0x3c`);
    const before = heapAfterGc();
    const t0 = performance.now();
    const r = parsePrint(lines, ctx('ffffff0007e01c40::print kthread_t'));
    const ms = performance.now() - t0;
    const grew = process.memoryUsage().heapUsed - before;
    expect(r.unrecognized).toEqual([
      { line: 1, col: 1, message: `::print: line of ${text.length} characters not read (the limit is ${MAX_LINE_CHARS} per line)` },
    ]);
    // The line after it is still read.
    expect(r.records).toHaveLength(1);
    expect(ms).toBeLessThan(5_000);
    // 20 M tokens would take gigabytes; a refused line costs about nothing beyond its text.
    expect(grew).toBeLessThan(64 * MB);
  });

  it('a line just under the limit is still read', () => {
    const value = '"' + 'a'.repeat(MAX_LINE_CHARS - 20) + '"';
    const r = parsePrint(linesOf(`    u_comm = ${value}`), ctx('ffffff0007e01c40::print proc_t p_user.u_comm'));
    expect(r.unrecognized).toEqual([]);
    expect(r.records).toHaveLength(1);
  });
});

describe('guarded', () => {
  it('turns an exception into an internal diagnostic on that line, stack kept', () => {
    const out: Diagnostic[] = [];
    guarded(out, 12, '::print', () => {
      throw new Error('boom');
    });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ line: 12, col: 1, kind: 'internal', message: 'internal error reading this ::print line: boom' });
    expect(out[0]!.stack).toContain('boom');
  });

  it('adds nothing when the line reads', () => {
    const out: Diagnostic[] = [];
    guarded(out, 12, '::print', () => {});
    expect(out).toEqual([]);
  });
});
