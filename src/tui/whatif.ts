// What-if for the TUI: the simulator's whatIf(analysis, changes) from the loaded snapshot, its
// outcomes turned into the panel's rows (clears, returns or remains, and after how long) and what
// was simulated (hz and its source, the kpreemptpri change and kpqpri).
import type { Analysis } from '../analysis.ts';
import { whatIf, type KpreemptMode } from '../sim/whatif.ts';
import type { TunableChanges, WhatIfReport } from './services.ts';
import { severityRank } from '../rules/policy.ts';
import type { Severity } from '../rules/types.ts';

export function simulateWhatIf(a: Analysis, changes: TunableChanges, mode: KpreemptMode = 'boot'): WhatIfReport {
  const r = whatIf(a, changes, { kpreemptpri: mode });
  return {
    // Worst first, as the findings list orders them (ties keep the rules' order).
    outcomes: sortedBySeverity(r.outcomes).map((o) => {
      let detail = o.detail;
      if (!o.assessable) detail = `not assessable: ${o.detail}`;
      else if (o.cleared && o.clearedWithoutChange) detail = `clears without the change too; ${o.detail}`;
      return { rule: o.rule, title: o.title, severity: o.severity, ...(o.cpu !== undefined ? { cpu: o.cpu } : {}), status: o.status, cleared: o.cleared, detail };
    }),
    run: { ticks: r.ticks, hz: r.hz, hzSource: r.hzSource, kpreemptpriMode: r.kpreemptpriMode, base: r.base, changed: r.changed },
    notes: r.notes,
  };
}

function sortedBySeverity<T extends { severity: Severity }>(xs: readonly T[]): T[] {
  return xs
    .map((x, i) => ({ x, i }))
    .sort((a, b) => severityRank(a.x.severity) - severityRank(b.x.severity) || a.i - b.i)
    .map((e) => e.x);
}
