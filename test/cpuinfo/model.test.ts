// cpuFromRecord: normalised addresses and the line each field came from.
import { describe, expect, it } from 'vitest';
import { cpuFromRecord, readCpu } from '../../src/model/cpu.ts';
import { analyzeText } from '../../src/analyze.ts';
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

describe('a THREAD cut by a line wrapped inside it', () => {
  // The seed's CPU 1 row wrapped at column 72 (`fold -w 72`): `... t-6620600 ffffff01d5a6`, then
  // `00c0 ` and `qemu-system-x86_` on lines of their own. THREAD reads 12 digits under a 16-digit ADDR.
  const row = '  1 ffffff01d3e32580  1f    4    0   0  yes    no t-6620600 ffffff01d5a6';
  const text = ['> ::cpuinfo', ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC', row, '00c0 ', ''].join('\n');

  it('is not used, and is said: a wrong address would name the wrong thread', () => {
    const said: [number, string][] = [];
    const body = text.split('\n').slice(1, 4).map((t, i) => ({ no: i + 2, text: t }));
    const [c1] = cpus(parse(body)).map((r) => readCpu(r, (line, message) => said.push([line, message])));
    expect(c1).toMatchObject({ id: 1, addr: 'ffffff01d3e32580', nrun: 4, runrun: true, switchTicks: 6620600, thread: null, proc: null });
    expect(c1?.lines['thread']).toBeUndefined();
    expect(said).toEqual([[3, expect.stringContaining('THREAD "ffffff01d5a6" has 12 hex digits where ADDR has 16')]]);
  });

  it('through the whole analysis: no thread, no finding and no evidence names the cut address', () => {
    const a = analyzeText(text);
    expect(a.snapshot.cpus.find((c) => c.id === 1)?.thread).toBeNull();
    expect(a.snapshot.threads.some((t) => t.addr === 'ffffff01d5a6')).toBe(false);
    expect(JSON.stringify(a.findings)).not.toContain('ffffff01d5a6 ');
    expect(a.diagnostics.map((d) => d.line)).toContain(3);
  });
});
