// The rule set, in report order. Each rule lives in its own module.
import { kpreemptThreshold } from './kpreempt-threshold.ts';
import { preemptionPending } from './preemption-pending.ts';
import { priorityInversion } from './priority-inversion.ts';
import { runqStarvation } from './runq-starvation.ts';
import { strandedRunnable } from './stranded-runnable.ts';
import { taskqStarvation } from './taskq-starvation.ts';
import { tsTimeleftOverrun } from './ts-timeleft-overrun.ts';
import { equalPriorityStarvation } from './equal-priority-starvation.ts';
import { interruptHog } from './interrupt-hog.ts';
import { deadlock } from './deadlock.ts';
import { waitChain } from './wait-chain.ts';
import { lockConvoy } from './lock-convoy.ts';
import { internalError } from '../../grammar/common/source.ts';
import type { Finding, Rule, RuleContext, RuleNote, RuleOptions } from './types.ts';

export const RULES: Rule[] = [
  kpreemptThreshold,
  runqStarvation,
  equalPriorityStarvation,
  interruptHog,
  tsTimeleftOverrun,
  preemptionPending,
  strandedRunnable,
  priorityInversion,
  taskqStarvation,
  deadlock,
  waitChain,
  lockConvoy,
];

/**
 * Defaults: starvation after 1 s; hz inferred from the input (hz, hires_tick, the OS build date),
 * else the default of the seed's era, said so in the findings (see time.ts).
 */
export const DEFAULT_RULE_OPTIONS: RuleOptions = { starvationSeconds: 1, assumedHz: null };

export function runRules(ctx: RuleContext, rules: readonly Rule[] = RULES): { findings: Finding[]; notes: RuleNote[] } {
  const findings: Finding[] = [];
  const notes: RuleNote[] = [];
  for (const rule of rules) {
    // A rule bug must not cost the other rules' findings: it becomes an internal note, with its
    // stack, so the run exits with the internal-error code instead of looking clean.
    try {
      const r = rule.run(ctx);
      // A loop, not push(...): a rule may return more findings than the call stack holds arguments.
      for (const f of r.findings) findings.push(f);
      for (const n of r.notes) notes.push(n);
    } catch (e) {
      const err = internalError(e);
      notes.push({ rule: rule.id, message: `internal error, rule skipped: ${err.message}`, kind: 'internal', stack: err.stack });
    }
  }
  return { findings, notes };
}
