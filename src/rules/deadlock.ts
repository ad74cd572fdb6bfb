// deadlock: a cycle of waits, each thread waiting for a lock the next one holds. Proven when every
// link's owner is printed (::mutex, ::rwlock); a cycle through an inferred link is only suspected.
import { waitCycles, waitGraph } from '../model/waits-graph.ts';
import { EvidenceSet } from './evidence.ts';
import { REF_MUTEX_C, REF_RWLOCK_C, REF_TURNSTILE_C } from './references.ts';
import type { Finding, Rule, RuleContext } from './types.ts';
import { addLinkEvidence, confirmFor, linkWords } from './waits-words.ts';

const ID = 'deadlock';

function run(ctx: RuleContext) {
  const g = waitGraph(ctx.snapshot);
  if (g === null) return { findings: [], notes: [] };
  const findings: Finding[] = [];
  for (const cycle of waitCycles(g)) {
    const proven = cycle.every((l) => l.how === 'proven');
    // Owners read from mutex words are owners still, just not printed by ::mutex: a likely deadlock.
    const locks = cycle.every((l) => l.by !== 'site');
    const ev = new EvidenceSet(ctx).primary(cycle[0]!.edge.line);
    for (const l of cycle) addLinkEvidence(ev, l);
    const confirm = new Set<string>();
    for (const l of cycle) for (const c of confirmFor(l.edge)) confirm.add(c);
    confirm.add('::findlocks');
    findings.push({
      rule: ID,
      severity: proven ? 'critical' : locks ? 'high' : 'medium',
      confidence: proven ? 'certain' : 'inferred',
      title: `Deadlock: ${cycle.length} threads each wait for the next`,
      message:
        cycle.map((l) => linkWords(g, l)).join('; ') +
        '. ' +
        (proven
          ? 'Every owner is printed by the input, so none of these threads can run again: a lock-order deadlock.'
          : locks
            ? 'At least one owner is read from the mutex word, not printed by ::mutex: a likely deadlock; `ADDR::mutex` of each lock would prove it.'
            : 'At least one link is inferred from the wait site, not from a printed owner: a suspected deadlock until the owner is shown.'),
      evidence: ev.list(),
      threads: cycle.map((l) => l.edge.thread),
      fix:
        'The threads took these locks in opposite orders: make every path that takes two of them take them in one ' +
        'order (or drop the first before taking the second). Only a reboot frees the threads already stuck; file the ' +
        'stacks and the lock owners with the bug.',
      confirm: [...confirm],
      references: [REF_TURNSTILE_C, REF_MUTEX_C, REF_RWLOCK_C],
    });
  }
  return { findings, notes: [] };
}

export const deadlock: Rule = { id: ID, title: 'Threads wait on each other in a cycle', run };
