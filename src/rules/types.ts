// Findings: what the rules say about a snapshot.
import type { Addr, DispatcherSnapshot } from '../model/snapshot.ts';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export interface Evidence {
  line: number;
  text: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  confidence: 'certain' | 'inferred';
  title: string;
  message: string;
  evidence: Evidence[];
  cpu?: number;
  threads?: Addr[];
  fix: string;
  confirm: string[];
  references: string[];
}

/** A rule that could not decide for lack of data says so here, instead of guessing. */
export interface RuleNote {
  rule: string;
  message: string;
  /** 'internal' when the rule itself failed (an exception): its verdict is missing, not negative. */
  kind?: 'internal';
  /** The exception's stack, kept for internal errors. */
  stack?: string;
}

export interface RuleContext {
  snapshot: DispatcherSnapshot;
  /** The original input lines (index 0 is line 1), for evidence text. */
  lines: readonly string[];
  options: RuleOptions;
  /**
   * Sections the input had, by kind, with how many of each: lets a rule with an empty snapshot say
   * "found but not read" instead of "not in the input". Absent when the caller does not know.
   */
  sectionsSeen?: ReadonlyMap<string, number>;
  /**
   * Why the CPUs shown may not be all the system had (mdb's pager or the writer cut ::cpuinfo,
   * or it was given one CPU's address); absent when nothing says so. A rule that reasons from
   * what no CPU did then says "no CPU shown".
   */
  cpusIncomplete?: string;
}

export interface RuleOptions {
  /** Starvation threshold in seconds (default 1). */
  starvationSeconds: number;
  /**
   * hz to use when the input shows none (`--hz`). null: infer it from what the input shows
   * (the OS build date) and fall back to the default of the seed's era, saying so.
   */
  assumedHz: number | null;
}

export interface Rule {
  id: string;
  title: string;
  run(ctx: RuleContext): { findings: Finding[]; notes: RuleNote[] };
}
