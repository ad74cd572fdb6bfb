// stranded-runnable: runnable work that could have migrated and did not. Only a CPU with nothing
// of its own to run steals (disp_getwork from the idle loop), it takes only unbound threads, and a
// quiesced CPU does nothing. So the finding needs an idle, unquiesced CPU with an empty queue next
// to a queue holding threads known to be unbound (t_bound_cpu NULL: BOUND -1 is processor_bind
// only). OFFLINE, POWEROFF, SPARE and FAULTED CPUs do not steal either. When work is starved and
// no CPU could have stolen it, a note says why, from the data (the 1532 "second bug" is this case).
import type { Cpu, RunqEntry } from '../model/snapshot.ts';
import { canSteal, comparePri, dispatched, noStealFlags } from './dispatch.ts';
import { EvidenceSet, cpuLine } from './evidence.ts';
import { noCpusNote } from './notes.ts';
import { LIST_LIMIT, listSome, threadIndex, type ThreadIndex, binding, queuedAbove, threadLabel } from './threads.ts';
import { aboutTime, resolveHz, thresholdTicks } from './time.ts';
import type { Finding, Rule, RuleContext, RuleNote } from './types.ts';

const ID = 'stranded-runnable';
/** Idle CPUs whose rows a finding cites as evidence; the message names them all. */
const MAX_THIEF_EVIDENCE = 4;

/** `CPU 3` or `CPUs 3, 5, 9`. */
function cpuList(cpus: readonly Cpu[]): string {
  return cpus.length === 1 ? `CPU ${cpus[0]!.id}` : `CPUs ${cpus.map((c) => c.id).join(', ')}`;
}

/** Why a CPU would not have stolen anything, in words, from what the input shows. */
function whyNotThief(cpu: Cpu, idx: ThreadIndex): string {
  const r: string[] = [];
  const runsIdle = dispatched(cpu, idx).idle;
  if (cpu.pil.length > 0) {
    const top = cpu.pil[0]!;
    const pinned = cpu.pinned !== null ? ` over ${cpu.pinned.proc === '(idle)' ? 'its idle thread' : `thread ${cpu.pinned.thread}`}` : '';
    r.push(`it runs a PIL ${top.pil} interrupt thread${cpu.pri !== null ? ` (pri ${cpu.pri})` : ''}${pinned}`);
  } else if (!runsIdle) {
    r.push(`it is busy running ${cpu.thread ?? 'a thread'}${cpu.pri !== null ? ` (pri ${cpu.pri})` : ''}, and a CPU that runs a thread never looks at other CPUs' queues`);
  }
  if ((cpu.nrun ?? 0) > 0) r.push(`it has ${cpu.nrun} thread${cpu.nrun === 1 ? '' : 's'} of its own queued, which it runs first`);
  for (const f of noStealFlags(cpu)) {
    r.push(f === 'QUIESCED' ? 'it is QUIESCED (stopped, as the panic does to the other CPUs)' : `it is ${f}, and such a CPU takes no work`);
  }
  if (r.length === 0) r.push('its state is not shown fully enough to tell');
  return `CPU ${cpu.id}: ${r.join('; ')}.`;
}

function queueBindingWords(entries: RunqEntry[], idx: ThreadIndex): string {
  const known: string[] = [];
  const byDefault: string[] = [];
  const unknown: string[] = [];
  for (const e of entries) {
    const t = idx.get(e.thread);
    const b = binding(t);
    const label = threadLabel(e.thread, t, e.proc);
    if (b.kind === 'bound') known.push(`${label} is bound to CPU ${b.cpu} (${b.field})`);
    else if (b.kind === 'unbound') known.push(`${label} is unbound`);
    else if (b.kind === 'bound-by-default') byDefault.push(label);
    else unknown.push(label);
  }
  const out: string[] = [];
  if (known.length > 0) out.push(known.join('; ') + '.');
  if (byDefault.length > 0) {
    out.push(
      `The input does not show t_bound_cpu for ${byDefault.join(', ')}; soft ring, SRS and default squeue workers ` +
        'are bound to their CPU by default (mac_soft_ring_thread_bind, mac_srs_thread_bind, ip_squeue), and a bound ' +
        'thread is never stolen, so even an idle CPU would not have taken them (by default; a tunable can change it).',
    );
  }
  if (unknown.length > 0) out.push(`Whether ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} bound is not shown (t_bound_cpu).`);
  return out.join(' ');
}

function explainQuiet(ctx: RuleContext, idx: ThreadIndex): RuleNote | null {
  const hz = resolveHz(ctx);
  const limit = thresholdTicks(ctx, hz);
  const above = (c: Cpu): RunqEntry[] => {
    const d = dispatched(c, idx);
    return d.idle ? [] : queuedAbove(c, comparePri(d));
  };
  const starvedCpus = ctx.snapshot.cpus.filter((c) => above(c).length > 0 && (c.switchTicks ?? 0) >= limit);
  if (starvedCpus.length === 0) return null;
  // A CPU's reason not to steal is the same for every victim: worded once (many CPUs, many victims).
  // Each CPU's reason not to steal is the same whichever queue it could have stolen from: with
  // several starved queues it is said once, after them (with 256 CPUs and 32 starved queues, once
  // per pair made a note of about a megabyte).
  const only = starvedCpus.length === 1 ? starvedCpus[0]! : null;
  const others = ctx.snapshot.cpus.filter((c) => c !== only);
  const reasons = others.length === 0 ? ['The input shows no other CPU.'] : others.map((c) => whyNotThief(c, idx));
  const parts: string[] = [];
  for (const victim of starvedCpus) {
    const waiting = above(victim);
    parts.push(
      `CPU ${victim.id} has ${waiting.length} thread${waiting.length === 1 ? '' : 's'} waiting above its running thread ` +
        `for up to ${aboutTime(victim.switchTicks ?? 0, hz).replace('about ', '')}, and no CPU ${ctx.cpusIncomplete === undefined ? '' : 'shown '}could take ${waiting.length === 1 ? 'it' : 'them'} at the moment of the dump.`,
    );
    if (only !== null) for (const r of reasons) parts.push(r);
    const bw = queueBindingWords(waiting, idx);
    if (bw !== '') parts.push(bw);
  }
  if (only === null) for (const r of reasons) parts.push(r);
  if (ctx.cpusIncomplete !== undefined) parts.push(`The input may not show every CPU (${ctx.cpusIncomplete}): one not shown may have been idle and able to take unbound threads.`);
  parts.push(
    'Only a CPU with an empty queue of its own steals (disp_getwork), and only unbound threads: ' +
      'the threads did not migrate because the stealing rules work as designed, not because stealing is broken.',
  );
  return { rule: ID, message: parts.join(' ') };
}

export const strandedRunnable: Rule = {
  id: ID,
  title: 'Runnable work left on a queue while a CPU is idle',
  run(ctx) {
    const findings: Finding[] = [];
    const notes: RuleNote[] = [];
    const cpus = ctx.snapshot.cpus;
    if (cpus.length === 0) {
      notes.push(noCpusNote(ctx, ID, 'cannot check for stranded runnable threads.'));
      return { findings, notes };
    }
    const idx = threadIndex(ctx.snapshot);
    const thieves = cpus.filter((c) => canSteal(c, idx));
    // Which queued threads are unbound, or not known to be bound, does not depend on the thief: found once.
    const queues: { victim: Cpu; runq: RunqEntry[]; unbound: RunqEntry[]; unknown: RunqEntry[] }[] = [];
    for (const victim of cpus) {
      if (victim.runq === null || victim.runq.length === 0) continue;
      const unbound = victim.runq.filter((e) => binding(idx.get(e.thread)).kind === 'unbound');
      const unknown = victim.runq.filter((e) => binding(idx.get(e.thread)).kind === 'unknown');
      queues.push({ victim, runq: victim.runq, unbound, unknown });
    }
    // Grouped by queue: every idle CPU could steal from every queue, and one finding or note per
    // pair grows with the square of the CPU count.
    const unknownQueues: string[] = [];
    for (const { victim, runq, unbound, unknown } of queues) {
      const idle = thieves.filter((t) => t.id !== victim.id);
      if (idle.length === 0) continue;
      if (unbound.length === 0) {
        if (unknown.length > 0) unknownQueues.push(`CPU ${victim.id} (${runq.length} queued)`);
        continue;
      }
      const idleIds = cpuList(idle);
      const ev = new EvidenceSet(ctx).primary(unbound[0]!.line);
      for (const t of idle.slice(0, MAX_THIEF_EVIDENCE)) ev.add(cpuLine(t));
      ev.add(cpuLine(victim));
      for (const e of unbound) ev.add(e.line).add(idx.get(e.thread)?.lines["boundCpu"]);
      const first = idle[0]!;
      findings.push({
        rule: ID,
        severity: 'medium',
        confidence: 'inferred',
        title: `${idle.length === 1 ? `CPU ${first.id}` : `${idle.length} CPUs`} idle while CPU ${victim.id} holds ${unbound.length} unbound runnable thread${unbound.length === 1 ? '' : 's'}`,
        message:
          `${idleIds} ${idle.length === 1 ? 'runs its' : 'run their'} idle thread with nothing queued and ${idle.length === 1 ? 'is' : 'are'} not quiesced, while CPU ${victim.id}'s queue holds ` +
          `${listSome(unbound.slice(0, LIST_LIMIT).map((e) => `${threadLabel(e.thread, idx.get(e.thread), e.proc)} pri ${e.pri}`), unbound.length)}, not bound ` +
          'as far as the input shows (t_bound_cpu NULL). ' +
          'An idle CPU steals the best unbound thread of another queue within nosteal_nsec (100 us on i86pc), ' +
          'at once for priorities 60 and up. Seeing this in a dump means either the dump caught that instant, or ' +
          'stealing is held off (cpu_disp_flags DONTSTEAL, disp_steal, a different partition or lgroup).',
        evidence: ev.list(),
        cpu: victim.id,
        threads: unbound.map((e) => e.thread),
        fix:
          'If it persists across samples: check the CPUs are in the same partition (psrset) and lgroup, and ' +
          'that the threads are not weakly bound; otherwise it is a snapshot of a transient.',
        confirm: [
          '::cpuinfo -v',
          ...(first.addr !== null ? [`${first.addr}::print cpu_t cpu_part cpu_lpl cpu_disp_flags`] : []),
          ...(victim.addr !== null ? [`${victim.addr}::print cpu_t cpu_part cpu_disp->disp_max_unbound_pri cpu_disp->disp_steal`] : []),
          ...unbound.slice(0, 3).map((e) => `${e.thread}::print kthread_t t_bound_cpu t_weakbound_cpu t_cpupart t_waitrq`),
        ],
        references: [],
      });
    }
    if (unknownQueues.length > 0) {
      const idle = cpuList(thieves);
      notes.push({
        rule: ID,
        message:
          `${idle} ${thieves.length === 1 ? 'is' : 'are'} idle with an empty queue while ${unknownQueues.join(', ')} ` +
          `${unknownQueues.length === 1 ? 'has threads' : 'have threads'} queued, but the input does not show whether they are bound (t_bound_cpu): ` +
          `cannot tell whether ${thieves.length === 1 ? 'it' : 'the idle CPUs'} should have stolen them.`,
      });
    }
    if (findings.length === 0) {
      const n = explainQuiet(ctx, idx);
      if (n !== null) notes.push(n);
    }
    return { findings, notes };
  },
};
