// equal-priority-starvation: threads queued at the same SYS priority as the kernel thread that
// holds their CPU. SYS has no clock tick (no quantum, no cpu_surrender), and cpu_resched asks for
// a preemption only for a strictly higher waiter, so equals wait until the running thread blocks,
// whatever kpreemptpri is (illumos 7232 describes long-running pri-99 kernel threads doing this).
import { MAXCLSYSPRI, MINCLSYSPRI } from '../../illumos/index.ts';
import type { RunqEntry } from '../model/snapshot.ts';
import { dispatched, runnerWords } from './dispatch.ts';
import { EvidenceSet, cpuLine, cpuProcLine } from './evidence.ts';
import { LONG_WAIT_SECONDS } from './facts.ts';
import { REF_ILLUMOS_7232 } from './references.ts';
import { LIST_LIMIT, binding, bindingWords, listSome, threadIndex, threadLabel } from './threads.ts';
import { aboutTime, hzSentence, resolveHz, thresholdTicks } from './time.ts';
import type { Finding, Rule, RuleNote } from './types.ts';

const ID = 'equal-priority-starvation';

export const equalPriorityStarvation: Rule = {
  id: ID,
  title: 'Kernel threads starved behind a kernel thread of the same priority',
  run(ctx) {
    const findings: Finding[] = [];
    const notes: RuleNote[] = [];
    const hz = resolveHz(ctx);
    const limit = thresholdTicks(ctx, hz);
    const idx = threadIndex(ctx.snapshot);
    for (const cpu of ctx.snapshot.cpus) {
      if (cpu.runq === null || cpu.switchTicks === null || cpu.switchTicks < limit) continue;
      const d = dispatched(cpu, idx);
      if (d.idle || d.pri === null || d.pri < MINCLSYSPRI || d.pri > MAXCLSYSPRI) continue;
      const runner = idx.get(d.thread);
      // SDC threads get a preemption from sysdc_update when an equal waits: not this case.
      if (runner?.cls === 'SDC' || (runner?.cls !== null && runner?.cls !== undefined && runner.cls !== 'SYS')) continue;
      const equal: RunqEntry[] = [];
      for (const e of cpu.runq) if (e.pri === d.pri) equal.push(e);
      if (equal.length === 0) continue;
      const held = equal.filter((e) => {
        const k = binding(idx.get(e.thread)).kind;
        return k === 'bound' || k === 'bound-by-default';
      });
      const long = cpu.switchTicks >= LONG_WAIT_SECONDS * hz.hz;
      const ev = new EvidenceSet(ctx).primary(equal[0]!.line).add(cpuLine(cpu, 'switchTicks')).add(cpuProcLine(cpu)).add(d.line);
      for (const e of equal) ev.add(e.line);
      findings.push({
        rule: ID,
        severity: long && held.length > 0 ? 'high' : 'medium',
        confidence: 'inferred',
        title: `CPU ${cpu.id}: ${equal.length} pri-${d.pri} thread${equal.length === 1 ? '' : 's'} queued behind a pri-${d.pri} kernel thread, CPU not switched for ${aboutTime(cpu.switchTicks, hz)}`,
        message:
          `CPU ${cpu.id} runs ${runnerWords(d)}, a kernel thread's priority, and has not switched for ${aboutTime(cpu.switchTicks, hz)}. ` +
          `Queued at the same priority: ${listSome(
            equal.slice(0, LIST_LIMIT).map((e) => `${threadLabel(e.thread, idx.get(e.thread), e.proc)} (${bindingWords(binding(idx.get(e.thread)))})`),
            equal.length,
          )}. ` +
          'SYS threads have no time quantum and are never preempted by a thread of their own priority (cpu_resched needs a ' +
          'strictly higher waiter; kpreemptpri does not change that), so these run only when the running thread blocks. ' +
          'SWITCH bounds their wait, it does not measure it: they may have been queued a tick ago. ' +
          (held.length < equal.length ? 'Threads not known to be bound could be taken by an idle CPU. ' : '') +
          hzSentence(hz),
        evidence: ev.list(),
        cpu: cpu.id,
        // The running thread first: it is the one that must block for the others to run.
        threads: [...(d.thread !== null ? [d.thread] : []), ...equal.map((e) => e.thread)],
        fix:
          'The running kernel thread must block or yield (kpreempt(KPREEMPT_SYNC) at a safe point, as illumos 7232 added ' +
          'to kmem reaping), or run at a lower priority than the work it starves.',
        confirm: [
          '::cpuinfo -v',
          ...(d.thread !== null ? [`${d.thread}::findstack -v`, `${d.thread}::print kthread_t t_pri t_cid`] : []),
          ...equal.slice(0, 3).map((e) => `${e.thread}::print kthread_t t_pri t_disp_time t_waitrq t_bound_cpu`),
        ],
        references: [REF_ILLUMOS_7232],
      });
    }
    return { findings, notes };
  },
};
