// What the TUI shows of the wait graph for one thread: what it waits for and who ends that wait,
// who waits for it, and the chain of any deadlock or wait-chain finding that names it.
import type { Analysis } from '../analysis.ts';
import type { Addr } from '../model/snapshot.ts';
import { waitGraph } from '../model/waits-graph.ts';
import { chainLines } from '../report/chains.ts';
import { neutralize } from '../report/sanitize.ts';
import type { Finding } from '../rules/types.ts';
import { label, linkWords } from '../rules/waits-words.ts';

/** Waiters listed by address before the rest are counted. */
const WAITERS_SHOWN = 5;

/** Lines for the thread view; empty when the thread neither waits nor is waited for. */
export function threadWaitLines(a: Pick<Analysis, 'snapshot'>, addr: string, named: readonly Finding[]): string[] {
  const g = waitGraph(a.snapshot);
  if (g === null) return [];
  const me = addr.toLowerCase();
  const out: string[] = [];
  const mine = g.links.get(me as Addr);
  if (mine !== undefined) out.push(`Waits: ${linkWords(g, mine)}`);
  const waiters: Addr[] = [];
  for (const [from, l] of g.links) if (l.to === me) waiters.push(from);
  if (waiters.length > 0) {
    const shown = waiters.slice(0, WAITERS_SHOWN).map((w) => label(g, w)).join(', ');
    const more = waiters.length > WAITERS_SHOWN ? ` and ${waiters.length - WAITERS_SHOWN} more` : '';
    out.push(`Waited for by ${waiters.length}: ${shown}${more}`);
  }
  for (const f of named) {
    const chain = chainLines(a, f);
    if (chain === null) continue;
    out.push(`Chain (${f.rule}):`);
    for (const l of chain) out.push('  ' + l);
  }
  if (out.length > 0) out.push('');
  return out.map((l) => neutralize(l));
}

/** The chain of a finding for its detail view, indented; empty when it has none. */
export function findingChainLines(a: Pick<Analysis, 'snapshot'>, f: Finding): string[] {
  const chain = chainLines(a, f);
  return chain === null ? [] : ['Chain:', ...chain.map((l) => '  ' + neutralize(l))];
}
