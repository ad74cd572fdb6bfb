// `::panicinfo` prints cpu, thread, message and each register on a row of its own: each field of
// the model's Panic, and each register, points at the row it was read from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import type { PanicRecord, RegistersRecord } from '../../grammar/records.ts';

const read = (path: string) => analyzeText(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8'));

describe('::panicinfo lines', () => {
  it('hand-written: cpu on line 2, thread on 3, message on 4', () => {
    const a = read('handwritten/reading/stacks-attach.txt');
    expect(a.snapshot.panic).toEqual({
      message: 'BAD TRAP: type=e (#pf Page fault) rp=ffffff0007a05a10 addr=28',
      cpu: 1,
      thread: 'ffffff0007a05c40',
      lines: { cpu: 2, thread: 3, message: 4 },
    });
    const rec = a.records.find((r): r is PanicRecord => r.kind === 'panic')!;
    expect(rec.lines).toEqual({ cpu: 2, thread: 3, message: 4 });
  });

  it('real sample 020: ::panicinfo (prompt on line 17) wins over ::status, each field at its row', () => {
    const a = read('real/020-smartoslive-750-C-status-panicinfo-lx.txt');
    expect(a.snapshot.panic!.lines).toEqual({ cpu: 18, thread: 19, message: 20 });
    expect(a.snapshot.panic).toMatchObject({ cpu: 10, thread: 'ffffd0654dfb6840' });
    const regs = a.records.find((r): r is RegistersRecord => r.kind === 'registers')!;
    expect([regs.regs['rdi'], regs.regs['rcx']]).toEqual([
      { value: 'ffffd06317459429', line: 21 },
      { value: '2', line: 24 },
    ]);
  });

  it('a console panic header keeps all three fields on its one line', () => {
    const a = read('handwritten/reading/kmdb-panic-stack.txt');
    expect(a.snapshot.panic!.lines).toEqual({ message: 1, cpu: 1, thread: 1 });
  });
});
