// priority-inversion: a lock holder running on an inherited priority (t_epri > t_pri) means a
// higher-priority thread waits behind it. Inheritance working (the holder is on a CPU, or queued on
// one that switched lately) is benign; a holder that is queued on a CPU held by a thread proven to
// stay in the kernel, or asleep, is the inversion not resolved.
// Lock owners come from snapshot.waits (::mutex, ::rwlock, mutex words); the wait rules join them into chains.
import type { Cpu, Thread } from '../model/snapshot.ts';
import { EvidenceSet, cpuLine } from './evidence.ts';
import { dispatched } from './dispatch.ts';
import { frameNamed, threadIndex, threadLabel } from './threads.ts';
import { kernelStay } from './wait.ts';
import { aboutTime, resolveHz, thresholdTicks } from './time.ts';
import type { Finding, Rule, RuleContext, RuleNote } from './types.ts';

const ID = 'priority-inversion';

function queuedCpu(ctx: RuleContext, t: Thread): { cpu: Cpu; line: number } | null {
  if (t.addr === null) return null;
  const a = t.addr.toLowerCase();
  for (const cpu of ctx.snapshot.cpus) {
    for (const e of cpu.runq ?? []) if (e.thread.toLowerCase() === a) return { cpu, line: e.line };
  }
  if (t.queuedOn !== null) {
    const cpu = ctx.snapshot.cpus.find((c) => c.id === t.queuedOn);
    if (cpu !== undefined) return { cpu, line: cpuLine(cpu) ?? 0 };
  }
  return null;
}

const LOCK_WAIT_FRAMES: ReadonlySet<string> = new Set(['turnstile_block', 'mutex_vector_enter', 'rw_enter_sleep']);

function blockedOnLock(t: Thread): boolean {
  if (t.sobj === 'MX' || t.sobj === 'RW') return true;
  return frameNamed(t, LOCK_WAIT_FRAMES) !== null;
}

export const priorityInversion: Rule = {
  id: ID,
  title: 'High-priority waiter behind a low-priority lock holder',
  run(ctx) {
    const findings: Finding[] = [];
    const notes: RuleNote[] = [];
    const hz = resolveHz(ctx);
    const limit = thresholdTicks(ctx, hz);
    const idx = threadIndex(ctx.snapshot);
    const holders = ctx.snapshot.threads.filter((t) => t.epri !== null && t.pri !== null && t.epri > t.pri);
    for (const t of holders) {
      const addr = t.addr ?? '(unknown thread)';
      const ev = new EvidenceSet(ctx).primary(t.lines['epri']).add(t.lines['pri']).add(t.lines['state']);
      const q = queuedCpu(ctx, t);
      let severity: Finding['severity'];
      let situation: string;
      if (q !== null) {
        ev.add(q.line).add(cpuLine(q.cpu, 'switchTicks'));
        const old = q.cpu.switchTicks !== null && q.cpu.switchTicks >= limit;
        // An old SWITCH is a bound, not a hold: disp() re-picking a user thread leaves it old. Stuck
        // needs the thread on that CPU proven to stay in the kernel, as for the starvation rules.
        const stay = old ? kernelStay(q.cpu, dispatched(q.cpu, idx), idx, limit) : null;
        const stuck = stay?.proven === true;
        if (stay !== null) for (const l of stay.lines) ev.add(l);
        // A CPU that switched lately is scheduling: the holder runs at its next pick, as on a CPU.
        severity = stuck ? 'high' : old ? 'medium' : 'low';
        situation =
          `It is runnable, queued on CPU ${q.cpu.id}` +
          (stuck
            ? `, which has not switched for ${aboutTime(q.cpu.switchTicks!, hz)} and whose thread stays in the kernel (${stay!.words}): inheritance raised its priority but it still cannot run, so the waiter cannot either.`
            : old
              ? `, which has not switched for ${aboutTime(q.cpu.switchTicks!, hz)}, but nothing proves the thread there keeps the CPU (SWITCH does not move when disp() picks the same thread again): inheritance should let it run at the next preemption.`
              : ': inheritance should let it run soon.');
      } else if (t.state === 'onproc' || t.onCpu !== null) {
        severity = 'low';
        situation = 'It is on a CPU: priority inheritance is doing its job.';
      } else if (t.state === 'sleep') {
        severity = 'medium';
        situation = 'It is asleep while holding the lock: the waiter waits as long as the holder sleeps (a chain of blocked owners).';
      } else {
        severity = 'low';
        situation = 'Its state is not shown.';
      }
      findings.push({
        rule: ID,
        severity,
        confidence: 'certain',
        title: `Thread ${addr} holds a lock wanted at priority ${t.epri} (own priority ${t.pri})`,
        message:
          `${threadLabel(addr, t, t.proc)} has t_epri ${t.epri} above its t_pri ${t.pri}: it has inherited the priority of a ` +
          `thread blocked on a lock it holds (turnstile priority inheritance). ${situation}`,
        evidence: ev.list(),
        ...(q !== null ? { cpu: q.cpu.id } : {}),
        threads: t.addr !== null ? [t.addr] : [],
        fix: 'Find the lock and its waiters, and why the holder does not release it; shorten the critical section or avoid sleeping in it.',
        confirm: [`${addr}::findstack -v`, `${addr}::print kthread_t t_pri t_epri t_state t_ts`, '::turnstile', `${addr}::thread -p`],
        references: [],
      });
    }
    if (holders.length === 0) {
      const waiters = ctx.snapshot.threads.filter(blockedOnLock);
      if (waiters.length > 0) {
        const shown = waiters.slice(0, 5).map((t) => t.addr ?? '?').join(', ');
        const owners = (ctx.snapshot.waits?.owners ?? []).filter((o) => o.owner !== null).length;
        const what = owners > 0
          ? `the input shows ${owners} lock owner(s) but no inherited priorities (t_epri)`
          : 'the input shows no lock owners and no inherited priorities (t_epri)';
        notes.push({
          rule: ID,
          message:
            `${waiters.length} thread(s) block on locks (${shown}${waiters.length > 5 ? ', ...' : ''}), and ${what}: ` +
            'cannot tell whether a high-priority waiter sits behind a low-priority holder. ' +
            '`<owner>::print kthread_t t_pri t_epri`, `::turnstile` and `<owner>::thread -p` would show it.',
        });
      }
    }
    return { findings, notes };
  },
};
