// preemption-pending: RNRN or KRNRN set on a CPU that has not switched for far longer than a
// quantum. RNRN is honoured only at a return to user level, KRNRN only at a kernel preemption
// point with preemption enabled; a request that old is not being honoured.
import { EvidenceSet, cpuLine, cpuProcLine } from './evidence.ts';
import { FAR_BEYOND_QUANTUM_TICKS, INTR_PRI_FLOOR, MAXCLSYSPRI, MINCLSYSPRI } from './facts.ts';
import { FIX_KPREEMPTPRI, KPREEMPT_REFS } from './references.ts';
import { queuedAbove } from './threads.ts';
import { aboutTime, hzSentence, resolveHz, thresholdTicks, ticksText } from './time.ts';
import type { Finding, Rule, RuleNote } from './types.ts';

const ID = 'preemption-pending';

export const preemptionPending: Rule = {
  id: ID,
  title: 'Requested preemption not honoured',
  run(ctx) {
    const findings: Finding[] = [];
    const notes: RuleNote[] = [];
    const hz = resolveHz(ctx);
    const far = Math.max(FAR_BEYOND_QUANTUM_TICKS, thresholdTicks(ctx, hz));
    if (ctx.snapshot.cpus.length === 0) {
      notes.push({ rule: ID, message: 'No ::cpuinfo output in the input: cannot check RNRN/KRNRN.' });
      return { findings, notes };
    }
    for (const cpu of ctx.snapshot.cpus) {
      if (cpu.runrun !== true && cpu.kprunrun !== true) continue;
      if (cpu.switchTicks === null) {
        notes.push({ rule: ID, message: `CPU ${cpu.id} has a preemption requested but its SWITCH is not shown (-): cannot tell how old the request is.` });
        continue;
      }
      if (cpu.switchTicks <= far) continue;
      const above = queuedAbove(cpu);
      const ev = new EvidenceSet(ctx).primary(cpuLine(cpu, 'runrun')).add(cpuProcLine(cpu));
      for (const e of above) ev.add(e.line);
      const flags = [cpu.runrun === true ? 'RNRN' : null, cpu.kprunrun === true ? 'KRNRN' : null].filter((x) => x !== null).join(' and ');
      const parts = [cpu.proc, cpu.pri !== null ? `pri ${cpu.pri}` : null].filter((x): x is string => x !== null && x !== '');
      const who = `${cpu.thread ?? '?'}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
      let why: string;
      if (cpu.kprunrun === true) {
        why =
          'KRNRN is set, so a kernel preemption was requested, yet the thread has kept the CPU: it has kernel ' +
          'preemption disabled (t_preempt > 0, e.g. inside kpreempt_disable()) or never reaches a preemption point.';
      } else {
        const kernelThread = cpu.pri !== null && cpu.pri >= MINCLSYSPRI && cpu.pri < INTR_PRI_FLOOR;
        why =
          (kernelThread
            ? 'Only RNRN is set, and the thread is a kernel thread (SYS range): it never returns to user level, so only ' +
              'blocking or a kernel preemption takes it off the CPU.'
            : "Only RNRN is set: the preemption will happen at the thread's next return to user level, which has not come.") +
          ' KRNRN is clear, so no waiter was allowed to preempt it in the kernel' +
          (above.some((e) => e.pri >= MAXCLSYSPRI) ? ` even though pri-${MAXCLSYSPRI} threads wait (kpreemptpri above ${MAXCLSYSPRI}).` : '.');
      }
      const waiting =
        above.length > 0
          ? ` ${above.length} thread${above.length === 1 ? '' : 's'} wait${above.length === 1 ? 's' : ''} above it (highest pri ${Math.max(...above.map((e) => e.pri))}).`
          : cpu.runq === null && (cpu.nrun ?? 0) > 0
            ? ` ${cpu.nrun} thread(s) are queued; the run queue is not listed (::cpuinfo -v).`
            : ' Nothing of higher priority is queued on it: a CPU-bound thread alone on its CPU keeps a growing SWITCH and can show RNRN for a tick, so this alone is weak.';
      const severity: Finding['severity'] = above.length > 0 ? 'high' : cpu.runq === null && (cpu.nrun ?? 0) > 0 ? 'medium' : 'low';
      findings.push({
        rule: ID,
        severity,
        confidence: 'certain',
        title: `CPU ${cpu.id}: ${flags} set, not honoured for ${aboutTime(cpu.switchTicks, hz)}`,
        message:
          `CPU ${cpu.id} has ${flags} set and has not switched for ${ticksText(cpu.switchTicks, hz)}, far beyond a ` +
          `time quantum (at most 20 ticks in ts_dptbl). The thread on it is ${who}. ${why}${waiting}` +
          (hz.assumed ? ' ' + hzSentence(hz) : ''),
        evidence: ev.list(),
        cpu: cpu.id,
        threads: cpu.thread !== null ? [cpu.thread] : [],
        fix:
          cpu.kprunrun === true
            ? 'Find where the running thread keeps kernel preemption disabled (its stack, t_preempt) and let it reach a preemption point.'
            : `The running thread must return to user level or be preempted in the kernel. ${FIX_KPREEMPTPRI}`,
        confirm: [
          '::cpuinfo -v',
          ...(cpu.addr !== null ? [`${cpu.addr}::print cpu_t cpu_runrun cpu_kprunrun cpu_last_swtch cpu_dispatch_pri`] : []),
          ...(cpu.thread !== null ? [`${cpu.thread}::findstack -v`, `${cpu.thread}::print kthread_t t_preempt t_astflag t_trapret t_pri`] : []),
        ],
        references: cpu.kprunrun === true ? [] : [...KPREEMPT_REFS],
      });
    }
    return { findings, notes };
  },
};
