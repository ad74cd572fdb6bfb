// The rule set, in report order. Each rule lives in its own module.
import { kpreemptThreshold } from './kpreempt-threshold.ts';
import { preemptionPending } from './preemption-pending.ts';
import { priorityInversion } from './priority-inversion.ts';
import { runqStarvation } from './runq-starvation.ts';
import { strandedRunnable } from './stranded-runnable.ts';
import { taskqStarvation } from './taskq-starvation.ts';
import { tsTimeleftOverrun } from './ts-timeleft-overrun.ts';
import { internalError } from '../../grammar/common/source.ts';
import type { Finding, Rule, RuleContext, RuleNote, RuleOptions } from './types.ts';

export const RULES: Rule[] = [
  kpreemptThreshold,
  runqStarvation,
  tsTimeleftOverrun,
  preemptionPending,
  strandedRunnable,
  priorityInversion,
  taskqStarvation,
];

/** Defaults: starvation after 1 s; hz 100 (the pre-2020 default) when the input does not show hz. */
export const DEFAULT_RULE_OPTIONS: RuleOptions = { starvationSeconds: 1, assumedHz: 100 };

export function runRules(ctx: RuleContext, rules: readonly Rule[] = RULES): { findings: Finding[]; notes: RuleNote[] } {
  const findings: Finding[] = [];
  const notes: RuleNote[] = [];
  for (const rule of rules) {
    // A rule bug must not cost the other rules' findings: it becomes a note (errors are values).
    try {
      const r = rule.run(ctx);
      findings.push(...r.findings);
      notes.push(...r.notes);
    } catch (e) {
      const err = internalError(e);
      notes.push({ rule: rule.id, message: `internal error, rule skipped: ${err.message}`, kind: 'internal', stack: err.stack });
    }
  }
  return { findings, notes };
}
