// interrupt-hog: threads queued on a CPU that is running an interrupt thread. Nothing preempts an
// interrupt thread but a higher PIL, so no kpreemptpri value helps them; they run when the
// interrupt returns. One snapshot cannot tell a long-running interrupt (a DTrace state clean over a
// huge dynamic-variable space, an interrupt storm) from one caught just after it woke them, so the
// finding is only as strong as the wait bound the input gives.
import { LOCK_LEVEL } from '../../illumos/index.ts';
import { comparePri, dispatched, runnerWords } from './dispatch.ts';
import { EvidenceSet, cpuLine } from './evidence.ts';
import { LONG_WAIT_SECONDS } from './facts.ts';
import { queuedAbove, threadIndex, threadLabel } from './threads.ts';
import { aboutTime, hzSentence, resolveHz, thresholdTicks } from './time.ts';
import type { Finding, Rule, RuleNote } from './types.ts';
import { kernelStay, waitBound } from './wait.ts';

const ID = 'interrupt-hog';

export const interruptHog: Rule = {
  id: ID,
  title: 'Runnable threads behind an interrupt thread',
  run(ctx) {
    const findings: Finding[] = [];
    const notes: RuleNote[] = [];
    const hz = resolveHz(ctx);
    const limit = thresholdTicks(ctx, hz);
    const idx = threadIndex(ctx.snapshot);
    for (const cpu of ctx.snapshot.cpus) {
      const d = dispatched(cpu, idx);
      if (d.interrupt === null || d.interrupt.pil > LOCK_LEVEL || cpu.runq === null) continue;
      const pri = comparePri(d);
      // Above the pinned thread: the ones the CPU would run now but for the interrupt.
      const waiting = pri === null ? cpu.runq : queuedAbove(cpu, pri);
      if (waiting.length === 0) continue;
      // A pinned thread proven to stay in the kernel is what keeps them waiting (runq-starvation
      // says so); the interrupt on top of it is not to blame.
      if (!d.idle && kernelStay(cpu, d, idx, limit).proven) continue;
      let worst: number | null = null;
      let worstFrom = '';
      for (const e of waiting) {
        const b = waitBound(ctx, cpu, e, idx.get(e.thread), pri);
        if (b !== null && (worst === null || b.ticks > worst)) {
          worst = b.ticks;
          worstFrom = b.from;
        }
      }
      if (worst !== null && worst < limit) continue;
      const severity: Finding['severity'] = worst === null ? 'low' : worst >= LONG_WAIT_SECONDS * hz.hz ? 'medium' : 'low';
      const ev = new EvidenceSet(ctx).primary(cpuLine(cpu, 'pri')).add(d.interrupt.line).add(d.line);
      for (const e of waiting) ev.add(e.line);
      const names = waiting.slice(0, 6).map((e) => `${threadLabel(e.thread, idx.get(e.thread), e.proc)} pri ${e.pri}`);
      findings.push({
        rule: ID,
        severity,
        confidence: 'inferred',
        title: `CPU ${cpu.id}: ${waiting.length} runnable thread${waiting.length === 1 ? '' : 's'} behind a PIL ${d.interrupt.pil} interrupt thread${worst !== null ? ` (up to ${aboutTime(worst, hz).replace('about ', '')})` : ''}`,
        message:
          `CPU ${cpu.id} is running a PIL ${d.interrupt.pil} interrupt thread ${d.interrupt.thread}` +
          `${d.interrupt.pri !== null ? ` (pri ${d.interrupt.pri})` : ''}; the dispatcher's thread there is ${runnerWords(d)}. ` +
          `Queued: ${names.join(', ')}${waiting.length > names.length ? ', ...' : ''}. They run only when the interrupt returns: ` +
          'an interrupt thread is preempted by nothing but a higher PIL, so no kpreemptpri value helps them. ' +
          (worst !== null
            ? `Their wait is at most ${worst} ticks (${aboutTime(worst, hz)}, ${worstFrom}); a bound, not a measurement. `
            : cpu.switchTicks !== null && pri === null
              ? `SWITCH (t-${cpu.switchTicks}) bounds a waiter only against the priority of the thread under the interrupt, which the input does not show, so their wait is not bounded. `
              : 'The input bounds neither their wait nor how long the interrupt has run (SWITCH -). ') +
          'If the interrupt keeps the CPU (a DTrace state clean over a huge dynamic-variable space, an interrupt storm), ' +
          'work queued here starves, as in the 1532 comment 6 deadlock. ' +
          hzSentence(hz),
        evidence: ev.list(),
        cpu: cpu.id,
        threads: waiting.map((e) => e.thread),
        fix: 'Find what the interrupt thread is doing (its stack) and why it does not return; take a second dump or ::cpuinfo -v later to see whether it persists.',
        confirm: [
          '::cpuinfo -v',
          `${d.interrupt.thread}::findstack -v`,
          '::interrupts',
          ...waiting.slice(0, 3).map((e) => `${e.thread}::print kthread_t t_pri t_disp_time t_waitrq t_bound_cpu`),
        ],
        references: [],
      });
    }
    return { findings, notes };
  },
};
