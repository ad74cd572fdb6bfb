// The TUI's questions to the rules, answered by the rules: which hz the conversions use (the
// rules' resolveHz at the options the TUI analyses with) and which CPUs are marked starved.
import type { Analysis } from '../analysis.ts';
import { DEFAULT_RULE_OPTIONS } from '../rules/index.ts';
import { resolveHz, type HzInfo } from '../rules/time.ts';
import type { Finding } from '../rules/types.ts';
import { atOrAbove } from '../rules/policy.ts';

/** The hz the rules used for this analysis (the TUI analyses with the default rule options). */
export function hzOf(a: Pick<Analysis, 'snapshot' | 'lines'>): HzInfo {
  return resolveHz({ snapshot: a.snapshot, lines: a.lines, options: DEFAULT_RULE_OPTIONS });
}

/**
 * The one rule for the `!!` mark: a CPU is starved iff a finding names it (`cpu` set) and the
 * finding is run-queue starvation, or any finding of severity high or worse. So the mark can
 * never disagree with the findings list: it honours bound threads and the threshold because the
 * rules do.
 */
export function marksStarved(f: Finding): boolean {
  return f.cpu !== undefined && (f.rule === 'runq-starvation' || atOrAbove(f.severity, 'high'));
}

/** The CPUs the findings mark starved (see marksStarved). */
export function starvedCpus(findings: readonly Finding[]): Set<number> {
  const s = new Set<number>();
  for (const f of findings) if (marksStarved(f) && f.cpu !== undefined) s.add(f.cpu);
  return s;
}

/** The findings that mark one CPU, worst first as given. */
export function starvingFindings(findings: readonly Finding[], cpu: number): Finding[] {
  return findings.filter((f) => f.cpu === cpu && marksStarved(f));
}
