// taskq-starvation: deferred work (a taskq thread) runnable but not running because the CPU it
// is queued on keeps running the same thread: kernel work of equal or higher priority, or a
// lower-priority thread that the taskq thread cannot preempt in the kernel. With a ZIO taskq starved while
// pageout or spa_sync wait on I/O, it is the deadlock of illumos 1532 comment 6: the I/O has
// completed, but its completion is never processed, so pages are never freed. The pattern needs
// pageout really waiting on I/O (pageout() is the pageout thread's start function, on its stack
// whenever it sleeps), and every wait is a bound (wait.ts), never "exact" from t_disp_time.
import { MAXCLSYSPRI, MINCLSYSPRI, SDC_MAXPRI_POST_7232 } from '../../illumos/index.ts';
import type { Addr, Cpu, RunqEntry, Thread } from '../model/snapshot.ts';
import { comparePri, dispatched, priClass, rtLoaded, runnerWords } from './dispatch.ts';
import { EvidenceSet, cpuLine } from './evidence.ts';
import { LONG_WAIT_SECONDS } from './facts.ts';
import { FIX_KPREEMPTPRI, REF_ILLUMOS_1532, REF_ILLUMOS_7232, REF_OS_970 } from './references.ts';
import { threadIndex, type ThreadIndex, baseName, frameNamed, hasFrame, isTaskqThread, threadLabel } from './threads.ts';
import { aboutTime, hzSentence, resolveHz, thresholdTicks } from './time.ts';
import type { Finding, Rule, RuleContext, RuleNote } from './types.ts';
import { kernelStay, waitBound } from './wait.ts';

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
const IO_WAIT = 4;
const IO_WAIT_FRAMES: ReadonlyMap<string, number> = new Map([
  ['pageout', PAGEOUT],
  ['spa_sync', SYNC],
  ['txg_sync_thread', SYNC],
  // Where a thread sleeps until I/O completes (or a txg that waits on it).
  ['zio_wait', IO_WAIT],
  ['biowait', IO_WAIT],
  ['txg_wait_open', IO_WAIT],
  ['txg_wait_synced', IO_WAIT],
  ['dmu_tx_wait', IO_WAIT],
  ['zil_commit', IO_WAIT],
]);
/** Frames whose line shows what an I/O waiter waits in. */
const IO_WAIT_EVIDENCE: ReadonlySet<string> = new Set(['zio_wait', 'biowait', 'txg_wait_open', 'txg_wait_synced', 'dmu_tx_wait', 'zil_commit']);

/**
 * The other half of comment 6: pageout or spa_sync waiting for I/O to complete. One pass over each
 * stack. A pageout frame alone is the pageout thread's start function, asleep waiting for work.
 */
function isIoWaiter(t: Thread): boolean {
  let seen = 0;
  for (const f of t.stack ?? []) seen |= IO_WAIT_FRAMES.get(baseName(f.func)) ?? 0;
  return (seen & IO_WAIT) !== 0 && (seen & (PAGEOUT | SYNC)) !== 0;
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
    const rt = rtLoaded(ctx);
    // Finding I/O waiters scans every stack: done once, and only for a starved ZIO taskq thread.
    let waiters: IoWaiters | null | undefined;
    const waitersOnce = (): IoWaiters | null => (waiters === undefined ? (waiters = ioWaiters(ctx)) : waiters);
    for (const q of runnableTaskqs(ctx, idx)) {
      const pri = q.entry?.pri ?? q.thread.pri;
      const d = dispatched(q.cpu, idx);
      // Queued on an idle CPU with no interrupt on top: the idle loop runs it at once.
      if (d.idle && d.interrupt === null) continue;
      const running = d.interrupt !== null ? d.interrupt.pri : comparePri(d);
      if (pri === null || running === null) {
        notes.push({ rule: ID, message: `Taskq thread ${q.thread.addr ?? '?'} is runnable on CPU ${q.cpu.id}, but a priority is not shown: cannot compare.` });
        continue;
      }
      const entry: RunqEntry = q.entry ?? { pri, thread: q.thread.addr ?? ('' as Addr) /* no address shown: a key nothing matches */, proc: q.thread.proc ?? '', line: 0 };
      const bound = waitBound(ctx, q.cpu, entry, q.thread, comparePri(d));
      const waitTicks = bound?.ticks ?? null;
      let waitText: string;
      if (bound !== null && waitTicks !== null) {
        if (waitTicks < limit) continue;
        waitText = `has waited at most ${waitTicks} ticks (${aboutTime(waitTicks, hz)}, ${bound.from})`;
      } else if (q.cpu.switchTicks !== null && q.cpu.switchTicks >= limit && (running >= MINCLSYSPRI || d.interrupt !== null)) {
        waitText =
          `is queued on a CPU that has run the same work for ${q.cpu.switchTicks} ticks (${aboutTime(q.cpu.switchTicks, hz)}); ` +
          'its own wait is not shown, and may be short';
      } else {
        continue;
      }
      const confidence: Finding['confidence'] = 'inferred';
      const stay = d.interrupt === null ? kernelStay(q.cpu, d, idx, limit) : { proven: false, words: '', lines: [] as number[] };
      const zio = isZio(q.thread) ? waitersOnce() : null;
      const zioPattern = zio !== null;
      const ev = new EvidenceSet(ctx).primary(q.entry?.line).add(cpuLine(q.cpu, 'switchTicks')).add(bound?.line).add(d.line);
      for (const f of q.thread.stack ?? []) if (f.func.includes('taskq') || f.func.startsWith('zio_')) ev.add(f.line);
      const ahead =
        d.interrupt !== null
          ? `a PIL ${d.interrupt.pil} interrupt thread ${d.interrupt.thread}${d.interrupt.pri !== null ? ` (pri ${d.interrupt.pri})` : ''}, over ${runnerWords(d)}`
          : `${runnerWords(d)} (${priClass(running, rt)})`;
      const sdc = q.thread.cls === 'SDC' || pri === SDC_MAXPRI_POST_7232;
      const long = waitTicks !== null && waitTicks >= LONG_WAIT_SECONDS * hz.hz;
      // High needs a runner proven to stay in the kernel. An interrupt on top says nothing of how long
      // (cpu_last_swtch does not move for one, the thread under it may be re-picked every quantum, and
      // a disk interrupt is what wakes a zio taskq thread onto its CPU), nor do threads waiting on
      // I/O, which any busy pool has.
      const high = (zioPattern || long) && stay.proven;
      let msg =
        `${threadLabel(q.thread.addr ?? '?', q.thread, q.thread.proc)} at pri ${pri} is runnable on CPU ${q.cpu.id} behind ` +
        `${ahead}, and ${waitText}. ` +
        (high
          ? 'Work queued to this taskq is not being processed.'
          : stay.proven
            ? `The thread ahead stays in the kernel (${stay.words}), but the bound on this wait is under ${LONG_WAIT_SECONDS} s.`
            : 'Nothing proves the thread ahead keeps the CPU, so its work may be a moment from running.');
      if (zio !== null) {
        for (const l of zio.lines) ev.add(l);
        msg += ` Meanwhile ${zio.labels} wait${zio.threads.length === 1 ? 's' : ''} for I/O: `;
        msg += high
          ? 'the pattern of illumos 1532 comment 6, where a completed write sits in the zio_write_intr taskq forever, ' +
            'pageout cannot free pages, and spa_sync waits on the ZIO: it looks like memory deadlock with freemem not exhausted.'
          : 'the shape of illumos 1532 comment 6 (a completed write stuck in the zio_write_intr taskq), but on a busy pool ' +
            'spa_sync waits on I/O at every sync and a disk interrupt is what wakes these threads, so it is not proven here.';
      }
      findings.push({
        rule: ID,
        severity: high ? 'high' : 'medium',
        confidence,
        // Unproven, the title says what is seen (queued), not what it would mean (starved).
        title: zioPattern
          ? high
            ? `ZIO taskq thread starved while pageout/spa_sync wait on I/O (1532 comment 6 pattern)`
            : `ZIO taskq thread queued while pageout/spa_sync wait on I/O (the 1532 comment 6 shape, not proven)`
          : `Taskq thread ${q.thread.addr ?? '?'} ${high ? 'starved' : 'queued'} on CPU ${q.cpu.id} behind pri ${running}${d.interrupt !== null ? ' (an interrupt)' : ''}${high ? '' : ': its wait is a bound'}`,
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
          `${q.thread.addr ?? '<thread>'}::print kthread_t t_pri t_cid t_disp_time t_waitrq t_bound_cpu`,
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
