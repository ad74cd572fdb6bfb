// Why a runnable thread has not run: the dispatcher finding that says so, for the wait rules (a
// wait chain's head, a convoy's lock owner). Only a high or critical finding explains: a lower
// one rests on a bound (SWITCH, an interrupt at the instant of the dump), and a thread seen
// queued for an instant is what every busy system shows.
import { equalPriorityStarvation } from './equal-priority-starvation.ts';
import { interruptHog } from './interrupt-hog.ts';
import { atOrAbove } from './policy.ts';
import { priorityInversion } from './priority-inversion.ts';
import { runqStarvation } from './runq-starvation.ts';
import { strandedRunnable } from './stranded-runnable.ts';
import { taskqStarvation } from './taskq-starvation.ts';
import type { Thread } from '../model/snapshot.ts';
import type { Finding, Rule, RuleContext } from './types.ts';

/** The dispatcher rules whose findings can explain why a thread does not run. */
const DISPATCH_RULES: readonly Rule[] = [taskqStarvation, runqStarvation, strandedRunnable, equalPriorityStarvation, interruptHog, priorityInversion];

/** The high or critical dispatcher findings of one analysis, in rule order: run once per context, not once per thread asked about. */
const proven = new WeakMap<RuleContext, readonly Finding[]>();

function provenFindings(ctx: RuleContext): readonly Finding[] {
  let found = proven.get(ctx);
  if (found === undefined) {
    const all: Finding[] = [];
    for (const r of DISPATCH_RULES) {
      // A dispatcher rule that fails is reported by runRules on its own run: here it explains nothing.
      try {
        for (const f of r.run(ctx).findings) if (atOrAbove(f.severity, 'high')) all.push(f);
      } catch {
        continue;
      }
    }
    found = all;
    proven.set(ctx, found);
  }
  return found;
}

/** The first high or critical dispatcher finding about `t`: one naming it, else one about the CPU it is on or queued on. */
export function explaining(ctx: RuleContext, t: Thread): Finding | null {
  const cpu = t.queuedOn ?? t.onCpu;
  let byCpu: Finding | null = null;
  for (const f of provenFindings(ctx)) {
    if (t.addr !== null && f.threads?.includes(t.addr) === true) return f;
    if (byCpu === null && cpu !== null && f.cpu === cpu) byCpu = f;
  }
  return byCpu;
}
