// `/` filters: which threads and findings match a query, case-insensitively. A thread matches by
// address, process or description, or any function on its stack; a finding by rule, title,
// message, CPU (`cpu1`) or a thread it names.
import type { Thread } from '../model/snapshot.ts';
import type { Finding } from '../rules/types.ts';

const has = (s: string | null | undefined, q: string): boolean => s !== null && s !== undefined && s.toLowerCase().includes(q);

export function threadMatches(t: Thread, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (has(t.addr, q) || has(t.proc, q) || has(t.desc, q)) return true;
  for (const f of t.stack ?? []) if (has(f.func, q)) return true;
  return false;
}

export function findingMatches(f: Finding, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (has(f.rule, q) || has(f.title, q) || has(f.message, q)) return true;
  if (f.cpu !== undefined && `cpu${f.cpu}` === q.replace(/\s+/g, '')) return true;
  for (const t of f.threads ?? []) if (has(t, q)) return true;
  return false;
}

/** The items that match, with their index in the full list (views open items by that index). */
export function filtered<T>(items: readonly T[], query: string, match: (x: T, q: string) => boolean): { item: T; index: number }[] {
  const out: { item: T; index: number }[] = [];
  for (let i = 0; i < items.length; i++) if (match(items[i]!, query)) out.push({ item: items[i]!, index: i });
  return out;
}

/** The findings that name a thread (by `threads`), with their index in the list given. */
export function findingsNaming(findings: readonly Finding[], addr: string): { item: Finding; index: number }[] {
  const a = addr.toLowerCase();
  return filtered(findings, a, (f) => (f.threads ?? []).some((t) => t.toLowerCase() === a));
}
