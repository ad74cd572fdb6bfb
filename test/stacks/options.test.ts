// One reading of dcmd options (hasOption), as mdb_getopts reads them, and the grammars that use it.
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../grammar/command/index.ts';
import { hasOption, lastStage } from '../../grammar/common/command-types.ts';
import { parseFindstack } from '../../grammar/findstack/index.ts';
import { parseThreadlist } from '../../grammar/threadlist/index.ts';
import { parseThread } from '../../grammar/thread/index.ts';
import type { StackRecord, ThreadListRecord, ThreadSummaryRecord } from '../../grammar/records.ts';
import { textLines } from './helpers.ts';

const stage = (cmd: string) => lastStage(parseCommandLine(cmd));

describe('hasOption', () => {
  it('finds a letter alone or in a cluster, in either order', () => {
    expect(hasOption(stage('::findstack -v'), 'v')).toBe(true);
    expect(hasOption(stage('::findstack -sv'), 'v')).toBe(true);
    expect(hasOption(stage('::findstack -vs'), 'v')).toBe(true);
    expect(hasOption(stage('::findstack -s -v'), 'v')).toBe(true);
    expect(hasOption(stage('::findstack -s'), 'v')).toBe(false);
    expect(hasOption(stage('::findstack'), 'v')).toBe(false);
    expect(hasOption(null, 'v')).toBe(false);
  });

  it('stops at the first argument that is not an option', () => {
    expect(hasOption(stage('::print kthread_t -v'), 'v')).toBe(false);
    expect(hasOption(stage('::print -a kthread_t'), 'a')).toBe(true);
  });

  it('does not read letters inside an option value as options', () => {
    // -c takes a value: `-cvfoo` is -c with the value `vfoo`, and `-c v` is -c with `v`.
    expect(hasOption(stage('::stacks -cvfoo'), 'v', 'c')).toBe(false);
    expect(hasOption(stage('::stacks -c v -a'), 'a', 'c')).toBe(true);
    expect(hasOption(stage('::stacks -c -v'), 'v', 'c')).toBe(false);
  });
});

describe('grammars read -v the same way', () => {
  const block = textLines('stack pointer for thread ffffff0007e01c40: ffffff0007e01b60\n  ffffff0007e01b90 swtch+0x141()\n');

  it('::findstack -sv and -vs are the verbose form', () => {
    for (const cmd of ['::findstack -v', '::findstack -sv', '::findstack -vs']) {
      const r = parseFindstack(block, { command: parseCommandLine(`ffffff0007e01c40${cmd}`) });
      expect((r.records[0] as StackRecord).source, cmd).toBe('findstack-v');
    }
    const plain = parseFindstack(block, { command: parseCommandLine('ffffff0007e01c40::findstack -s') });
    expect((plain.records[0] as StackRecord).source).toBe('findstack');
  });

  it('::threadlist -sv reads rows as -v rows (CLS PRI WCHAN)', () => {
    const row = textLines('ffffff0007c05c40 fffffffffbc2ea80 0 0 60 ffffff0007c05c40\n');
    const r = parseThreadlist(row, { command: parseCommandLine('::threadlist -sv') });
    expect(r.unrecognized).toEqual([]);
    expect(r.records[0]).toMatchObject({ cid: 0, pri: 60, wchan: 'ffffff0007c05c40', desc: null } satisfies Partial<ThreadListRecord>);
  });

  it('::thread -bi with no header lays the columns out in p i b s d order on two lines', () => {
    const lines = textLines('ffffff0007e01c40 sleep 8 0 3 60 0 0 n/a\n                 ffffff01d2c77e90 ffffff01d2b0a5c8 0 cv\n');
    const r = parseThread(lines, { command: parseCommandLine('::thread -bi') });
    expect(r.unrecognized).toEqual([]);
    const t = r.records[0] as ThreadSummaryRecord;
    expect(t.state).toBe('sleep');
    expect(t.columns).toMatchObject({ STATE: 'sleep', PRI: '60', WCHAN: 'ffffff01d2c77e90', 'SOBJ OPS': 'cv' });
  });
});
