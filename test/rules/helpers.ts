// Test helpers: hand-built snapshots (the seed's, as the pipeline should produce it) and contexts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { blankThread, emptySnapshot, type Cpu, type DispatcherSnapshot, type StackFrame, type Thread } from '../../src/model/snapshot.ts';
import { DEFAULT_RULE_OPTIONS } from '../../src/rules/index.ts';
import type { RuleContext, RuleOptions } from '../../src/rules/types.ts';
import { asAddr, brand, type Loose } from '../model/loose.ts';

export const SEED_PATH = fileURLToPath(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url));

export function readLines(path: string): string[] {
  return readFileSync(path, 'utf8').split(/\r?\n/);
}

/** A Cpu written with plain address strings (see Loose). */
export function mkCpu(loose: Loose<Partial<Cpu>> & { id: number }): Cpu {
  const p = brand<Partial<Cpu>>(loose);
  return {
    addr: null,
    flags: 0x1b,
    flagNames: [],
    nrun: p.runq ? p.runq.length : 0,
    bspl: 0,
    pri: null,
    runrun: false,
    kprunrun: false,
    switchTicks: 0,
    thread: null,
    proc: null,
    pil: [],
    pinned: null,
    runq: null,
    lines: {},
    ...p,
    id: loose.id,
  };
}

export function mkThread(at: string, p: Loose<Partial<Thread>> = {}): Thread {
  return { ...blankThread(asAddr(at)), ...brand<Partial<Thread>>(p) };
}

export function frames(list: [string, number][], savedFirst = false): StackFrame[] {
  return list.map(([func, line], i) => ({ func, offset: null, args: null, fp: null, line, ...(savedFirst && i === 0 ? { saved: true } : {}) }));
}

/** Padded blank lines so hand-built snapshots can cite line numbers without a file. */
export function blankLines(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `line ${i + 1}`);
}

export function ctx(snapshot: DispatcherSnapshot, lines: readonly string[], options: Partial<RuleOptions> = {}): RuleContext {
  return { snapshot, lines, options: { ...DEFAULT_RULE_OPTIONS, ...options } };
}

/** The seed report's snapshot, built by hand with the seed file's line numbers (issue's "seed snapshot"). */
export function seedSnapshot(): DispatcherSnapshot {
  const s = emptySnapshot();
  const row = (l: number) => ({ id: l, addr: l, flags: l, nrun: l, bspl: l, pri: l, runrun: l, kprunrun: l, switchTicks: l, thread: l });
  s.cpus.push(
    mkCpu({
      id: 0,
      addr: 'fffffffffbc486e0',
      flags: 0x1b,
      flagNames: ['RUNNING', 'READY', 'EXISTS', 'ENABLE'],
      nrun: 5,
      pri: 108,
      runrun: false,
      kprunrun: false,
      switchTicks: 0,
      thread: 'ffffff00076cbc40',
      proc: 'sched',
      pil: [{ pil: 9, thread: 'ffffff00076cbc40', line: 56 }],
      pinned: { thread: 'ffffff0007605c40', proc: '(idle)', line: 57 },
      runq: [
        { pri: 99, thread: 'ffffff00076f5c40', proc: 'sched', line: 60 },
        { pri: 99, thread: 'ffffff00076fbc40', proc: 'sched', line: 61 },
        { pri: 99, thread: 'ffffff0007701c40', proc: 'sched', line: 62 },
        { pri: 60, thread: 'ffffff0007dbac40', proc: 'fsflush', line: 63 },
        { pri: 60, thread: 'ffffff0008910c40', proc: 'sched', line: 64 },
      ],
      lines: { ...row(53), proc: 53 },
    }),
    mkCpu({
      id: 1,
      addr: 'ffffff01d3e32580',
      flags: 0x1f,
      flagNames: ['RUNNING', 'READY', 'QUIESCED', 'EXISTS', 'ENABLE'],
      nrun: 4,
      pri: 0,
      runrun: true,
      kprunrun: false,
      switchTicks: 6620600,
      thread: 'ffffff01d5a600c0',
      proc: 'qemu-system-x86_',
      runq: [
        { pri: 99, thread: 'ffffff0007e01c40', proc: 'sched', line: 71 },
        { pri: 99, thread: 'ffffff0007e1fc40', proc: 'sched', line: 72 },
        { pri: 59, thread: 'ffffff01cfa6d7c0', proc: 'qemu-system-x86_', line: 73 },
        { pri: 59, thread: 'ffffff01e35b43c0', proc: 'qemu-system-x86_', line: 74 },
      ],
      lines: { ...row(67), proc: 68 },
    }),
  );
  s.threads.push(
    mkThread('ffffff01d5a600c0', { proc: 'qemu-system-x86_', pri: 0, state: 'onproc', onCpu: 1, cldata: 'ffffff01dde41b90', tsTimeleft: -6618541, lines: { cldata: 80, tsTimeleft: 82, addr: 67 } }),
    mkThread('ffffff0007e01c40', {
      proc: 'sched',
      pri: 99,
      state: 'run',
      queuedOn: 1,
      stack: frames([['_resume_from_idle', 108], ['swtch', 109], ['cv_wait', 110], ['mac_soft_ring_worker', 111], ['thread_start', 112]], true),
      lines: { addr: 107 },
    }),
    mkThread('ffffff0007e1fc40', {
      proc: 'sched',
      pri: 99,
      state: 'run',
      queuedOn: 1,
      stack: frames([['_resume_from_idle', 115], ['swtch', 116], ['cv_wait', 117], ['squeue_worker', 118], ['thread_start', 119]], true),
      lines: { addr: 114 },
    }),
  );
  return s;
}
