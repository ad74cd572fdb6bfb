// cpuFromRecord: normalised addresses and the line each field came from.
import { describe, expect, it } from 'vitest';
import { cpuFromRecord } from '../../src/model/cpu.ts';
import { cpus, handwritten, parse, seedSection } from './helpers.ts';

describe('cpuFromRecord', () => {
  const [c0, c1] = cpus(parse(seedSection())).map(cpuFromRecord);

  it('keeps the values of the row and the blocks', () => {
    expect(c0).toMatchObject({ id: 0, addr: 'fffffffffbc486e0', flags: 0x1b, nrun: 5, pri: 108, thread: 'ffffff00076cbc40', proc: 'sched' });
    expect(c0?.pinned).toEqual({ thread: 'ffffff0007605c40', proc: '(idle)', line: 57 });
    expect(c1?.runq?.map((q) => [q.pri, q.thread, q.line])).toEqual([
      [99, 'ffffff0007e01c40', 71],
      [99, 'ffffff0007e1fc40', 72],
      [59, 'ffffff01cfa6d7c0', 73],
      [59, 'ffffff01e35b43c0', 74],
    ]);
  });

  it('points row fields at the row, a wrapped name at its own line, blocks at their first entry', () => {
    expect(c1?.lines).toEqual({
      id: 67,
      addr: 67,
      flags: 67,
      nrun: 67,
      bspl: 67,
      pri: 67,
      runrun: 67,
      kprunrun: 67,
      switchTicks: 67,
      thread: 67,
      proc: 68,
      runq: 71,
    });
    expect(c0?.lines).toMatchObject({ proc: 53, pil: 56, pinned: 57, runq: 60 });
  });

  it('normalises zero-padded addresses (a NULL thread is 0) and leaves no line for unread values', () => {
    const rows = cpus(parse(handwritten('odd-cells.txt'))).map(cpuFromRecord);
    const nullThread = rows[3]!;
    expect(nullThread.thread).toBe('0');
    expect(nullThread.pri).toBeNull();
    expect(nullThread.lines['pri']).toBeUndefined();
    expect(nullThread.lines['switchTicks']).toBeUndefined();
    const small = cpus(parse(handwritten('32bit-v.txt'))).map(cpuFromRecord)[0]!;
    expect(small.addr).toBe('fec24f60');
  });

  it('copies the record (changing the Cpu does not change the record)', () => {
    const rec = cpus(parse(seedSection()))[0]!;
    const c = cpuFromRecord(rec);
    c.flagNames.push('X');
    c.runq!.pop();
    expect(rec.flagNames).toHaveLength(4);
    expect(rec.runq).toHaveLength(5);
  });
});
