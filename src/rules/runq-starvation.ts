// runq-starvation: runnable threads queued above the thread that holds the CPU, for longer than
// the threshold. The wait is exact when t_disp_time and the dump's lbolt are shown; otherwise
// SWITCH bounds it: a thread queued above the running one must have arrived after the last switch
// (else that switch would have chosen it), so it has waited at most SWITCH ticks.
import type { Cpu, RunqEntry, Thread } from '../model/snapshot.ts';
import { EvidenceSet, cpuLine, cpuProcLine } from './evidence.ts';
import { BOUND_BY_DEFAULT_ROLES, LONG_WAIT_SECONDS, MAXCLSYSPRI, MINCLSYSPRI } from './facts.ts';
import { FIX_KPREEMPTPRI, KPREEMPT_REFS } from './references.ts';
import { threadIndex, binding, priClass, queuedAbove, threadRole } from './threads.ts';
import { aboutTime, dumpLbolt, hzSentence, resolveHz, thresholdTicks, type HzInfo } from './time.ts';
import type { Finding, Rule, RuleContext, RuleNote } from './types.ts';

const ID = 'runq-starvation';

interface Starved {
  entry: RunqEntry;
  thread: Thread | null;
  waitTicks: number;
  /** exact: from t_disp_time; bound: at most SWITCH. */
  kind: 'exact' | 'bound';
}

function waitOf(ctx: RuleContext, cpu: Cpu, e: RunqEntry, t: Thread | null): { ticks: number; kind: 'exact' | 'bound' } | null {
  const lbolt = dumpLbolt(ctx);
  if (t !== null && t.dispTime !== null && lbolt !== null && lbolt.value >= t.dispTime) {
    return { ticks: lbolt.value - t.dispTime, kind: 'exact' };
  }
  if (cpu.switchTicks !== null) return { ticks: cpu.switchTicks, kind: 'bound' };
  return null;
}

function describe(s: Starved, hz: HzInfo): string {
  const role = threadRole(s.thread);
  const b = binding(s.thread);
  let what = role !== null ? role.name : s.entry.proc !== '' ? `${s.entry.proc}, no stack in the input` : 'no stack in the input';
  if (b.kind === 'bound') what += `, bound to CPU ${b.cpu}`;
  else if (b.kind === 'unbound') what += ', unbound';
  else if (role !== null && BOUND_BY_DEFAULT_ROLES.has(role.name)) what += ', bound to its CPU by default (t_bound_cpu not shown)';
  const wait =
    s.kind === 'exact'
      ? `waited ${s.waitTicks} ticks (${aboutTime(s.waitTicks, hz)}, from t_disp_time)`
      : `worst-case wait ${s.waitTicks} ticks (${aboutTime(s.waitTicks, hz)}, from SWITCH)`;
  return `${s.entry.thread} pri ${s.entry.pri} (${priClass(s.entry.pri)}; ${what}): ${wait}`;
}

function severityFor(starved: Starved[], hz: HzInfo): Finding['severity'] {
  const worst = Math.max(...starved.map((s) => s.waitTicks)) / hz.hz;
  const sys = starved.some((s) => s.entry.pri >= MINCLSYSPRI);
  if (worst >= LONG_WAIT_SECONDS && sys) return 'critical';
  if (worst >= LONG_WAIT_SECONDS || sys) return 'high';
  return 'medium';
}

function fixFor(cpu: Cpu, starved: Starved[]): string {
  const top = Math.max(...starved.map((s) => s.entry.pri));
  const base =
    `The thread on CPU ${cpu.id} must give up the CPU: it has to block, return to user level (where RNRN ` +
    'is honoured), or be preempted in the kernel (KRNRN).';
  if (top >= MAXCLSYSPRI && (cpu.pri ?? 0) < MAXCLSYSPRI) return `${base} ${FIX_KPREEMPTPRI}`;
  return (
    `${base} kpreemptpri = maxclsyspri (illumos 1532) helps only waiters at 99; these wait at ${top}, so the ` +
    'running thread itself must reach a preemption point (for a KVM/bhyve vCPU loop, check for a pending ' +
    'preemption after each VM exit, as the 1532 reporter did by setting cpu_kprunrun).'
  );
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
    if (ctx.snapshot.cpus.length === 0) {
      notes.push({ rule: ID, message: 'No ::cpuinfo output in the input: cannot check run queues for starvation.' });
      return { findings, notes };
    }
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
      if (cpu.pri === null) {
        if (cpu.runq.length > 0) notes.push({ rule: ID, message: `CPU ${cpu.id}: the running thread's priority is not shown (PRI -): cannot compare.` });
        continue;
      }
      const starved: Starved[] = [];
      for (const e of queuedAbove(cpu)) {
        const t = idx.get(e.thread);
        const w = waitOf(ctx, cpu, e, t);
        if (w !== null && w.ticks >= limit) starved.push({ entry: e, thread: t, waitTicks: w.ticks, kind: w.kind });
      }
      if (starved.length === 0) continue;

      const ev = new EvidenceSet(ctx).primary(starved[0]!.entry.line).add(cpuLine(cpu, 'switchTicks')).add(cpuProcLine(cpu));
      for (const s of starved) {
        ev.add(s.entry.line);
        if (s.thread !== null) ev.add(threadRole(s.thread)?.line).add(s.thread.lines['dispTime']);
      }
      const worst = Math.max(...starved.map((s) => s.waitTicks));
      const anyBound = starved.some((s) => s.kind === 'bound');
      const running = `${cpu.thread ?? '?'}${cpu.proc !== null ? ` (${cpu.proc})` : ''} at pri ${cpu.pri}`;
      const confirm = ['::cpuinfo -v'];
      for (const s of starved.slice(0, 4)) confirm.push(`${s.entry.thread}::print kthread_t t_pri t_epri t_disp_time t_waitrq t_bound_cpu`);
      if (anyBound) confirm.push('panic_lbolt64/e');
      if (cpu.thread !== null) confirm.push(`${cpu.thread}::findstack -v`);
      findings.push({
        rule: ID,
        severity: severityFor(starved, hz),
        confidence: anyBound ? 'inferred' : 'certain',
        title: `CPU ${cpu.id}: ${starved.length} runnable thread${starved.length === 1 ? '' : 's'} starved behind a pri-${cpu.pri} thread for up to ${aboutTime(worst, hz).replace('about ', '')}`,
        message:
          `CPU ${cpu.id} runs ${running} while ${starved.length} thread${starved.length === 1 ? '' : 's'} of higher priority ` +
          `wait on its run queue longer than the ${ctx.options.starvationSeconds} s threshold:\n` +
          starved.map((s) => `- ${describe(s, hz)}`).join('\n') +
          (anyBound
            ? `\nA wait "from SWITCH" is an upper bound: the CPU has not switched for ${cpu.switchTicks} ticks, and a thread ` +
              'queued above the running one must have arrived after that switch. t_disp_time would give the exact wait.'
            : '') +
          `\nRNRN ${cpu.runrun === null ? '?' : cpu.runrun ? 'yes' : 'no'}, KRNRN ${cpu.kprunrun === null ? '?' : cpu.kprunrun ? 'yes' : 'no'}. ` +
          hzSentence(hz),
        evidence: ev.list(),
        cpu: cpu.id,
        threads: starved.map((s) => s.entry.thread),
        fix: fixFor(cpu, starved),
        confirm,
        references: [...KPREEMPT_REFS],
      });
    }
    return { findings, notes };
  },
};
