// deadlock: a cycle of waits, each thread waiting for a lock the next one holds. Proven when every
// link's owner is printed (::mutex, ::rwlock); a cycle through an inferred link is only suspected.
// illumos itself panics ("Deadlock: cycle in blocking chain") when a chain of mutexes and
// write-held rwlocks closes on the thread about to block, so such a cycle is only consistent with
// that panic: without it in the input, the stacks and owners were not read at one instant.
import { TURNSTILE_CYCLE_PANIC, turnstileFollows } from '../../illumos/index.ts';
import { waitCycles, waitGraph, type WaitLink } from '../model/waits-graph.ts';
import type { DispatcherSnapshot } from '../model/snapshot.ts';
import { EvidenceSet } from './evidence.ts';
import { REF_MUTEX_C, REF_RWLOCK_C, REF_TURNSTILE_C } from './references.ts';
import type { Finding, Rule, RuleContext, Severity } from './types.ts';
import { addLinkEvidence, confirmFor, linkWords } from './waits-words.ts';

const ID = 'deadlock';

interface Verdict {
  severity: Severity;
  confidence: Finding['confidence'];
  words: string;
  /** The panic message's line, when the kernel's own detection is the evidence. */
  panicLine: number | null;
}

function verdict(snap: DispatcherSnapshot, cycle: readonly WaitLink[]): Verdict {
  // A link inferred from the wait site names who should end the wait, not an owner the kernel follows.
  if (!cycle.every((l) => l.by !== 'site' && turnstileFollows(l.edge.kind, true))) {
    return { severity: 'medium', confidence: 'inferred', words: 'At least one link is inferred from the wait site, not from a printed owner: a suspected deadlock until the owner is shown.', panicLine: null };
  }
  const panic = snap.panic;
  if (panic?.message?.includes(TURNSTILE_CYCLE_PANIC) === true) {
    return {
      severity: 'critical',
      confidence: 'certain',
      words: `The kernel found this cycle itself: turnstile_block panicked with "${TURNSTILE_CYCLE_PANIC}" when the last of these threads blocked.`,
      panicLine: panic.lines['message'] ?? null,
    };
  }
  // The kernel would have panicked when the cycle closed, and the input does not show that panic.
  const owners = cycle.every((l) => l.how === 'proven')
    ? 'Every owner is printed'
    : 'The owners are printed or read from the mutex word (`ADDR::mutex` would print them)';
  const why = panic?.message != null
    ? ` The dump panicked for another reason ("${panic.message}"), so the stacks and the owners were read at different moments.`
    : ' The input shows no panic message (`::panicinfo` would): either this is that panic\'s dump, or the stacks and the owners were read at different moments (a live `mdb -k`, or pastes from separate sessions).';
  return {
    severity: panic?.message != null ? 'medium' : 'high',
    confidence: 'inferred',
    words:
      `${owners}, but illumos panics ("${TURNSTILE_CYCLE_PANIC}") when a chain of mutexes and write-held rwlocks ` +
      'closes on the thread about to block, so such a cycle never sleeps unnoticed.' + why,
    panicLine: null,
  };
}

function run(ctx: RuleContext) {
  const g = waitGraph(ctx.snapshot);
  if (g === null) return { findings: [], notes: [] };
  const findings: Finding[] = [];
  for (const cycle of waitCycles(g)) {
    const v = verdict(ctx.snapshot, cycle);
    const ev = new EvidenceSet(ctx).primary(v.panicLine ?? cycle[0]!.edge.line);
    for (const l of cycle) addLinkEvidence(ev, l);
    const confirm = new Set<string>();
    for (const l of cycle) for (const c of confirmFor(l.edge)) confirm.add(c);
    confirm.add('::findlocks');
    if (v.panicLine === null && v.confidence === 'inferred') confirm.add('::panicinfo');
    findings.push({
      rule: ID,
      severity: v.severity,
      confidence: v.confidence,
      title: `Deadlock: ${cycle.length} threads each wait for the next`,
      message: cycle.map((l) => linkWords(g, l)).join('; ') + '. ' + v.words,
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
