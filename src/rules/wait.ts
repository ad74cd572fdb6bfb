// How long a queued thread can have waited, and what proves that the thread holding its CPU stays
// there. Every wait here is an upper bound: the queue-entry stamp (t_waitrq) is unscaled hrtime,
// which no dcmd prints against a dump time, and t_disp_time is when the thread last RAN (a woken
// thread's includes its sleep). SWITCH bounds the wait of a thread queued above the running one
// only while that one's priority has not dropped, so the smallest bound shown is used.
import type { Cpu, RunqEntry, Thread } from '../model/snapshot.ts';
import { MAXCLSYSPRI, MINCLSYSPRI } from '../../illumos/index.ts';
import type { Dispatched } from './dispatch.ts';
import type { ThreadIndex } from './threads.ts';
import { dumpLbolt } from './time.ts';
import type { RuleContext } from './types.ts';

export interface WaitBound {
  ticks: number;
  /** What bounds it, for messages: `from SWITCH`, `since it last ran (t_disp_time)`. */
  from: string;
  line: number | null;
}

/** The tightest upper bound the input gives on how long `e` has waited on `cpu`; null when none. */
export function waitBound(ctx: RuleContext, cpu: Cpu, e: RunqEntry, t: Thread | null, runnerPri: number | null): WaitBound | null {
  let best: WaitBound | null = null;
  const offer = (b: WaitBound): void => {
    if (b.ticks >= 0 && (best === null || b.ticks < best.ticks)) best = b;
  };
  if (cpu.switchTicks !== null && runnerPri !== null && e.pri > runnerPri) {
    offer({ ticks: cpu.switchTicks, from: 'from SWITCH', line: cpu.lines['switchTicks'] ?? null });
  }
  if (t !== null && t.sinceDispTicks !== null) {
    offer({ ticks: t.sinceDispTicks, from: 'since it last ran (::thread -d SWITCH)', line: t.lines['sinceDispTicks'] ?? null });
  }
  const lbolt = dumpLbolt(ctx);
  if (t !== null && t.dispTime !== null && lbolt !== null && lbolt.value >= t.dispTime) {
    offer({ ticks: lbolt.value - t.dispTime, from: 'since it last ran (lbolt - t_disp_time)', line: t.lines['dispTime'] ?? null });
  }
  return best;
}

export interface Stay {
  /** The input proves the dispatched thread has stayed in the kernel on this CPU. */
  proven: boolean;
  /** Why, in words (empty when not proven). */
  words: string;
  lines: number[];
}

/**
 * Kernel-loop evidence for the thread the dispatcher sees on `cpu`: a negative ts_timeleft while
 * ONPROC past the threshold (charged ticks with no preemption), or a SYS-range thread (it never
 * returns to user level, where RNRN would be honoured). KRNRN set is not evidence: the next disp()
 * clears it, so a dump shows only that a request is pending now, and SWITCH does not date it (a
 * thread disp() re-picks keeps an old SWITCH). sim --audit seed 541 was a false alarm on it.
 */
export function kernelStay(cpu: Cpu, d: Dispatched, idx: ThreadIndex, limit: number): Stay {
  const t = idx.get(d.thread);
  if (t !== null && t.tsTimeleft !== null && t.tsTimeleft < 0 && -t.tsTimeleft >= limit) {
    return {
      proven: true,
      words:
        `its ts_timeleft is ${t.tsTimeleft}: ${-t.tsTimeleft} ticks were charged to it past its quantum with no ` +
        'preemption, which a return to user level with RNRN set would have made',
      lines: [t.lines['tsTimeleft'] ?? 0],
    };
  }
  if (d.pri !== null && d.pri >= MINCLSYSPRI && d.pri <= MAXCLSYSPRI && t?.cls !== 'SDC') {
    return { proven: true, words: `it runs at pri ${d.pri}, a kernel thread's priority: it never returns to user level, where RNRN is honoured`, lines: [] };
  }
  return { proven: false, words: '', lines: [] };
}
