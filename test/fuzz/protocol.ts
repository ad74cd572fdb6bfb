// Messages between the fuzz pool and its worker threads.
import type { Failure } from './check.ts';
import type { MinimizeBudget } from './minimize.ts';

/**
 * A fault planted in the real code for a test of the fuzzer itself: a grammar (by section kind)
 * or an extra rule that throws on every call. The fuzzer must then fail, never pass.
 */
export type Injection = { kind: 'grammar'; section: import('../../src/ingest/types.ts').SectionKind } | { kind: 'rule' };

export interface WorkerInit {
  /** Use the harness's stand-in targets instead of the real code (tests of the harness itself). */
  selfTest: boolean;
  inject?: Injection;
}

export type Job =
  | { type: 'case'; seed: number; index: number }
  | { type: 'text'; text: string }
  /** The seed with a run queue of `entries` threads (test/fuzz/runq.ts) through every path. */
  | { type: 'runq'; entries: number }
  | { type: 'minimize'; text: string; signature: string; budget: MinimizeBudget };

export interface JobResult {
  type: 'result';
  failures: Failure[];
  fixture?: string;
  applied?: string[];
  chars?: number;
  /** The input, sent back only when it failed (or the minimized input). */
  text?: string;
}

export type WorkerMessage = JobResult | { type: 'ready'; missing: string[] } | { type: 'fatal'; message: string };
