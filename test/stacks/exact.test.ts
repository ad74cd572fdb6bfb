// Data-sized numbers are read exactly or refused with a diagnostic (issue 13): a `::stacks` COUNT
// or a `::threadlist` PRI/CLS past what a double or the C type holds never becomes a rounded value.
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../grammar/command/index.ts';
import { parseStacks } from '../../grammar/stacks/index.ts';
import { parseThreadlist } from '../../grammar/threadlist/index.ts';
import type { StacksGroupRecord, ThreadListRecord } from '../../grammar/records.ts';
import { fixtureLines, noCommand, textLines } from './helpers.ts';

function stacksWithCount(count: string) {
  return parseStacks(textLines(`THREAD           STATE    SOBJ                COUNT\nffffff0007c05c40 SLEEP    CV               ${count}\n                 swtch+0x141\n`), noCommand);
}

describe('::stacks COUNT', () => {
  it('keeps 2^53 - 1 exactly', () => {
    const r = stacksWithCount('9007199254740991');
    expect(r.unrecognized).toEqual([]);
    expect((r.records[0] as StacksGroupRecord).count).toBe(9007199254740991);
  });

  it.each(['9007199254740993', '100000000000000000000'])('refuses %s instead of rounding it', (count) => {
    const r = stacksWithCount(count);
    expect(r.unrecognized).toEqual([{ line: 2, col: 1, message: `stacks: COUNT '${count}' is too large to hold exactly` }]);
    // The group line is refused, so the frame after it starts a headerless group.
    expect(r.records.map((g) => (g as StacksGroupRecord).count)).toEqual([null]);
  });

  it('reads the state as a ThreadState and keeps an unknown spelling as text only', () => {
    const r = parseStacks(
      textLines('ffffff0007c05c40 PARKED   CV                      1\n\nffffff0007c05c41 INVAL/ff ??                      1\n\nffffff0007c05c42 NAPPING  CV                      1\n'),
      noCommand,
    );
    expect(r.unrecognized).toEqual([]);
    expect(r.records.map((g) => [(g as StacksGroupRecord).state, (g as StacksGroupRecord).stateText])).toEqual([
      ['parked', 'PARKED'],
      [null, 'INVAL/ff'],
      [null, 'NAPPING'],
    ]);
  });
});

describe('::threadlist -v PRI and CLS', () => {
  const cmd = { command: parseCommandLine('::threadlist -v') };
  const row = (cls: string, pri: string) => parseThreadlist(textLines(`ffffff0007c05c40 fffffffffbc2ea80 0 ${cls} ${pri} 0\n`), cmd);

  it('reads the idle thread -1 and a class id', () => {
    const r = row('0', '-1');
    expect(r.unrecognized).toEqual([]);
    expect(r.records[0]).toMatchObject({ cid: 0, pri: -1 } satisfies Partial<ThreadListRecord>);
  });

  it.each([
    ['1', '32768', "PRI '32768' is out of range (-32768..32767)"],
    ['1', '9007199254740993', "PRI '9007199254740993' is out of range (-32768..32767)"],
    ['2147483648', '60', "CLS '2147483648' is out of range (-2147483648..2147483647)"],
    ['100000000000000000000', '60', "CLS '100000000000000000000' is out of range (-2147483648..2147483647)"],
  ])('CLS %s PRI %s is refused', (cls, pri, why) => {
    const r = row(cls, pri);
    expect(r.records).toEqual([]);
    expect(r.unrecognized).toEqual([{ line: 1, col: 1, message: `threadlist: ${why}` }]);
  });
});

describe('::cpuinfo and ::panicinfo columns within their C types', () => {
  it('a run-queue PRI past pri_t and a PIL past 15 are refused, one diagnostic each', async () => {
    const { parseCpuinfo } = await import('../../grammar/cpuinfo/index.ts');
    const seed = fixtureLines('fixtures/seed/illumos-1532.txt', 52, 64).map((l) =>
      l.no === 56 ? { ...l, text: l.text.replace('  9 ffffff00076cbc40', ' 16 ffffff00076cbc40') } : l.no === 60 ? { ...l, text: l.text.replace('   99 ', '40000 ') } : l,
    );
    const r = parseCpuinfo(seed, noCommand);
    expect(r.unrecognized.map((d) => [d.line, d.message])).toEqual([
      [56, 'PIL out of range (0..15)'],
      [60, 'PRI out of range (-32768..32767)'],
    ]);
  });

  it('::panicinfo cpu past 2^53 is refused', async () => {
    const { parseRegisters } = await import('../../grammar/registers/index.ts');
    const r = parseRegisters(textLines('             cpu 9007199254740993\n          thread ffffff0007c05c40\n'), noCommand);
    expect(r.unrecognized).toEqual([{ line: 1, col: 18, message: "registers: cpu '9007199254740993' is not a CPU id" }]);
    expect(r.records).toEqual([{ kind: 'panic', line: 2, cpu: null, thread: 'ffffff0007c05c40', message: '', lines: { thread: 2 } }]);
  });
});
