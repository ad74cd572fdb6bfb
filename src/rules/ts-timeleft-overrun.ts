// ts-timeleft-overrun: a TS thread whose quantum ran out and was never refilled. ts_tick keeps
// decrementing ts_timeleft and calling cpu_surrender while the thread stays on the CPU; the
// quantum comes back only through preempt()/yield. schedctl no-preempt allows SC_MAX_TICKS of
// overrun; anything past the starvation threshold means the thread has stayed in the kernel,
// since a return to user level with RNRN set would have preempted it and refilled the quantum.
import type { Cpu, Thread } from '../model/snapshot.ts';
import { EvidenceSet, cpuLine, cpuProcLine } from './evidence.ts';
import { SC_MAX_TICKS, TS_MAXUMDPRI } from './facts.ts';
import { KPREEMPT_REFS } from './references.ts';
import { threadLabel } from './threads.ts';
import { aboutTime, hzSentence, resolveHz, thresholdTicks, ticksText } from './time.ts';
import type { Finding, Rule, RuleNote } from './types.ts';

const ID = 'ts-timeleft-overrun';

export type OverrunClass = 'grace' | 'beyond-grace' | 'kernel-stay';

export function classifyOverrun(timeleft: number, limitTicks: number): OverrunClass | null {
  if (timeleft >= 0) return null;
  const over = -timeleft;
  if (over <= SC_MAX_TICKS) return 'grace';
  if (over >= limitTicks) return 'kernel-stay';
  return 'beyond-grace';
}

function cpuOf(cpus: Cpu[], t: Thread): Cpu | null {
  if (t.onCpu !== null) return cpus.find((c) => c.id === t.onCpu) ?? null;
  if (t.addr === null) return null;
  const a = t.addr.toLowerCase();
  return cpus.find((c) => c.thread !== null && c.thread.toLowerCase() === a) ?? null;
}

const SEVERITY: Record<OverrunClass, Finding['severity']> = { grace: 'info', 'beyond-grace': 'low', 'kernel-stay': 'high' };

export const tsTimeleftOverrun: Rule = {
  id: ID,
  title: 'TS thread running past its time quantum',
  run(ctx) {
    const findings: Finding[] = [];
    const notes: RuleNote[] = [];
    const hz = resolveHz(ctx);
    const limit = thresholdTicks(ctx, hz);
    const shown = ctx.snapshot.threads.filter((t) => t.tsTimeleft !== null);
    if (shown.length === 0) {
      // Only a thread at a user priority can be TS and so have a quantum to overrun.
      const onCpuLong = ctx.snapshot.cpus.filter((c) => c.runrun === true && (c.switchTicks ?? 0) >= limit && c.pri !== null && c.pri >= 0 && c.pri <= TS_MAXUMDPRI);
      if (onCpuLong.length > 0) {
        notes.push({
          rule: ID,
          message:
            `No ts_timeleft in the input. ${onCpuLong.map((c) => `CPU ${c.id}`).join(', ')} ha${onCpuLong.length === 1 ? 's' : 've'} RNRN set and a long SWITCH; ` +
            '`<thread>::print kthread_t t_cldata | ::print tsproc_t ts_timeleft` would show whether the running thread overran its quantum.',
        });
      }
      return { findings, notes };
    }
    for (const t of shown) {
      const tl = t.tsTimeleft!;
      const cls = classifyOverrun(tl, limit);
      if (cls === null) continue;
      const over = -tl;
      const addr = t.addr ?? '(unknown thread)';
      const cpu = cpuOf(ctx.snapshot.cpus, t);
      const ev = new EvidenceSet(ctx).primary(t.lines['tsTimeleft']).add(t.lines['cldata']);
      let where = '';
      if (cpu !== null) {
        ev.add(cpuLine(cpu, 'runrun')).add(cpuProcLine(cpu));
        const rn = cpu.runrun === null ? '?' : cpu.runrun ? 'yes' : 'no';
        const krn = cpu.kprunrun === null ? '?' : cpu.kprunrun ? 'yes' : 'no';
        where = ` It is on CPU ${cpu.id} (RNRN ${rn}, KRNRN ${krn}${cpu.switchTicks !== null ? `, SWITCH ${cpu.switchTicks}` : ''}).`;
        if (cls === 'kernel-stay' && cpu.switchTicks !== null && cpu.switchTicks >= over) {
          where +=
            ` SWITCH exceeds the overrun by ${cpu.switchTicks - over} ticks: the quantum it had when switched in, plus ` +
            'ticks not charged to it (ticks that find the CPU in an interrupt are charged to nobody) [inferred].';
        }
      }
      const label = threadLabel(addr, t, t.proc);
      let body: string;
      if (cls === 'grace') {
        body =
          `${label} has ts_timeleft ${tl}: ${over} tick${over === 1 ? '' : 's'} past its quantum, within the schedctl ` +
          `no-preempt grace (SC_MAX_TICKS = ${SC_MAX_TICKS}). Normal: the thread is about to be preempted or asked to yield.`;
      } else if (cls === 'beyond-grace') {
        body =
          `${label} has ts_timeleft ${tl}: its quantum ran out ${ticksText(over, hz)} ago, past the schedctl no-preempt ` +
          `grace (SC_MAX_TICKS = ${SC_MAX_TICKS}) but under the ${ctx.options.starvationSeconds} s threshold: a long ` +
          'stretch in the kernel (a slow system call) without a return to user level.';
      } else {
        body =
          `${label} has ts_timeleft ${tl}: its quantum ran out ${ticksText(over, hz)} ago, far past the schedctl ` +
          `no-preempt grace (SC_MAX_TICKS = ${SC_MAX_TICKS} ticks). The thread has stayed in the kernel all that time: ` +
          'each tick re-requests a preemption (cpu_surrender sets RNRN), and any return to user level would have ' +
          'preempted it and refilled its quantum (ts_preempt). No kernel preemption took it either.';
      }
      findings.push({
        rule: ID,
        severity: SEVERITY[cls],
        confidence: 'certain',
        title:
          cls === 'kernel-stay'
            ? `Thread ${addr} has stayed in the kernel ${aboutTime(over, hz)} past its quantum (ts_timeleft ${tl})`
            : cls === 'beyond-grace'
              ? `Thread ${addr} overran its quantum by ${over} ticks (ts_timeleft ${tl})`
              : `Thread ${addr} is within the no-preempt grace (ts_timeleft ${tl})`,
        message: body + where + (cls !== 'grace' ? ' ' + hzSentence(hz) : '') + ` Class: ${cls}.`,
        evidence: ev.list(),
        ...(cpu !== null ? { cpu: cpu.id } : {}),
        threads: t.addr !== null ? [t.addr] : [],
        fix:
          cls === 'grace'
            ? 'Nothing to fix.'
            : 'Code that loops in the kernel on behalf of a user thread (a KVM/bhyve vCPU run loop) must check for a ' +
              'pending preemption (cpu_runrun/cpu_kprunrun) and yield or return to user level. Waiters at SYS ' +
              'priority 99 can preempt it in the kernel once kpreemptpri = maxclsyspri (illumos 1532 / OS-970).',
        confirm: [
          `${addr}::print kthread_t t_cldata | ::print tsproc_t ts_timeleft ts_dispwait ts_flags ts_cpupri`,
          `${addr}::findstack -v`,
          `${addr}::print kthread_t t_pri t_state t_preempt t_astflag`,
          '::cpuinfo -v',
        ],
        references: cls === 'grace' ? [] : [...KPREEMPT_REFS],
      });
    }
    return { findings, notes };
  },
};
