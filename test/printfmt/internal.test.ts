// The print net: a grammar bug (the line describer made to throw on one line) costs that line
// only and shows as an internal error with its stack.
import { describe, expect, it, vi } from 'vitest';
import { parsePrint } from '../../grammar/print/index.ts';
import type { PrintRecord } from '../../grammar/records.ts';
import { ctx, linesOf } from './helpers.ts';

vi.mock('../../grammar/print/lines.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../grammar/print/lines.ts')>();
  return {
    ...real,
    describe: (cst: Parameters<typeof real.describe>[0], text: string) => {
      if (text.includes('t_pil')) throw new Error('injected grammar bug');
      return real.describe(cst, text);
    },
  };
});

describe('print net', () => {
  it('reports the throwing line as internal and reads the others', () => {
    const r = parsePrint(linesOf('    t_pri = 0x3c\n    t_pil = 0\n    t_epri = 0'), ctx('ffffff0007e01c40::print kthread_t t_pri t_pil t_epri'));
    expect(r.unrecognized).toHaveLength(1);
    expect(r.unrecognized[0]).toMatchObject({ line: 2, col: 1, kind: 'internal', message: 'internal error reading this ::print line: injected grammar bug' });
    expect(r.unrecognized[0]!.stack).toContain('injected grammar bug');
    expect((r.records[0] as PrintRecord).fields.map((f) => f.name)).toEqual(['t_pri', 't_epri']);
  });
});
