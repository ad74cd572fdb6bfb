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
}

export interface RuleOptions {
  /** Starvation threshold in seconds (default 1). */
  starvationSeconds: number;
  /** hz to assume when the input does not show it. */
  assumedHz: number;
}

export interface Rule {
  id: string;
  title: string;
  run(ctx: RuleContext): { findings: Finding[]; notes: RuleNote[] };
}
