// Words and evidence shared by the wait rules (deadlock, wait-chain, lock-convoy): one link of a
// wait graph as a clause, and the confirm commands for the objects it names.
import type { WaitGraph, WaitLink } from '../model/waits-graph.ts';
import type { WaitEdge } from '../model/waits.ts';
import type { Addr } from '../model/snapshot.ts';
import type { EvidenceSet } from './evidence.ts';
import { threadLabel } from './threads.ts';

export function label(g: WaitGraph, a: Addr): string {
  const t = g.threads.get(a) ?? null;
  return threadLabel(a, t, t?.proc ?? null);
}

/** `mutex ffffff0d3b1f6e90 (mutex_vector_enter, line 6, in mac_client_close)`. */
export function objectWords(e: WaitEdge): string {
  const what = e.object !== null ? `${e.kind} ${e.object}` : `a ${e.kind}`;
  const site = e.site !== null ? `, in ${e.site}` : '';
  return `${what} (${e.primitive}, line ${e.line}${site})`;
}

/** `A waits for mutex X (...), held by B (::mutex names the owner, line 23)`. */
export function linkWords(g: WaitGraph, l: WaitLink): string {
  const at = l.ownerLine !== null ? `, line ${l.ownerLine}` : '';
  const tag = l.how === 'inferred' ? 'inferred: ' : '';
  return `${label(g, l.edge.thread)} waits for ${objectWords(l.edge)}, ended by ${label(g, l.to)} (${tag}${l.why}${at})`;
}

export function addLinkEvidence(ev: EvidenceSet, l: WaitLink): void {
  ev.add(l.edge.line).add(l.ownerLine);
}

/** What to type to see the object and its owner again. */
export function confirmFor(e: WaitEdge): string[] {
  const out = [`${e.thread}::findstack -v`];
  if (e.object !== null && e.kind === 'mutex') out.push(`${e.object}::mutex`);
  if (e.object !== null && e.kind === 'rwlock') out.push(`${e.object}::rwlock`);
  if (e.object !== null && (e.kind === 'cv' || e.kind === 'sema')) out.push(`${e.object}::wchaninfo -v`);
  return out;
}
