// ts-timeleft-overrun: a TS thread whose quantum ran out and was never refilled. ts_tick keeps
// decrementing ts_timeleft and calling cpu_surrender while the thread stays on the CPU; the
// quantum comes back only through preempt()/yield. schedctl no-preempt allows SC_MAX_TICKS of
// overrun; anything past the starvation threshold on an ONPROC thread means it has stayed in the
// kernel, since a return to user level with RNRN set would have preempted it and refilled the
// quantum. Off the CPU a negative value proves nothing: it survives a sleep (ts_sleep/ts_wakeup
// refill only past ts_maxwait). -N counts charged ticks, not elapsed time.
import { SC_MAX_TICKS, TS_MAXUMDPRI } from '../../illumos/index.ts';
import type { Thread } from '../model/snapshot.ts';
import { onCpuOf } from './dispatch.ts';
import { EvidenceSet, cpuLine, cpuProcLine } from './evidence.ts';
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

/** Is the thread known to be ONPROC (on a CPU row, pinned under an interrupt, or t_state)? */
function isOnproc(t: Thread, onCpu: boolean): boolean {
  return onCpu || t.state === 'onproc';
}

const SEVERITY: Record<OverrunClass, Finding['severity']> = { grace: 'info', 'beyond-grace': 'low', 'kernel-stay': 'high' };

function offCpuNote(t: Thread, addr: string, tl: number): RuleNote {
  return {
    rule: ID,
    message:
      `${addr} has ts_timeleft ${tl} but is not on a CPU${t.state !== null ? ` (state ${t.state})` : ' as far as the input shows'}: ` +
      'a negative quantum survives a sleep (ts_sleep and ts_wakeup refill it only after ts_maxwait), so it says nothing ' +
      'about where the thread is now. Only an ONPROC thread\'s negative value shows a stay in the kernel.',
  };
}

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
            `No thread's ts_timeleft in the input. ${onCpuLong.map((c) => `CPU ${c.id}`).join(', ')} ha${onCpuLong.length === 1 ? 's' : 've'} RNRN set and a long SWITCH; ` +
            '`<thread>::print kthread_t t_cldata | ::print tsproc_t ts_timeleft` would show whether the running thread overran its quantum.',
        });
      }
      return { findings, notes };
    }
    for (const t of shown) {
      const tl = t.tsTimeleft!;
      const cls0 = classifyOverrun(tl, limit);
      if (cls0 === null) continue;
      const over = -tl;
      const addr = t.addr ?? '(unknown thread)';
      const cpu = onCpuOf(ctx, t);
      if (!isOnproc(t, cpu !== null)) {
        if (cls0 !== 'grace') notes.push(offCpuNote(t, addr, tl));
        continue;
      }
      const cls = cls0;
      const ev = new EvidenceSet(ctx).primary(t.lines['tsTimeleft']).add(t.lines['cldata']);
      let where = '';
      if (cpu !== null) {
        ev.add(cpuLine(cpu, 'runrun')).add(cpuProcLine(cpu));
        const rn = cpu.runrun === null ? '?' : cpu.runrun ? 'yes' : 'no';
        const krn = cpu.kprunrun === null ? '?' : cpu.kprunrun ? 'yes' : 'no';
        const pinned = cpu.pinned?.thread === t.addr && cpu.thread !== t.addr;
        where = ` It is on CPU ${cpu.id}${pinned ? ', pinned under an interrupt thread' : ''} (RNRN ${rn}, KRNRN ${krn}${cpu.switchTicks !== null ? `, SWITCH ${cpu.switchTicks}` : ''}).`;
        if (pinned) ev.add(cpu.pinned?.line);
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
          `${label} has ts_timeleft ${tl}: ${ticksText(over, hz)} were charged to it past its quantum, beyond the schedctl no-preempt ` +
          `grace (SC_MAX_TICKS = ${SC_MAX_TICKS}) but under the ${ctx.options.starvationSeconds} s threshold: a long ` +
          'stretch in the kernel (a slow system call) without a return to user level.';
      } else {
        body =
          `${label} has ts_timeleft ${tl}: ${ticksText(over, hz)} were charged to it past its quantum while it ` +
          `stayed on the CPU, far past the schedctl no-preempt grace (SC_MAX_TICKS = ${SC_MAX_TICKS} ticks); -N counts ` +
          'charged ticks (ticks that found the CPU in an interrupt are charged to nobody), so the time since is at least that. ' +
          'The thread has stayed in the kernel all that time: ' +
          'each tick re-requests a preemption (cpu_surrender sets RNRN), and any return to user level would have ' +
          'preempted it and refilled its quantum (ts_preempt). No kernel preemption took it either.';
      }
      findings.push({
        rule: ID,
        severity: SEVERITY[cls],
        confidence: 'certain',
        title:
          cls === 'kernel-stay'
            ? `Thread ${addr} has stayed in the kernel ${over} charged ticks (${aboutTime(over, hz)}) past its quantum (ts_timeleft ${tl})`
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
