// preemption-pending: RNRN or KRNRN set on a CPU that has not switched for far longer than a
// quantum. RNRN is honoured only at a return to user level, KRNRN only at a kernel preemption
// point with preemption enabled. A big SWITCH alone is weak: a CPU-bound user thread alone on its
// CPU is re-picked by disp() every quantum without a switch, so SWITCH grows while RNRN is
// honoured. Severity follows kernel-loop evidence (wait.ts), not SWITCH.
import { MAXCLSYSPRI } from '../../illumos/index.ts';
import { comparePri, dispatched, runnerWords } from './dispatch.ts';
import { EvidenceSet, cpuLine, cpuProcLine } from './evidence.ts';
import { FAR_BEYOND_QUANTUM_TICKS } from './facts.ts';
import { noCpusNote } from './notes.ts';
import { FIX_KPREEMPTPRI, KPREEMPT_REFS } from './references.ts';
import { queuedAbove, threadIndex } from './threads.ts';
import { aboutTime, hzSentence, resolveHz, thresholdTicks, ticksText } from './time.ts';
import type { Finding, Rule, RuleNote } from './types.ts';
import { kernelStay } from './wait.ts';

const ID = 'preemption-pending';

export const preemptionPending: Rule = {
  id: ID,
  title: 'Requested preemption not honoured',
  run(ctx) {
    const findings: Finding[] = [];
    const notes: RuleNote[] = [];
    const hz = resolveHz(ctx);
    const limit = thresholdTicks(ctx, hz);
    const far = Math.max(FAR_BEYOND_QUANTUM_TICKS, limit);
    const idx = threadIndex(ctx.snapshot);
    if (ctx.snapshot.cpus.length === 0) {
      notes.push(noCpusNote(ctx, ID, 'cannot check RNRN/KRNRN.'));
      return { findings, notes };
    }
    for (const cpu of ctx.snapshot.cpus) {
      if (cpu.runrun !== true && cpu.kprunrun !== true) continue;
      if (cpu.switchTicks === null) {
        notes.push({ rule: ID, message: `CPU ${cpu.id} has a preemption requested but its SWITCH is not shown (-): cannot tell how old the request is.` });
        continue;
      }
      if (cpu.switchTicks <= far) continue;
      const d = dispatched(cpu, idx);
      // The idle thread is never preempted: it looks for work itself.
      if (d.idle) continue;
      const above = queuedAbove(cpu, comparePri(d));
      let topAbove = -Infinity;
      for (const e of above) if (e.pri > topAbove) topAbove = e.pri;
      const stay = kernelStay(cpu, d, idx, limit);
      const ev = new EvidenceSet(ctx).primary(cpuLine(cpu, 'runrun')).add(cpuProcLine(cpu)).add(d.line);
      for (const e of above) ev.add(e.line);
      for (const l of stay.lines) ev.add(l);
      const flags = [cpu.runrun === true ? 'RNRN' : null, cpu.kprunrun === true ? 'KRNRN' : null].filter((x) => x !== null).join(' and ');
      let why: string;
      if (cpu.kprunrun === true && stay.proven) {
        why =
          `KRNRN is set, so a kernel preemption was requested, yet the thread has kept the CPU in the kernel (${stay.words}): ` +
          'it has kernel preemption disabled (t_preempt > 0, e.g. inside kpreempt_disable()) or never reaches a preemption point.';
      } else if (cpu.kprunrun === true) {
        // KRNRN is cleared by the next disp(), so it is normally seen for an instant; its age is not in the dump.
        why =
          'KRNRN is set: a kernel preemption was requested and not yet taken. Nothing in the input shows how long ago: ' +
          'SWITCH does not move when disp() picks the same thread again, and nothing proves the thread stays in the ' +
          'kernel, so the request may be a tick old (a waiter at kpreemptpri or above that another CPU then took leaves it ' +
          'set until the next disp()). Had it lasted, the thread would have kernel preemption disabled (t_preempt > 0) or ' +
          'no preemption point.';
      } else if (stay.proven) {
        why =
          `Only RNRN is set, and the thread stays in the kernel (${stay.words}), so only blocking or a kernel preemption ` +
          'takes it off the CPU. KRNRN is clear, so no waiter was allowed to preempt it in the kernel' +
          (topAbove >= MAXCLSYSPRI ? ` even though pri-${MAXCLSYSPRI} threads wait (kpreemptpri above ${MAXCLSYSPRI}).` : '.');
      } else {
        why =
          "Only RNRN is set: it is honoured at the thread's next return to user level. Nothing in the input proves the " +
          'thread stays in the kernel, and SWITCH does not move when disp() picks the same thread again, so the request ' +
          'may be a tick old.';
      }
      const waiting =
        above.length > 0
          ? ` ${above.length} thread${above.length === 1 ? '' : 's'} wait${above.length === 1 ? 's' : ''} above it (highest pri ${topAbove}).`
          : cpu.runq === null && (cpu.nrun ?? 0) > 0
            ? ` ${cpu.nrun} thread(s) are queued; the run queue is not listed (::cpuinfo -v).`
            : ' Nothing of higher priority is queued on it.';
      const evidenced = stay.proven;
      const severity: Finding['severity'] = !evidenced ? 'low' : above.length > 0 ? 'high' : cpu.runq === null && (cpu.nrun ?? 0) > 0 ? 'medium' : 'low';
      findings.push({
        rule: ID,
        severity,
        confidence: evidenced ? 'certain' : 'inferred',
        title: `CPU ${cpu.id}: ${flags} set, CPU not switched for ${aboutTime(cpu.switchTicks, hz)}`,
        message:
          `CPU ${cpu.id} has ${flags} set and has not switched for ${ticksText(cpu.switchTicks, hz)}, far beyond a ` +
          `time quantum (at most 20 ticks in ts_dptbl). The thread the dispatcher runs there is ${runnerWords(d)}. ${why}${waiting}` +
          (hz.source !== 'input' ? ' ' + hzSentence(hz) : ''),
        evidence: ev.list(),
        cpu: cpu.id,
        threads: d.thread !== null ? [d.thread] : [],
        fix:
          cpu.kprunrun === true
            ? 'Find where the running thread keeps kernel preemption disabled (its stack, t_preempt) and let it reach a preemption point.'
            : `The running thread must return to user level or be preempted in the kernel. ${FIX_KPREEMPTPRI}`,
        confirm: [
          '::cpuinfo -v',
          ...(cpu.addr !== null ? [`${cpu.addr}::print cpu_t cpu_runrun cpu_kprunrun cpu_last_swtch cpu_dispatch_pri`] : []),
          ...(d.thread !== null ? [`${d.thread}::findstack -v`, `${d.thread}::print kthread_t t_preempt t_astflag t_trapret t_pri`] : []),
        ],
        references: cpu.kprunrun === true ? [] : [...KPREEMPT_REFS],
      });
    }
    return { findings, notes };
  },
};
