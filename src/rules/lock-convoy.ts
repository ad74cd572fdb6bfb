// lock-convoy: many threads blocked on one lock. Ordinary contention clears while the owner runs;
// a convoy is a stall when the dump proves the owner does not progress: on a CPU for long, queued
// behind a high dispatcher finding, or in waits that end in one (or in a cycle). Without `-v`
// arguments (`::stacks`) the lock is unnamed: the rule groups by wait site and says what would name it.
import { isRunnable, waitGraph, waitHead, type WaitGraph } from '../model/waits-graph.ts';
import type { Addr } from '../model/snapshot.ts';
import { isLockWait, wordWhy, type WaitEdge } from '../model/waits.ts';
import { EvidenceSet } from './evidence.ts';
import { headState, runnableState, runningState } from './wait-head.ts';
import { REF_MUTEX_C, REF_RWLOCK_C, REF_TURNSTILE_C } from './references.ts';
import { LIST_LIMIT } from './threads.ts';
import type { Finding, Rule, RuleContext, Severity } from './types.ts';
import { label, objectWords } from './waits-words.ts';

const ID = 'lock-convoy';
/** Waiters on one lock before it is a convoy. */
const MIN_WAITERS = 5;
/** Waiter frames cited as evidence; the rest are counted. */
const EVIDENCE_WAITERS = 5;

function ownerState(ctx: RuleContext, g: WaitGraph, owner: Addr): { severity: Severity; words: string; lines: (number | null)[] } {
  const t = g.threads.get(owner) ?? null;
  const own = ctx.snapshot.waits?.edges.find((e) => e.thread === owner) ?? null;
  // An owner asleep on I/O holds the lock across it, which a busy system shows while the I/O is in
  // flight; as for a wait chain's head, nothing in a dump says that I/O will not complete.
  if (own !== null && (own.kind === 'zio' || own.kind === 'buf')) {
    return { severity: 'medium', words: `asleep itself, waiting for ${objectWords(own)}: a lock held across I/O, stuck only if that I/O never completes`, lines: [own.line] };
  }
  if (own !== null) {
    // Asleep on another wait: the convoy lasts as long as the waits the owner is in, which only
    // their head's state can prove endless (a cv or semaphore is signalled by no one in particular).
    const head = waitHead(g, owner);
    const waiting = `asleep itself, waiting for ${objectWords(own)}`;
    if (head === null) return { severity: 'high', words: `${waiting}, in a cycle of waits that never ends (the deadlock finding)`, lines: [own.line] };
    if (head === owner) return { severity: 'medium', words: `${waiting}, which no thread shown is known to end: stuck only as long as that wait lasts`, lines: [own.line] };
    const hs = headState(ctx, g, head);
    return { severity: hs.severity === 'high' ? 'high' : 'medium', words: `${waiting}, in waits that end at ${label(g, head)}, ${hs.words}`, lines: [own.line, ...hs.lines] };
  }
  // An owner preempted while holding a lock is queued for an instant on any busy system; it is a
  // stall only when a dispatcher finding proves why it does not run.
  if (t !== null && isRunnable(t)) return runnableState(ctx, t);
  if (t !== null && t.onCpu !== null) {
    const st = runningState(ctx, t);
    return st.severity === 'high' ? st : { ...st, words: `${st.words}: ordinary contention while it runs` };
  }
  return { severity: 'medium', words: 'in a state the input does not show', lines: [] };
}

function run(ctx: RuleContext) {
  const g = waitGraph(ctx.snapshot);
  const w = ctx.snapshot.waits;
  if (g === null || w === undefined) return { findings: [], notes: [] };
  const byObject = new Map<Addr, WaitEdge[]>();
  const bySite = new Map<string, { edges: WaitEdge[]; count: number }>();
  for (const e of w.edges) {
    if (!isLockWait(e)) continue;
    if (e.object !== null) {
      const list = byObject.get(e.object) ?? [];
      list.push(e);
      byObject.set(e.object, list);
    } else {
      const key = `${e.kind} ${e.site ?? '?'}`;
      const s = bySite.get(key) ?? { edges: [], count: 0 };
      s.edges.push(e);
      // A `::stacks` row stands for its whole group.
      s.count += g.threads.get(e.thread)?.groupCount ?? 1;
      bySite.set(key, s);
    }
  }
  const findings: Finding[] = [];
  for (const [object, edges] of byObject) {
    if (edges.length < MIN_WAITERS) continue;
    const first = edges[0]!;
    const o = g.owners.get(object);
    const ev = new EvidenceSet(ctx).primary(o?.line ?? first.line);
    for (const e of edges.slice(0, EVIDENCE_WAITERS)) ev.add(e.line);
    let severity: Severity = 'medium';
    let ownerText: string;
    if (o?.owner != null) {
      const st = ownerState(ctx, g, o.owner);
      severity = st.severity;
      for (const l of st.lines) ev.add(l);
      const src = o.source === 'word' ? wordWhy(o.kind) : o.source;
      ownerText = `${src} (line ${o.line}) names its owner ${label(g, o.owner)}, ${st.words}.`;
    } else if (o !== undefined) {
      ownerText = `${o.source} (line ${o.line}) shows no ${o.kind === 'rwlock' ? 'writer (it may be read-held)' : 'owner'}: the waiters should be waking.`;
      severity = 'low';
    } else {
      ownerText = `The input shows no owner: \`${object}::${first.kind === 'rwlock' ? 'rwlock' : 'mutex'}\` would name it.`;
    }
    const shown = edges.slice(0, LIST_LIMIT).map((e) => label(g, e.thread));
    const more = edges.length > LIST_LIMIT ? ` and ${edges.length - LIST_LIMIT} more` : '';
    findings.push({
      rule: ID,
      severity,
      confidence: o?.owner != null && o.source !== 'word' ? 'certain' : 'inferred',
      title: `Lock convoy: ${edges.length} threads blocked on ${first.kind} ${object}`,
      message: `${edges.length} threads wait for ${objectWords(first)}: ${shown.join(', ')}${more}. ${ownerText}`,
      evidence: ev.list(),
      threads: edges.map((e) => e.thread),
      fix:
        'The convoy clears when the owner releases the lock: find what the owner waits for (its stack) and fix that; ' +
        'if the owner runs normally, the lock is too hot: shorten its hold time or split it.',
      // The waiters sleep on the lock's turnstile, not a sleep queue: the blocked walker lists them (::wchaninfo would not).
      confirm: [`${object}::${first.kind === 'rwlock' ? 'rwlock' : 'mutex'}`, `${object}::walk blocked | ::findstack`, `${object}::sobj2ts | ::turnstile`, ...(o?.owner != null ? [`${o.owner}::findstack -v`] : [])],
      references: [REF_TURNSTILE_C, first.kind === 'rwlock' ? REF_RWLOCK_C : REF_MUTEX_C],
    });
  }
  for (const [key, s] of bySite) {
    if (s.count < MIN_WAITERS) continue;
    const first = s.edges[0]!;
    const ev = new EvidenceSet(ctx).primary(first.line);
    for (const e of s.edges.slice(0, EVIDENCE_WAITERS)) ev.add(e.line);
    const site = first.site ?? 'an unnamed caller';
    findings.push({
      rule: ID,
      severity: 'low',
      confidence: 'inferred',
      title: `${s.count} threads block on a ${key.split(' ')[0]} in ${site} (lock not named)`,
      message:
        `${s.count} threads wait in ${first.primitive} called from ${site} (line ${first.line}), but the stacks carry no ` +
        'arguments, so whether they wait on one lock is not known. `::findstack -v` of one of them names the lock; ' +
        '`ADDR::mutex` (or `::rwlock`) then names its owner.',
      evidence: ev.list(),
      threads: s.edges.map((e) => e.thread),
      fix: 'Read the lock address from `-v` output before acting: many waiters on different locks are not a convoy.',
      confirm: [`::stacks -c ${site}`, `${first.thread}::findstack -v`],
      references: [REF_TURNSTILE_C],
    });
  }
  return { findings, notes: [] };
}

export const lockConvoy: Rule = { id: ID, title: 'Many threads blocked on one lock', run };
