// Grouping triage records by signature. A signature with no frames (the input showed no stacks)
// joins the one group of the same rule and detail that has frames, when there is exactly one:
// it is then marked partial, since only the rule and message matched.
import { severityRank } from '../rules/policy.ts';
import type { Severity } from '../rules/types.ts';
import type { TriageRecord } from './record.ts';

export interface TriageGroup {
  key: string;
  rule: string;
  detail: string | null;
  frames: string[];
  count: number;
  files: string[];
  /** Files that joined on rule and detail only (their input had no stacks). */
  partial: string[];
  known: string[];
  worst: Severity | null;
}

function worse(a: Severity | null, b: Severity | null): Severity | null {
  if (a === null) return b;
  if (b === null) return a;
  return severityRank(a) <= severityRank(b) ? a : b;
}

export function groupRecords(records: readonly TriageRecord[]): TriageGroup[] {
  const byKey = new Map<string, TriageGroup>();
  for (const r of records) {
    const s = r.signature;
    let g = byKey.get(s.key);
    if (g === undefined) {
      g = { key: s.key, rule: s.rule, detail: s.detail, frames: s.frames, count: 0, files: [], partial: [], known: [], worst: null };
      byKey.set(s.key, g);
    }
    g.count++;
    g.files.push(r.file);
    g.worst = worse(g.worst, r.worst);
    for (const k of r.known) if (!g.known.includes(k.id)) g.known.push(k.id);
  }
  const groups = [...byKey.values()];
  for (const g of groups.filter((x) => x.frames.length === 0 && x.rule !== 'none' && x.rule !== 'unreadable')) {
    const homes = groups.filter((h) => h !== g && h.frames.length > 0 && h.rule === g.rule && h.detail === g.detail && byKey.has(h.key));
    if (homes.length !== 1) continue;
    const home = homes[0]!;
    home.count += g.count;
    // A loop, not push(...): a group may hold more files than the call stack holds arguments.
    for (const f of g.files) {
      home.files.push(f);
      home.partial.push(f);
    }
    home.worst = worse(home.worst, g.worst);
    for (const k of g.known) if (!home.known.includes(k)) home.known.push(k);
    byKey.delete(g.key);
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
