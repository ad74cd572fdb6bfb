// Whether an input shows any dispatcher state at all. Without it the dispatcher rules have nothing
// to judge, so "no findings" means "not looked at", and no face may call such a report healthy.
import type { Section } from '../ingest/types.ts';
import type { DispatcherSnapshot } from './snapshot.ts';

/** What is missing, worded once for triage quality, signatures and the reports. */
export const NO_DISPATCHER_STATE = 'no dispatcher state (no ::cpuinfo, thread priorities or tunables)';

/** A CPU, a thread's priority, state or time slice, or a tunable: something the dispatcher rules read. */
export function hasDispatcherState(s: DispatcherSnapshot): boolean {
  return s.cpus.length > 0 || Object.keys(s.tunables).length > 0 || s.threads.some((t) => t.pri !== null || t.state !== null || t.tsTimeleft !== null);
}

/**
 * The first line of `::cpuinfo` output (of the dump judged) when the input showed some but no CPU
 * could be read from it; null otherwise. The CPU rules then judged nothing, and a report that
 * called the dump clean would be saying so of CPUs it never saw (the seed with its runs of spaces
 * turned into tabs, as a table copy gives, once read no CPU and was "Findings: none", exit 0;
 * that form is read now, and others still are not).
 */
export function cpuinfoUnread(sections: readonly Section[], s: DispatcherSnapshot): number | null {
  if (s.cpus.length > 0) return null;
  // Sections after a `::status` of another dump are that dump's (model/dumps.ts).
  const end = Math.min(...(s.otherDumps ?? []).map((o) => o.line));
  // A prompt with no output after it showed nothing that could have been read.
  const shown = (x: Section) => x.command === null || x.endLine > x.startLine;
  return sections.find((x) => x.kind === 'cpuinfo' && x.startLine < end && shown(x))?.startLine ?? null;
}

/** Whether the dispatcher rules had what they judge: dispatcher state, and the CPUs when the input showed them. */
export function dispatcherJudged(sections: readonly Section[], s: DispatcherSnapshot): boolean {
  return hasDispatcherState(s) && cpuinfoUnread(sections, s) === null;
}
