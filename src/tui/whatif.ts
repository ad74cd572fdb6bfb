// What-if for the TUI: the simulator's whatIf(analysis, changes) from the loaded snapshot, its
// outcomes turned into the panel's rows (whether each finding clears, and after how long).
import type { Analysis } from '../analysis.ts';
import { whatIf } from '../sim/whatif.ts';
import type { TunableChanges, WhatIfReport } from './services.ts';
import { shortTicks } from '../rules/policy.ts';

export function simulateWhatIf(a: Analysis, changes: TunableChanges): WhatIfReport {
  const r = whatIf(a, changes);
  return {
    outcomes: r.outcomes.map((o) => {
      let detail = o.detail;
      if (!o.assessable) detail = `not assessable: ${o.detail}`;
      else if (o.cleared && o.clearedWithoutChange) detail = `clears without the change too; ${o.detail}`;
      return { rule: o.rule, title: o.title, severity: o.severity, ...(o.cpu !== undefined ? { cpu: o.cpu } : {}), cleared: o.cleared, detail };
    }),
    notes: [`simulated ${shortTicks(r.ticks, r.hz)} forward from the dump at hz ${r.hz}`, ...r.notes],
  };
}
