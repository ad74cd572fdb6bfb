// runq-starvation: runnable threads queued above the thread the dispatcher runs on a CPU (the
// pinned thread when an interrupt is on top), where the CPU has not switched for longer than the
// threshold. One snapshot bounds a wait, it does not measure it (see wait.ts): the finding is
// serious only when the input proves the running thread stays in the kernel and the waiters
// cannot be taken by another CPU (bound). Idle CPUs are never witnesses: they find work themselves.
import { MAXCLSYSPRI, MINCLSYSPRI } from '../../illumos/index.ts';
import type { Cpu, RunqEntry, Thread } from '../model/snapshot.ts';
import { comparePri, dispatched, priClass, rtLoaded, runnerWords, type Dispatched } from './dispatch.ts';
import { EvidenceSet, cpuLine, cpuProcLine } from './evidence.ts';
import { LONG_WAIT_SECONDS } from './facts.ts';
import { noCpusNote } from './notes.ts';
import { FIX_KPREEMPTPRI, KPREEMPT_REFS } from './references.ts';
import { LIST_LIMIT, binding, bindingWords, listSome, queuedAbove, threadIndex, threadRole, type Binding } from './threads.ts';
import { aboutTime, hzSentence, resolveHz, thresholdTicks, type HzInfo } from './time.ts';
import type { Finding, Rule, RuleNote } from './types.ts';
import { kernelStay, waitBound, type WaitBound } from './wait.ts';

const ID = 'runq-starvation';

interface Waiter {
  entry: RunqEntry;
  thread: Thread | null;
  wait: WaitBound;
  binding: Binding;
}

function stuck(w: Waiter, uniprocessor: boolean): boolean {
  return w.binding.kind === 'bound' || w.binding.kind === 'bound-by-default' || uniprocessor;
}

function describe(w: Waiter, hz: HzInfo, rt: boolean | null): string {
  const role = threadRole(w.thread);
  const what = role !== null ? role.name : w.entry.proc !== '' ? `${w.entry.proc}, no stack in the input` : 'no stack in the input';
  return (
    `${w.entry.thread} pri ${w.entry.pri} (${priClass(w.entry.pri, rt)}; ${what}; ${bindingWords(w.binding)}): ` +
    `waited at most ${w.wait.ticks} ticks (${aboutTime(w.wait.ticks, hz)}, ${w.wait.from})`
  );
}

function maxOf(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  return m;
}

function fixFor(cpu: Cpu, d: Dispatched, top: number): string {
  const base =
    `The thread on CPU ${cpu.id} must give up the CPU: it has to block, return to user level (where RNRN ` +
    'is honoured), or be preempted in the kernel (KRNRN).';
  if (top >= MAXCLSYSPRI && (d.pri ?? 0) < MAXCLSYSPRI) return `${base} ${FIX_KPREEMPTPRI}`;
  return (
    `${base} kpreemptpri = maxclsyspri (illumos 1532) helps only waiters at 99; these wait at ${top}, so the ` +
    'running thread itself must reach a preemption point (for a KVM/bhyve vCPU loop, check for a pending ' +
    'preemption after each VM exit, as the 1532 reporter did by setting cpu_kprunrun).'
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const runqStarvation: Rule = {
  id: ID,
  title: 'Runnable threads starved behind a lower-priority thread',
  run(ctx) {
    const findings: Finding[] = [];
    const notes: RuleNote[] = [];
    const hz = resolveHz(ctx);
    const limit = thresholdTicks(ctx, hz);
    const idx = threadIndex(ctx.snapshot);
    const rt = rtLoaded(ctx);
    const ncpu = ctx.snapshot.cpus.length;
    if (ncpu === 0) {
      notes.push(noCpusNote(ctx, ID, 'cannot check run queues for starvation.'));
      return { findings, notes };
    }
    // No other CPU to steal a waiter: the input shows CPU 0 alone. A lone CPU 1 says CPU 0 exists
    // too (a wrap or a cut paste lost its lines), so it proves nothing of the kind.
    const uniprocessor = ncpu === 1 && ctx.snapshot.cpus[0]!.id === 0;
    for (const cpu of ctx.snapshot.cpus) {
      if (cpu.runq === null) {
        if ((cpu.nrun ?? 0) > 0 && (cpu.switchTicks ?? 0) >= limit) {
          notes.push({
            rule: ID,
            message:
              `CPU ${cpu.id} has ${cpu.nrun} runnable thread(s) queued and has not switched for ${cpu.switchTicks} ticks, ` +
              'but the input does not list its run queue (::cpuinfo -v would): cannot tell whether they are starved.',
          });
        }
        continue;
      }
      const d = dispatched(cpu, idx);
      // cpu_resched never asks an idle CPU to preempt: it finds queued work itself.
      if (d.idle) continue;
      const pri = comparePri(d);
      if (pri === null) {
        if (cpu.runq.length > 0) {
          notes.push({
            rule: ID,
            message:
              `CPU ${cpu.id}: the dispatched thread's priority is not shown (${d.interrupt !== null ? `an interrupt thread is on top and the pinned thread's t_pri is not in the input` : 'PRI -'}): cannot compare.`,
          });
        }
        continue;
      }
      const waiters: Waiter[] = [];
      for (const e of queuedAbove(cpu, pri)) {
        const t = idx.get(e.thread);
        const w = waitBound(ctx, cpu, e, t, pri);
        if (w !== null && w.ticks >= limit) waiters.push({ entry: e, thread: t, wait: w, binding: binding(t) });
      }
      const first = waiters[0];
      if (first === undefined) continue;

      const stay = kernelStay(cpu, d, idx, limit);
      const held = waiters.filter((w) => stuck(w, uniprocessor));
      const free = waiters.filter((w) => !stuck(w, uniprocessor));
      const worst = maxOf(waiters.map((w) => w.wait.ticks));
      const sysHeld = held.some((w) => w.entry.pri >= MINCLSYSPRI);
      let severity: Finding['severity'];
      if (stay.proven && held.length > 0) severity = worst >= LONG_WAIT_SECONDS * hz.hz && sysHeld ? 'critical' : 'high';
      else if (stay.proven || held.length > 0) severity = 'medium';
      else severity = 'low';

      const ev = new EvidenceSet(ctx).primary((held[0] ?? first).entry.line).add(cpuLine(cpu, 'switchTicks')).add(cpuProcLine(cpu)).add(d.line);
      for (const w of waiters) {
        ev.add(w.entry.line).add(w.wait.line);
        if (w.thread !== null) ev.add(threadRole(w.thread)?.line).add(w.thread.lines['boundCpu']);
      }
      for (const l of stay.lines) ev.add(l);
      const confirm = ['::cpuinfo -v'];
      for (const w of waiters.slice(0, 4)) confirm.push(`${w.entry.thread}::print kthread_t t_pri t_disp_time t_waitrq t_bound_cpu t_weakbound_cpu`);
      if (d.thread !== null) confirm.push(`${d.thread}::findstack -v`);
      if (cpu.addr !== null && d.interrupt !== null) confirm.push(`${cpu.addr}::print cpu_t cpu_dispatch_pri cpu_dispthread`);

      const longest = aboutTime(worst, hz).replace('about ', '');
      const heldPri = held.length > 0 ? maxOf(held.map((w) => w.entry.pri)) : 0;
      const heldSame = held.every((w) => w.entry.pri === heldPri);
      // "bound" only when each is (or is by default); on a one-CPU system they are stuck without it.
      const adj = held.every((w) => w.binding.kind === 'bound' || w.binding.kind === 'bound-by-default') ? 'bound ' : '';
      const defaultBound = held.some((w) => w.binding.kind === 'bound-by-default');
      const title = stay.proven && held.length > 0
        ? `CPU ${cpu.id}: ${plural(held.length, `${adj}pri-${heldPri} thread`, heldSame ? `${adj}pri-${heldPri} threads` : `${adj}threads (up to pri ${heldPri})`)} starved behind ${d.thread ?? 'a thread'} (${d.pri !== null ? `pri ${d.pri}` : `pri at most ${pri}`}) in the kernel, up to ${longest}`
        : `CPU ${cpu.id}: ${plural(waiters.length, 'thread', 'threads')} queued above a ${d.pri !== null ? `pri-${d.pri}` : `pri-${pri}-or-lower`} thread for up to ${longest} (a bound, not a measured wait)`;

      const parts: string[] = [];
      parts.push(
        `CPU ${cpu.id} runs ${runnerWords(d)} while ${plural(waiters.length, 'thread', 'threads')} of higher priority ` +
          `wait on its run queue, each for up to more than the ${ctx.options.starvationSeconds} s threshold:\n` +
          '- ' + listSome(waiters.slice(0, LIST_LIMIT).map((w) => describe(w, hz, rt)), waiters.length, '\n- '),
      );
      parts.push(
        'Each wait is an upper bound, not a measurement: a thread queued above the running one arrived after the ' +
          "CPU's last switch unless the running thread's priority has dropped since; t_disp_time is when a thread last ran, " +
          'so it includes any sleep before the wakeup.',
      );
      if (stay.proven) parts.push(`The thread holding the CPU stays in the kernel: ${stay.words}.`);
      else
        parts.push(
          'Nothing in the input proves the running thread is stuck in the kernel (no negative ts_timeleft, no KRNRN, not a kernel ' +
            'priority): a user-level thread gives the CPU up at its next return to user level, as RNRN asks, so these ' +
            'waiters may have arrived a tick ago.',
        );
      if (held.length > 0 && free.length > 0)
        parts.push(
          `Only the ${plural(held.length, `${adj}thread is`, `${adj}threads are`)} proven to wait for this CPU; ` +
            `${listSome(free.slice(0, LIST_LIMIT).map((w) => w.entry.thread), free.length)} ${free.length === 1 ? 'is' : 'are'} not known to be bound: if unbound, an idle CPU would have stolen ${free.length === 1 ? 'it' : 'them'}, so ${free.length === 1 ? 'its' : 'their'} wait is not proven.`,
        );
      if (defaultBound) parts.push('A binding "by default" is assumed from the thread\'s role (a tunable can turn it off): t_bound_cpu would prove it.');
      if (d.interrupt !== null)
        parts.push(
          `PRI shows the interrupt thread's priority; the dispatcher compares waiters with cpu_dispatch_pri, the pinned thread's (${d.source}).`,
        );
      parts.push(
        `RNRN ${cpu.runrun === null ? '?' : cpu.runrun ? 'yes' : 'no'}, KRNRN ${cpu.kprunrun === null ? '?' : cpu.kprunrun ? 'yes' : 'no'}. ` + hzSentence(hz),
      );
      findings.push({
        rule: ID,
        severity,
        confidence: 'inferred',
        title,
        message: parts.join('\n'),
        evidence: ev.list(),
        cpu: cpu.id,
        threads: (held.length > 0 ? held : waiters).map((w) => w.entry.thread),
        fix: fixFor(cpu, d, maxOf(waiters.map((w) => w.entry.pri))),
        confirm,
        references: [...KPREEMPT_REFS],
      });
    }
    return { findings, notes };
  },
};

