// Grouping triage records by signature: one group per failure, and one each for healthy reports,
// reports with nothing to judge, unreadable ones and internal errors, each labelled for what it is.
// A panic signature with no frames (no stacks pasted) joins the one group of the same panic
// message that has frames, when there is exactly one: it is then marked partial.
import { severityRank } from '../rules/policy.ts';
import type { Severity } from '../rules/types.ts';
import type { TriageRecord } from './record.ts';
import type { SignatureKind } from './signature.ts';

export interface TriageGroup {
  key: string;
  /** v2: what the group is: a failure (finding, panic) or healthy / fragment (v3) / empty / unreadable / internal. */
  kind: SignatureKind;
  /** v2: the group's name for people: the rules and culprit band, or `healthy`, `no dispatcher state`, `nothing to judge`, ... */
  label: string;
  rule: string;
  detail: string | null;
  frames: string[];
  count: number;
  files: string[];
  /** Files that joined on rule and detail only (their input had no stacks). */
  partial: string[];
  known: string[];
  /**
   * The ids in `known` that no report of the group proves (every finding the match rests on is
   * below high): the group resembles the issue, as kpreemptpri 100 does on every pre-fix kernel.
   */
  resembles: string[];
  worst: Severity | null;
}

const PLAIN_LABELS: Record<string, string> = { healthy: 'healthy', fragment: 'not judged', empty: 'nothing to judge', unreadable: 'unreadable', internal: 'internal error' };

export function groupLabel(s: TriageRecord['signature']): string {
  if (s.kind === 'finding') {
    // The other rules are counted, not named: the label must fit a table cell (`rules` lists them).
    const others = s.rules.filter((r) => r !== s.rule).length;
    return `${s.rule}${others > 0 ? ` + ${others} more` : ''}${s.band !== null ? `, culprit ${s.band}` : ''}`;
  }
  if (s.kind === 'panic') return `panic: ${s.detail ?? ''}`;
  return PLAIN_LABELS[s.kind] ?? s.kind;
}

function worse(a: Severity | null, b: Severity | null): Severity | null {
  if (a === null) return b;
  if (b === null) return a;
  return severityRank(a) <= severityRank(b) ? a : b;
}

/** A group's known issues for people: each id, marked when no report of the group proves it. */
export function knownText(g: Pick<TriageGroup, 'known' | 'resembles'>, name: (id: string) => string = (id) => id): string {
  return g.known.map((id) => name(id) + (g.resembles.includes(id) ? ' (resembles: not proven)' : '')).join('; ');
}

/** Worst severity first (groups with none last), then the bigger group, then by key for a stable order. */
export function compareGroups(a: TriageGroup, b: TriageGroup): number {
  const rank = (g: TriageGroup) => (g.worst === null ? Number.MAX_SAFE_INTEGER : severityRank(g.worst));
  return rank(a) - rank(b) || b.count - a.count || a.key.localeCompare(b.key);
}

export function groupRecords(records: readonly TriageRecord[]): TriageGroup[] {
  const byKey = new Map<string, TriageGroup>();
  /** Per group, the known issues some report of it proves. */
  const proven = new Map<TriageGroup, Set<string>>();
  const provenIn = (g: TriageGroup) => proven.get(g) ?? proven.set(g, new Set()).get(g)!;
  for (const r of records) {
    const s = r.signature;
    let g = byKey.get(s.key);
    if (g === undefined) {
      g = { key: s.key, kind: s.kind, label: groupLabel(s), rule: s.rule, detail: s.detail, frames: s.frames, count: 0, files: [], partial: [], known: [], resembles: [], worst: null };
      byKey.set(s.key, g);
    }
    g.count++;
    g.files.push(r.file);
    // The label names the worst report's main rule: one key holds reports whose most severe rule
    // differs with what was pasted (the #1532 with stacks leads with a critical starvation).
    if (r.worst !== null && g.worst !== null && severityRank(r.worst) < severityRank(g.worst)) {
      g.label = groupLabel(s);
      g.rule = s.rule;
      g.frames = s.frames;
    }
    // A healthy report's low findings are real; an empty or unread one has no severity at all.
    g.worst = worse(g.worst, r.worst);
    for (const k of r.known) {
      if (!g.known.includes(k.id)) g.known.push(k.id);
      if (k.proven) provenIn(g).add(k.id);
    }
  }
  const groups = [...byKey.values()];
  for (const g of groups.filter((x) => x.kind === 'panic' && x.frames.length === 0)) {
    const homes = groups.filter((h) => h !== g && h.kind === 'panic' && h.frames.length > 0 && h.detail === g.detail && byKey.has(h.key));
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
    for (const k of provenIn(g)) provenIn(home).add(k);
    byKey.delete(g.key);
  }
  const out = [...byKey.values()];
  for (const g of out) g.resembles = g.known.filter((k) => !provenIn(g).has(k));
  return out.sort(compareGroups);
}
