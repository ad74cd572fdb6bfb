// taskq-starvation: deferred work (a taskq thread) runnable but not running because the CPU it
// is queued on keeps running the same thread: kernel work of equal or higher priority, or a
// lower-priority thread that the taskq thread cannot preempt in the kernel. With a ZIO taskq starved while
// pageout or spa_sync wait on I/O, it is the deadlock of illumos 1532 comment 6: the I/O has
// completed, but its completion is never processed, so pages are never freed.
import type { Addr, Cpu, RunqEntry, Thread } from '../model/snapshot.ts';
import { EvidenceSet, cpuLine } from './evidence.ts';
import { INTR_PRI_FLOOR, LONG_WAIT_SECONDS, MAXCLSYSPRI, MINCLSYSPRI } from './facts.ts';
import { FIX_KPREEMPTPRI, REF_ILLUMOS_1532, REF_ILLUMOS_7232, REF_OS_970 } from './references.ts';
import { threadIndex, type ThreadIndex, baseName, frameNamed, hasFrame, isTaskqThread, threadLabel } from './threads.ts';
import { aboutTime, dumpLbolt, hzSentence, resolveHz, thresholdTicks } from './time.ts';
import type { Finding, Rule, RuleContext, RuleNote } from './types.ts';

const ID = 'taskq-starvation';

interface Queued {
  thread: Thread;
  cpu: Cpu;
  entry: RunqEntry | null;
}

function runnableTaskqs(ctx: RuleContext, idx: ThreadIndex): Queued[] {
  const out: Queued[] = [];
  const seen = new Set<Thread>();
  for (const cpu of ctx.snapshot.cpus) {
    for (const e of cpu.runq ?? []) {
      const t = idx.get(e.thread);
      if (t !== null && !seen.has(t) && isTaskqThread(t)) {
        seen.add(t);
        out.push({ thread: t, cpu, entry: e });
      }
    }
  }
  for (const t of ctx.snapshot.threads) {
    if (t.queuedOn === null || seen.has(t) || !isTaskqThread(t)) continue;
    const cpu = ctx.snapshot.cpus.find((c) => c.id === t.queuedOn);
    if (cpu !== undefined) out.push({ thread: t, cpu, entry: null });
  }
  return out;
}

function isZio(t: Thread): boolean {
  if (t.desc !== null && t.desc.includes('zio')) return true;
  return hasFrame(t, (f) => f.startsWith('zio_')) !== null;
}

const PAGEOUT = 1;
const SYNC = 2;
const ZIO_WAIT = 4;
const IO_WAIT_FRAMES: ReadonlyMap<string, number> = new Map([
  ['pageout', PAGEOUT],
  ['pageout_scanner', PAGEOUT],
  ['pageout_deadman', PAGEOUT],
  ['spa_sync', SYNC],
  ['txg_sync_thread', SYNC],
  ['zio_wait', ZIO_WAIT],
]);
/** Frames whose line shows what an I/O waiter waits in. */
const IO_WAIT_EVIDENCE: ReadonlySet<string> = new Set(['pageout', 'pageout_scanner', 'spa_sync', 'zio_wait']);

/** The other half of comment 6: pageout or spa_sync waiting for I/O to complete. One pass over each stack. */
function isIoWaiter(t: Thread): boolean {
  let seen = 0;
  for (const f of t.stack ?? []) seen |= IO_WAIT_FRAMES.get(baseName(f.func)) ?? 0;
  return (seen & PAGEOUT) !== 0 || (seen & (SYNC | ZIO_WAIT)) === (SYNC | ZIO_WAIT);
}

/** What the findings say about the I/O waiters; the same for every finding, so made once. */
interface IoWaiters {
  threads: Thread[];
  lines: (number | undefined)[];
  labels: string;
}

/** null when no thread waits for I/O. */
function ioWaiters(ctx: RuleContext): IoWaiters | null {
  const threads = ctx.snapshot.threads.filter(isIoWaiter);
  if (threads.length === 0) return null;
  return {
    threads,
    lines: threads.map((w) => frameNamed(w, IO_WAIT_EVIDENCE)?.line),
    labels: threads.map((w) => threadLabel(w.addr ?? '?', w, w.proc)).join(', '),
  };
}

export const taskqStarvation: Rule = {
  id: ID,
  title: 'Taskq thread starved behind higher-priority kernel threads',
  run(ctx) {
    const findings: Finding[] = [];
    const notes: RuleNote[] = [];
    const hz = resolveHz(ctx);
    const limit = thresholdTicks(ctx, hz);
    const idx = threadIndex(ctx.snapshot);
    const lbolt = dumpLbolt(ctx);
    // Finding I/O waiters scans every stack: done once, and only for a starved ZIO taskq thread.
    let waiters: IoWaiters | null | undefined;
    const waitersOnce = (): IoWaiters | null => (waiters === undefined ? (waiters = ioWaiters(ctx)) : waiters);
    for (const q of runnableTaskqs(ctx, idx)) {
      const pri = q.entry?.pri ?? q.thread.pri;
      const running = q.cpu.pri;
      if (pri === null || running === null) {
        notes.push({ rule: ID, message: `Taskq thread ${q.thread.addr ?? '?'} is runnable on CPU ${q.cpu.id}, but a priority is not shown: cannot compare.` });
        continue;
      }
      let waitText: string;
      let confidence: Finding['confidence'];
      let waitTicks: number | null = null;
      if (q.thread.dispTime !== null && lbolt !== null && lbolt.value >= q.thread.dispTime) {
        waitTicks = lbolt.value - q.thread.dispTime;
        if (waitTicks < limit) continue;
        waitText = `has waited ${waitTicks} ticks (${aboutTime(waitTicks, hz)}, from t_disp_time)`;
        confidence = 'certain';
      } else if (q.cpu.switchTicks === null || q.cpu.switchTicks < limit) {
        continue;
      } else if (running < pri) {
        // Queued above the running thread: it arrived after the last switch, so SWITCH bounds its wait.
        waitTicks = q.cpu.switchTicks;
        waitText =
          `has waited up to ${q.cpu.switchTicks} ticks (${aboutTime(q.cpu.switchTicks, hz)}, from SWITCH: the CPU has not ` +
          'switched since, and the running thread of lower priority cannot be preempted in the kernel by it)';
        confidence = 'inferred';
      } else if (running >= MINCLSYSPRI) {
        waitText =
          `is queued on a CPU that has run the same kernel work for ${q.cpu.switchTicks} ticks (${aboutTime(q.cpu.switchTicks, hz)}); ` +
          'its own queue time is not shown (t_disp_time), so how long it waited is inferred';
        confidence = 'inferred';
      } else {
        continue;
      }
      const zio = isZio(q.thread) ? waitersOnce() : null;
      const zioPattern = zio !== null;
      const ev = new EvidenceSet(ctx).primary(q.entry?.line).add(cpuLine(q.cpu, 'switchTicks')).add(q.thread.lines['dispTime']);
      for (const f of q.thread.stack ?? []) if (f.func.includes('taskq') || f.func.startsWith('zio_')) ev.add(f.line);
      const ahead =
        running >= INTR_PRI_FLOOR
          ? `an interrupt thread (pri ${running})`
          : `${q.cpu.thread ?? 'a thread'}${q.cpu.proc !== null ? ` (${q.cpu.proc}, pri ${running})` : ` (pri ${running})`}`;
      let msg =
        `${threadLabel(q.thread.addr ?? '?', q.thread, q.thread.proc)} at pri ${pri} is runnable on CPU ${q.cpu.id} behind ` +
        `${ahead}, and ${waitText}. Work queued to this taskq is not being processed.`;
      if (zio !== null) {
        for (const l of zio.lines) ev.add(l);
        msg +=
          ` Meanwhile ${zio.labels} wait${zio.threads.length === 1 ? 's' : ''} for I/O: ` +
          'the pattern of illumos 1532 comment 6, where a completed write sits in the zio_write_intr taskq forever, ' +
          'pageout cannot free pages, and spa_sync waits on the ZIO: it looks like memory deadlock with freemem not exhausted.';
      }
      const sdc = q.thread.cls === 'SDC' || pri === MAXCLSYSPRI - 1;
      findings.push({
        rule: ID,
        severity: zioPattern || (waitTicks !== null && waitTicks >= LONG_WAIT_SECONDS * hz.hz) ? 'high' : 'medium',
        confidence,
        title: zioPattern
          ? `ZIO taskq thread starved while pageout/spa_sync wait on I/O (1532 comment 6 pattern)`
          : `Taskq thread ${q.thread.addr ?? '?'} starved on CPU ${q.cpu.id} behind pri ${running}`,
        message: msg + (hz.assumed ? ' ' + hzSentence(hz) : ''),
        evidence: ev.list(),
        cpu: q.cpu.id,
        threads: [q.thread.addr, ...(zio !== null ? zio.threads.map((w) => w.addr) : [])].filter((a): a is Addr => a !== null),
        fix:
          pri >= MAXCLSYSPRI
            ? FIX_KPREEMPTPRI
            : `kpreemptpri = maxclsyspri (illumos 1532) does not help a thread at ${pri}${sdc ? ' (an SDC taskq tops out at 98 since illumos 7232)' : ''}: ` +
              'the threads ahead of it must yield (find why they keep the CPU: a pageout_scanner that never blocks, DTrace ' +
              'state cleaning at interrupt level), or the taskq must run at 99 in SYS.',
        confirm: [
          '::cpuinfo -v',
          `${q.thread.addr ?? '<thread>'}::print kthread_t t_pri t_cid t_disp_time t_bound_cpu`,
          `${q.thread.addr ?? '<thread>'}::findstack -v`,
          '::taskq',
          ...(zioPattern ? ['::stacks -c zio_wait', '::stacks -c pageout', 'freemem/D'] : []),
        ],
        references: zioPattern ? [REF_ILLUMOS_1532, REF_OS_970, REF_ILLUMOS_7232] : [REF_ILLUMOS_7232],
      });
    }
    return { findings, notes };
  },
};
