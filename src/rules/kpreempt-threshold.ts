// kpreempt-threshold: kpreemptpri above maxclsyspri, so SYS pri-99 threads can never force a
// kernel preemption (illumos 1532). Direct when the input shows kpreemptpri; inferred from a CPU
// that has pri >= 99 work queued above a long-running thread and still KRNRN no.
// Idle CPUs are never witnesses (cpu_resched leaves them alone), and under an interrupt the
// waiters are compared with the pinned thread's priority, as cpu_resched does.
import { KPREEMPTPRI_PRE_FIX, MAXCLSYSPRI } from '../../illumos/index.ts';
import type { Cpu, RunqEntry } from '../model/snapshot.ts';
import { comparePri, dispatched, runnerWords, type Dispatched } from './dispatch.ts';
import { EvidenceSet, cpuLine, cpuProcLine } from './evidence.ts';
import { FAR_BEYOND_QUANTUM_TICKS } from './facts.ts';
import { noCpusNote } from './notes.ts';
import { FIX_KPREEMPTPRI, KPREEMPT_REFS } from './references.ts';
import { LIST_LIMIT, listSome, threadIndex, type ThreadIndex, queuedAbove, threadLabel } from './threads.ts';
import { hzSentence, resolveHz, thresholdTicks, ticksText } from './time.ts';
import { kernelStay, type Stay } from './wait.ts';
import type { Finding, Rule, RuleContext, RuleNote } from './types.ts';

const ID = 'kpreempt-threshold';

interface Witness {
  cpu: Cpu;
  d: Dispatched;
  waiting: RunqEntry[];
  /** Whether the input proves the dispatched thread stays in the kernel: only then is the harm shown. */
  stay: Stay;
}

/** CPUs whose state is only possible if kpreemptpri > the highest queued priority above the dispatched thread. */
function witnesses(ctx: RuleContext, idx: ThreadIndex, maxsys: number, farTicks: number, limit: number): Witness[] {
  const out: Witness[] = [];
  for (const cpu of ctx.snapshot.cpus) {
    if (cpu.kprunrun !== false || cpu.switchTicks === null || cpu.switchTicks <= farTicks) continue;
    const d = dispatched(cpu, idx);
    if (d.idle) continue;
    // Only SYS-top work counts: an interrupt/RT-level waiter with KRNRN no would mean something else.
    const waiting = queuedAbove(cpu, comparePri(d)).filter((e) => e.pri >= maxsys && e.pri < KPREEMPTPRI_PRE_FIX);
    if (waiting.length > 0) out.push({ cpu, d, waiting, stay: kernelStay(cpu, d, idx, limit) });
  }
  return out;
}

function maxPri(es: readonly RunqEntry[]): number {
  let m = -Infinity;
  for (const e of es) if (e.pri > m) m = e.pri;
  return m;
}

function describeWitness(w: Witness, ctx: RuleContext, idx: ThreadIndex): string {
  const hz = resolveHz(ctx);
  const names = listSome(w.waiting.slice(0, LIST_LIMIT).map((e) => threadLabel(e.thread, idx.get(e.thread), e.proc)), w.waiting.length);
  return (
    `CPU ${w.cpu.id} has ${w.waiting.length} thread${w.waiting.length === 1 ? '' : 's'} queued at priority ` +
    `${maxPri(w.waiting)} (${names}) above its dispatched thread ` +
    `${runnerWords(w.d)}, has not switched for ${ticksText(w.cpu.switchTicks ?? 0, hz)}, ` +
    `and KRNRN is no.` +
    (w.stay.proven
      ? ` The thread stays in the kernel: ${w.stay.words}.`
      : ' Nothing in the input proves that thread stays in the kernel (no negative ts_timeleft, no KRNRN, not a ' +
        "kernel priority): at its next return to user level RNRN hands the CPU over, and SWITCH does not move when " +
        'disp() picks the same thread again, so the waiters may have arrived a tick ago.')
  );
}

/** High only when some witness shows the harm: its dispatched thread proven to stay in the kernel. */
function severityOf(ws: readonly Witness[]): Finding['severity'] {
  return ws.some((w) => w.stay.proven) ? 'high' : 'medium';
}

function confirmFor(ws: Witness[]): string[] {
  const c = ['kpreemptpri/d', 'kpqpri/d', 'maxclsyspri/d', '::cpuinfo -v'];
  for (const w of ws.slice(0, 2)) for (const e of w.waiting.slice(0, 2)) c.push(`${e.thread}::print kthread_t t_pri t_bound_cpu t_disp_time`);
  return c;
}

function addWitnessEvidence(ev: EvidenceSet, ws: Witness[]): void {
  for (const w of ws) {
    ev.add(cpuLine(w.cpu, 'kprunrun')).add(cpuProcLine(w.cpu));
    for (const l of w.stay.lines) ev.add(l);
    for (const e of w.waiting) ev.add(e.line);
  }
}

/** After the fix, unbound threads at or above kpqpri wait on the partition's kp queue, which ::cpuinfo -v never lists. */
function kpQueueNote(kp: number, kpq: number | undefined): RuleNote {
  const at = kpq ?? kp;
  return {
    rule: ID,
    message:
      `kpreemptpri is ${kp}${kpq !== undefined ? ` and kpqpri ${kpq}` : ' (kpqpri follows it unless /etc/system set it)'}: unbound threads at ` +
      `pri ${at} and above wait on the partition's kp queue, which ::cpuinfo -v does not list. \`::cpupart -v\` shows how many wait ` +
      'there (NRUN) and `<cpupart addr>::walk cpupart_dispq | ::thread -d` lists them.',
  };
}

export const kpreemptThreshold: Rule = {
  id: ID,
  title: 'Kernel preemption threshold above the highest SYS priority',
  run(ctx) {
    const findings: Finding[] = [];
    const notes: RuleNote[] = [];
    const { tunables, tunableLines } = ctx.snapshot;
    const maxsys = tunables['maxclsyspri'] ?? MAXCLSYSPRI;
    const hz = resolveHz(ctx);
    const far = Math.max(FAR_BEYOND_QUANTUM_TICKS, thresholdTicks(ctx, hz));
    const idx = threadIndex(ctx.snapshot);
    const ws = witnesses(ctx, idx, maxsys, far, thresholdTicks(ctx, hz));
    const kp = tunables['kpreemptpri'];

    if (kp !== undefined) {
      if (kp <= maxsys) {
        notes.push(kpQueueNote(kp, tunables['kpqpri']));
        if (ws.length > 0) {
          notes.push({
            rule: ID,
            message:
              `kpreemptpri is ${kp} (line ${tunableLines['kpreemptpri'] ?? '?'}), at or below maxclsyspri (${maxsys}), ` +
              `yet ${ws.map((w) => `CPU ${w.cpu.id}`).join(', ')} show${ws.length === 1 ? 's' : ''} pri-${maxsys} work ` +
              'queued with KRNRN no. Either kpreemptpri was changed after those threads were queued, or they ' +
              'are not what they seem (check t_pri/t_epri); no finding.',
          });
        }
        return { findings, notes };
      }
      const ev = new EvidenceSet(ctx).primary(tunableLines['kpreemptpri']).add(tunableLines['maxclsyspri']);
      addWitnessEvidence(ev, ws);
      const seen = ws.length > 0 ? ' ' + ws.map((w) => describeWitness(w, ctx, idx)).join(' ') + (hz.assumed ? ' ' + hzSentence(hz) : '') : '';
      findings.push({
        rule: ID,
        severity: severityOf(ws),
        confidence: 'certain',
        title: `kpreemptpri is ${kp}, above maxclsyspri (${maxsys})`,
        message:
          `kpreemptpri is ${kp}, above the highest SYS priority (${maxsys}). A waiting thread sets KRNRN ` +
          '(kernel preemption) only when its priority is at or above kpreemptpri, so a SYS thread at ' +
          `${maxsys} queued behind a thread running in the kernel gets only RNRN and waits until that ` +
          'thread blocks or returns to user level (illumos 1532).' +
          seen,
        evidence: ev.list(),
        ...(ws.length > 0 ? { cpu: ws[0]!.cpu.id, threads: ws.flatMap((w) => w.waiting.map((e) => e.thread)) } : {}),
        fix: FIX_KPREEMPTPRI,
        confirm: confirmFor(ws),
        references: [...KPREEMPT_REFS],
      });
      return { findings, notes };
    }

    if (ws.length === 0) {
      if (ctx.snapshot.cpus.length === 0) {
        notes.push(noCpusNote(ctx, ID, 'with no kpreemptpri value either, cannot check the kernel preemption threshold.'));
      } else if (ctx.snapshot.cpus.every((c) => c.runq === null)) {
        notes.push({
          rule: ID,
          message: 'The input shows neither kpreemptpri nor run queues (::cpuinfo -v): cannot check the kernel preemption threshold.',
        });
      }
      return { findings, notes };
    }

    const ev = new EvidenceSet(ctx).primary(cpuLine(ws[0]!.cpu, 'kprunrun'));
    addWitnessEvidence(ev, ws);
    let top = -Infinity;
    for (const w of ws) top = Math.max(top, maxPri(w.waiting));
    findings.push({
      rule: ID,
      severity: severityOf(ws),
      confidence: 'inferred',
      title: `kpreemptpri above maxclsyspri (inferred): pri-${top} threads cannot preempt a thread in the kernel`,
      message:
        ws.map((w) => describeWitness(w, ctx, idx)).join(' ') +
        ' The dispatcher sets KRNRN on a CPU whenever a thread at or above kpreemptpri waits there ' +
        '(cpu_resched on enqueue, cpu_surrender on every tick of an expired TS thread), so on this system ' +
        `kpreemptpri must be above ${top}: implied kpreemptpri > maxclsyspri (${maxsys}), consistent with the ` +
        `pre-fix default maxclsyspri + 1 = ${maxsys + 1}. The input does not show kpreemptpri; this is inferred.` +
        (hz.assumed ? ' ' + hzSentence(hz) : ''),
      evidence: ev.list(),
      cpu: ws[0]!.cpu.id,
      threads: ws.flatMap((w) => w.waiting.map((e) => e.thread)),
      fix: FIX_KPREEMPTPRI,
      confirm: confirmFor(ws),
      references: [...KPREEMPT_REFS],
    });
    return { findings, notes };
  },
};
