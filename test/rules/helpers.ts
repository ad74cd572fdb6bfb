// Test helpers: hand-built snapshots and contexts; the seed's snapshot comes from the real pipeline.
import { readFileSync } from 'node:fs';
import { blankThread, type Cpu, type DispatcherSnapshot, type StackFrame, type Thread } from '../../src/model/snapshot.ts';
import { DEFAULT_RULE_OPTIONS } from '../../src/rules/index.ts';
import type { RuleContext, RuleOptions } from '../../src/rules/types.ts';
import { asAddr, brand, type Loose } from '../model/loose.ts';
import { SEED_PATH, seedAnalysis } from '../seed.ts';

export { SEED_PATH };

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

/** The seed report's snapshot as the real pipeline builds it (the shared seed helper, test/seed.ts). */
export function seedSnapshot(): DispatcherSnapshot {
  return seedAnalysis().snapshot;
}
