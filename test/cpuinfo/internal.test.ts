// The cpuinfo safety net: a grammar bug (here, a line reader made to throw) costs its line only,
// and shows as an internal error with its stack, never as an ordinary unreadable line.
import { describe, expect, it, vi } from 'vitest';
import { cpus, parse, seedSection } from './helpers.ts';

vi.mock('../../grammar/cpuinfo/lines.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../grammar/cpuinfo/lines.ts')>();
  return {
    ...real,
    // Throws on the seed's second CPU row (id 1) only.
    readLine: (cst: Parameters<typeof real.readLine>[0], text: string) => {
      if (text.startsWith('  1 ')) throw new Error('injected grammar bug');
      return real.readLine(cst, text);
    },
  };
});

describe('cpuinfo net', () => {
  it('turns the exception into one internal diagnostic with its stack', () => {
    const lines = seedSection();
    const row = lines.find((l) => l.text.startsWith('  1 '))!;
    const r = parse(lines);
    const internal = r.unrecognized.filter((d) => d.kind === 'internal');
    expect(internal).toHaveLength(1);
    expect(internal[0]).toMatchObject({ line: row.no, col: 1, message: 'internal error reading this ::cpuinfo line: injected grammar bug' });
    expect(internal[0]!.stack).toContain('injected grammar bug');
    expect(cpus(r).map((c) => c.id)).toEqual([0]);
  });
});
