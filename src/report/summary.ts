// What every report view shows first: counts by severity and the worst finding, in one order.
import type { Analysis } from '../analysis.ts';
import { SEVERITIES, type Finding, type Severity } from '../rules/types.ts';

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** Findings worst first; ties keep the rules' report order. */
export function sortedFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) || a.i - b.i)
    .map((x) => x.f);
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const c = { critical: 0, high: 0, medium: 0, low: 0, info: 0 } as Record<Severity, number>;
  for (const f of findings) c[f.severity]++;
  return c;
}

export function worstFinding(findings: readonly Finding[]): Finding | null {
  return sortedFindings(findings)[0] ?? null;
}

export function accountingLine(a: Analysis): string {
  const x = a.accounting;
  return `${x.lines} lines: ${x.parsed} parsed, ${x.prose} prose, ${x.unrecognized} unrecognized`;
}

/** Section kinds with counts, most frequent first: `cpuinfo 1, findstack 2`. */
export function sectionKinds(a: Analysis): string {
  const m = new Map<string, number>();
  for (const s of a.sections) m.set(s.kind, (m.get(s.kind) ?? 0) + 1);
  return [...m.entries()].map(([k, n]) => `${k} ${n}`).join(', ');
}

export const MAX_DIAGNOSTICS_SHOWN = 20;
