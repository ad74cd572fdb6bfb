// wait-chain: three or more threads, each waiting for the next, ending at a head that does not wait
// on any thread: runnable but not run, on a CPU, or itself waiting on I/O. The head's state says why
// the whole chain is stuck, so the finding names the dispatcher finding that explains it
// (illumos 1532 comment 6: memory waits on pageout, pageout on the txg, the txg on a ZIO whose
// completion taskq thread is starved on a run queue).
import { waitChains, waitGraph, type WaitLink } from '../model/waits-graph.ts';
import type { Addr } from '../model/snapshot.ts';
import { EvidenceSet } from './evidence.ts';
import { headState } from './wait-head.ts';
import { REF_ILLUMOS_1532, REF_TURNSTILE_C } from './references.ts';
import type { Finding, Rule, RuleContext } from './types.ts';
import { addLinkEvidence, confirmFor, label, linkWords } from './waits-words.ts';

const ID = 'wait-chain';
/** Threads in a chain before it is reported: two are an ordinary wait, three are a chain. */
const MIN_THREADS = 3;

function run(ctx: RuleContext) {
  const g = waitGraph(ctx.snapshot);
  if (g === null) return { findings: [], notes: [] };
  // One finding per head: the longest chain to it stands for the others.
  const byHead = new Map<Addr, { chain: WaitLink[]; starts: number }>();
  for (const chain of waitChains(g)) {
    const head = chain[chain.length - 1]!.to;
    // A chain that runs into a cycle ends at a thread that waits: the deadlock rule reports it.
    if (g.links.has(head) && chain.some((l) => l.edge.thread === head)) continue;
    if (chain.length + 1 < MIN_THREADS) continue;
    const cur = byHead.get(head);
    if (cur === undefined) byHead.set(head, { chain, starts: 1 });
    else byHead.set(head, { chain: chain.length > cur.chain.length ? chain : cur.chain, starts: cur.starts + 1 });
  }
  const findings: Finding[] = [];
  for (const [head, { chain, starts }] of byHead) {
    const hs = headState(ctx, g, head);
    const proven = chain.every((l) => l.how === 'proven');
    const ev = new EvidenceSet(ctx).primary(hs.lines.find((l) => l !== null) ?? chain[chain.length - 1]!.edge.line);
    for (const l of hs.lines) ev.add(l);
    for (const l of chain) addLinkEvidence(ev, l);
    for (const e of hs.explainedBy?.evidence ?? []) ev.add(e.line);
    const confirm = new Set<string>();
    for (const l of chain) for (const c of confirmFor(l.edge)) confirm.add(c);
    confirm.add(`${head}::findstack -v`);
    confirm.add(`${head}::thread -d`);
    const headWait = ctx.snapshot.waits?.edges.find((e) => e.thread === head) ?? null;
    if (headWait?.kind === 'rwlock' && headWait.object !== null) confirm.add(`${headWait.object}::kgrep`);
    const others = starts > 1 ? ` ${starts - 1} more chain(s) end at the same head.` : '';
    findings.push({
      rule: ID,
      severity: hs.severity,
      confidence: proven ? 'certain' : 'inferred',
      title: `Wait chain of ${chain.length + 1} threads; its head, ${label(g, head)}, is ${hs.words.split(/[;,(]/)[0]!.trim()}`,
      message:
        chain.map((l) => linkWords(g, l)).join('; ') +
        `. The head ${label(g, head)} is ${hs.words}: every thread behind it waits as long as it does.` +
        others +
        (proven ? '' : ' Links marked inferred come from the wait site, not from a printed owner.'),
      evidence: ev.list(),
      threads: [...chain.map((l) => l.edge.thread), head],
      fix:
        hs.explainedBy !== null
          ? `Fix the head first: ${hs.explainedBy.fix}`
          : 'Find why the head does not make progress (its stack, its CPU); the waiters behind it need nothing else.',
      confirm: [...confirm],
      references: hs.explainedBy !== null ? [...new Set([...hs.explainedBy.references, REF_ILLUMOS_1532])] : [REF_TURNSTILE_C],
    });
  }
  return { findings, notes: [] };
}

export const waitChain: Rule = { id: ID, title: 'Threads wait in a chain behind one head', run };
