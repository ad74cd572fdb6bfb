// The rule set, in report order. Each rule lives in its own module.
import type { Finding, Rule, RuleContext, RuleNote } from './types.ts';

export const RULES: Rule[] = [];

export function runRules(ctx: RuleContext): { findings: Finding[]; notes: RuleNote[] } {
  const findings: Finding[] = [];
  const notes: RuleNote[] = [];
  for (const rule of RULES) {
    const r = rule.run(ctx);
    findings.push(...r.findings);
    notes.push(...r.notes);
  }
  return { findings, notes };
}
