// The seed bug report's `::cpuinfo -v` (illumos #1532) read field by field, with line numbers.
import { describe, expect, it } from 'vitest';
import type { CpuRecord } from '../../grammar/records.ts';
import { cpuinfoCommand, cpus, handwritten, parse, seedSection } from './helpers.ts';

const cpu0: CpuRecord = {
  kind: 'cpu',
  line: 53,
  id: 0,
  addr: 'fffffffffbc486e0',
  flags: 0x1b,
  flagNames: ['RUNNING', 'READY', 'EXISTS', 'ENABLE'],
  nrun: 5,
  bspl: 0,
  pri: 108,
  runrun: false,
  kprunrun: false,
  switchTicks: 0,
  thread: 'ffffff00076cbc40',
  proc: 'sched',
  procLine: null,
  pil: [{ pil: 9, thread: 'ffffff00076cbc40', line: 56 }],
  pinned: { thread: 'ffffff0007605c40', proc: '(idle)', line: 57 },
  runq: [
    { pri: 99, thread: 'ffffff00076f5c40', proc: 'sched', line: 60 },
    { pri: 99, thread: 'ffffff00076fbc40', proc: 'sched', line: 61 },
    { pri: 99, thread: 'ffffff0007701c40', proc: 'sched', line: 62 },
    { pri: 60, thread: 'ffffff0007dbac40', proc: 'fsflush', line: 63 },
    { pri: 60, thread: 'ffffff0008910c40', proc: 'sched', line: 64 },
  ],
  addrWidth: 16,
  verbose: true,
};

const cpu1: CpuRecord = {
  kind: 'cpu',
  line: 67,
  id: 1,
  addr: 'ffffff01d3e32580',
  flags: 0x1f,
  flagNames: ['RUNNING', 'READY', 'QUIESCED', 'EXISTS', 'ENABLE'],
  nrun: 4,
  bspl: 0,
  pri: 0,
  runrun: true,
  kprunrun: false,
  switchTicks: 6620600,
  thread: 'ffffff01d5a600c0',
  proc: 'qemu-system-x86_',
  procLine: 68,
  pil: [],
  pinned: null,
  runq: [
    { pri: 99, thread: 'ffffff0007e01c40', proc: 'sched', line: 71 },
    { pri: 99, thread: 'ffffff0007e1fc40', proc: 'sched', line: 72 },
    { pri: 59, thread: 'ffffff01cfa6d7c0', proc: 'qemu-system-x86_', line: 73 },
    { pri: 59, thread: 'ffffff01e35b43c0', proc: 'qemu-system-x86_', line: 74 },
  ],
  addrWidth: 16,
  verbose: true,
};

describe('seed ::cpuinfo -v (lines 52-75)', () => {
  it('starts at the header and ends with the blank line', () => {
    const s = seedSection();
    expect(s[0]!.text.startsWith(' ID ADDR')).toBe(true);
    expect(s[s.length - 1]!.text).toBe('');
  });

  it('reads both CPUs exactly, with no diagnostics', () => {
    const r = parse(seedSection());
    expect(r.unrecognized).toEqual([]);
    expect(cpus(r)).toEqual([cpu0, cpu1]);
  });

  it('reads the same with the command known', () => {
    const r = parse(seedSection(), cpuinfoCommand(['-v']));
    expect(cpus(r)).toEqual([cpu0, cpu1]);
  });

  it('does not depend on trailing spaces (bug trackers strip them)', () => {
    const lines = handwritten('seed-trailing-stripped.txt').map((l) => ({ no: l.no + 51, text: l.text }));
    expect(lines.some((l) => l.text.endsWith(' '))).toBe(false);
    const r = parse(lines);
    expect(r.unrecognized).toEqual([]);
    expect(cpus(r)).toEqual([cpu0, cpu1]);
  });
});
