// Row and -v variants: widths, odd cells, wrapped PROC cells, headers repeated or not.
import { describe, expect, it } from 'vitest';
import { cpuinfoCommand, cpus, fileLines, handwritten, parse, seedSection } from './helpers.ts';

describe('real 012 (aarch64, 11-wide header, 16-digit values)', () => {
  const section = fileLines('fixtures/real/012-richlowe-aarch64-cpuinfo-stacks-part1.txt', 2, 3);

  it('reads the plain row by tokens, not columns', () => {
    const r = parse(section, cpuinfoCommand([]));
    expect(r.unrecognized).toEqual([]);
    expect(cpus(r)).toEqual([
      {
        kind: 'cpu',
        line: 3,
        id: 0,
        addr: 'fffffffffe11b6a0',
        flags: 0x1b,
        flagNames: [],
        nrun: 0,
        bspl: 0,
        pri: 59,
        runrun: false,
        kprunrun: false,
        switchTicks: 5,
        thread: 'ffff80019fd70040',
        proc: 'mdb',
        procLine: null,
        pil: [],
        pinned: null,
        runq: null,
        addrWidth: 11,
        verbose: false,
      },
    ]);
  });

  it('is plain even without the command (one header, no -v lines)', () => {
    const [c] = cpus(parse(section));
    expect(c?.verbose).toBe(false);
    expect(c?.runq).toBeNull();
  });
});

describe('32-bit -v (hand-written)', () => {
  const r = parse(handwritten('32bit-v.txt'));
  const [c0, c1] = cpus(r);

  it('reads the 8-wide header, rows and margin', () => {
    expect(r.unrecognized).toEqual([]);
    expect(c0).toMatchObject({
      id: 0,
      addr: 'fec24f60',
      flags: 0x1b,
      nrun: 1,
      bspl: 6,
      pri: 109,
      runrun: false,
      kprunrun: true,
      switchTicks: 12,
      thread: 'd4a3dde0',
      proc: 'sched',
      addrWidth: 8,
      verbose: true,
      flagNames: ['RUNNING', 'READY', 'EXISTS', 'ENABLE'],
    });
  });

  it('reads the PIL block, the pinned thread and the queue', () => {
    expect(c0?.pil).toEqual([{ pil: 10, thread: 'd4a3dde0', line: 5 }]);
    expect(c0?.pinned).toEqual({ thread: 'd4a7bde0', proc: '(idle)', line: 6 });
    expect(c0?.runq).toEqual([{ pri: 60, thread: 'd4b2fde0', proc: 'sched', line: 9 }]);
  });

  it('reads the idle CPU with PRI -1 and no queue', () => {
    expect(c1).toMatchObject({ id: 1, pri: -1, proc: '(idle)', runq: [], pil: [], pinned: null, line: 12 });
    expect(c1?.flagNames).toEqual(['RUNNING', 'READY', 'EXISTS', 'ENABLE']);
  });
});

describe('amd64 -v variants (hand-written)', () => {
  it('idle CPU, no queue: margin lines alone', () => {
    const r = parse(handwritten('idle-v-no-queue.txt'));
    expect(r.unrecognized).toEqual([]);
    expect(cpus(r)).toHaveLength(1);
    expect(cpus(r)[0]).toMatchObject({
      id: 2,
      pri: -1,
      switchTicks: 3,
      proc: '(idle)',
      flagNames: ['RUNNING', 'READY', 'EXISTS', 'ENABLE'],
      runq: [],
      pil: [],
      verbose: true,
    });
  });

  it('offline and powered-off CPUs', () => {
    const r = parse(handwritten('offline-poweroff-v.txt'));
    expect(r.unrecognized).toEqual([]);
    const [off, pow] = cpus(r);
    expect(off).toMatchObject({ id: 3, flags: 0x2f, switchTicks: 51234, flagNames: ['RUNNING', 'READY', 'QUIESCED', 'EXISTS', 'OFFLINE'] });
    expect(pow).toMatchObject({ id: 4, flags: 0x64, switchTicks: null, flagNames: ['QUIESCED', 'OFFLINE', 'POWEROFF'] });
  });

  it('interrupt thread with no queue (space instead of the connector bar)', () => {
    const r = parse(handwritten('pil-no-queue-v.txt'));
    expect(r.unrecognized).toEqual([]);
    const [c] = cpus(r);
    expect(c?.pil).toEqual([{ pil: 2, thread: 'fffffcc26a3c5c20', line: 5 }]);
    expect(c?.pinned).toEqual({ thread: 'fffffe2373a2e0e0', proc: 'nginx', line: 6 });
    expect(c?.runq).toEqual([]);
    expect(c?.flagNames).toEqual(['RUNNING', 'READY', 'EXISTS', 'ENABLE']);
  });

  it('11-wide -v: margin at column 18, values wider than the columns', () => {
    const r = parse(handwritten('lp64-11-v.txt'));
    expect(r.unrecognized).toEqual([]);
    const [c] = cpus(r);
    expect(c).toMatchObject({ addrWidth: 11, addr: 'fffffffffe11b6a0', runrun: true, flagNames: ['RUNNING', 'READY', 'EXISTS', 'ENABLE'] });
    expect(c?.runq).toEqual([
      { pri: 60, thread: 'ffff800045187c20', proc: 'sched', line: 5 },
      { pri: 59, thread: 'ffff80019b4a83e0', proc: 'bhyve', line: 6 },
    ]);
  });
});

describe('odd cells in plain ::cpuinfo (hand-written)', () => {
  const r = parse(handwritten('odd-cells.txt'), cpuinfoCommand([]));
  const rows = cpus(r);

  it('reads every row', () => {
    expect(r.unrecognized).toEqual([]);
    expect(rows.map((c) => c.id)).toEqual([0, 1, 2, 3]);
  });
  it('t--12 is a negative SWITCH', () => {
    expect(rows[0]).toMatchObject({ switchTicks: -12, runrun: true, proc: 'java' });
  });
  it('SWITCH - is null', () => {
    expect(rows[1]).toMatchObject({ switchTicks: null, pri: -1, proc: '(idle)' });
  });
  it('PRI - is null, PROC ? kept', () => {
    expect(rows[2]).toMatchObject({ pri: null, switchTicks: 40, proc: '?', nrun: 2 });
  });
  it('NULL thread with PROC -', () => {
    expect(rows[3]).toMatchObject({ pri: null, switchTicks: null, thread: '0000000000000000', proc: '-', flags: 0x19 });
  });
});

describe('PROC wrapped by pre-2019 mdb at 80 columns (hand-written)', () => {
  const r = parse(handwritten('wrapped-80.txt'));
  const rows = cpus(r);

  it('joins " (idle)" and a name at column 0 to their rows', () => {
    expect(r.unrecognized).toEqual([]);
    expect(rows.map((c) => [c.id, c.proc, c.procLine])).toEqual([
      [0, '(idle)', 3],
      [1, 'fsflush', 5],
      [2, 'sched', null],
    ]);
  });

  it('a row with no PROC and nothing after it keeps proc null', () => {
    const lines = handwritten('wrapped-80.txt').slice(0, 2);
    const [c] = cpus(parse(lines));
    expect(c?.proc).toBeNull();
    expect(c?.procLine).toBeNull();
  });
});

describe('headers and verbosity', () => {
  it('accepts a section pasted without its header (width from the address)', () => {
    const lines = handwritten('32bit-v.txt').slice(1);
    const r = parse(lines);
    expect(r.unrecognized).toEqual([]);
    expect(cpus(r)[0]).toMatchObject({ addrWidth: 8, pil: [{ pil: 10, thread: 'd4a3dde0', line: 5 }] });
  });

  it('a header repeated per CPU means -v even when no -v lines survive', () => {
    const lines = handwritten('32bit-v.txt').filter((l) => l.text.startsWith(' ID') || /^ {2}\d/.test(l.text));
    const r = parse(lines);
    expect(cpus(r).map((c) => c.verbose)).toEqual([true, true]);
  });

  it('takes -v from the adb macro $<cpus', () => {
    const lines = handwritten('wrapped-80.txt');
    const r = parse(lines, { text: '$<cpus', stages: [{ addr: null, count: null, verb: 'macro', name: 'cpus', args: [] }] });
    expect(cpus(r).every((c) => c.verbose && c.runq !== null)).toBe(true);
  });

  it('treats a stray CR (CRLF paste) as a blank, not part of a name', () => {
    const lines = seedSection().map((l) => ({ ...l, text: l.text + '\r' }));
    const r = parse(lines);
    expect(r.unrecognized).toEqual([]);
    expect(cpus(r).map((c) => c.proc)).toEqual(['sched', 'qemu-system-x86_']);
    expect(cpus(r)[0]!.runq!.map((q) => q.proc)).toEqual(['sched', 'sched', 'sched', 'fsflush', 'sched']);
  });

  it('ignores blank lines', () => {
    const lines = handwritten('odd-cells.txt').flatMap((l) => [l, { no: l.no + 100, text: '   ' }]);
    const r = parse(lines);
    expect(r.unrecognized).toEqual([]);
    expect(cpus(r)).toHaveLength(4);
  });
});
