// How much a report's input lets the rules see: none (no mdb output), fragment (mdb output but no
// dispatcher state, or a ::cpuinfo none of which was read), partial (dispatcher state with gaps), good.
import type { Analysis } from '../analysis.ts';
import { threadIndex, queuedAbove } from '../rules/threads.ts';
import { cpuinfoUnread, hasDispatcherState, NO_DISPATCHER_STATE } from '../model/coverage.ts';
import { queueMissing } from '../model/cpu.ts';
import { LINUX_KERNEL_TEXT } from '../ingest/linux.ts';

export type QualityRating = 'none' | 'fragment' | 'partial' | 'good';

export interface Quality {
  rating: QualityRating;
  /** What is missing or doubtful, in words. */
  reasons: string[];
  lines: number;
  parsed: number;
  unrecognized: number;
}

/** Share of mdb lines a grammar could not read above which a report counts as partial. */
const UNRECOGNIZED_LIMIT = 0.1;

export function rateQuality(a: Analysis): Quality {
  const { lines, parsed, unrecognized } = a.accounting;
  const base = { lines, parsed, unrecognized };
  const s = a.snapshot;
  // Linux kernel text in a batch of illumos reports: said, so the report is not taken for unread mdb output.
  const linux = a.diagnostics.filter((d) => d.message === LINUX_KERNEL_TEXT).length;
  const linuxReason = linux > 0 ? [`${linux} line${linux === 1 ? '' : 's'} of Linux kernel text, not illumos mdb output`] : [];
  if (parsed === 0) return { rating: 'none', reasons: ['no mdb output recognized', ...linuxReason], ...base };
  // ::cpuinfo shown and none of it read: the CPU rules judged nothing, as with no dispatcher state
  // (and it is named first: "no ::cpuinfo" would contradict the input).
  const cpuinfo = cpuinfoUnread(a.sections, s);
  if (cpuinfo !== null) return { rating: 'fragment', reasons: [`no CPU could be read from the ::cpuinfo output at line ${cpuinfo}`, ...linuxReason], ...base };
  if (!hasDispatcherState(s)) {
    const has = [s.panic !== null ? 'a panic' : null, s.threads.some((t) => t.stack !== null) ? 'stacks' : null].filter((x) => x !== null);
    const where = (s.otherDumps?.length ?? 0) > 0 ? ' in the first dump (the input names more, not judged)' : '';
    return { rating: 'fragment', reasons: [`${NO_DISPATCHER_STATE}${where}${has.length > 0 ? `; has ${has.join(' and ')}` : ''}`, ...linuxReason], ...base };
  }
  const reasons: string[] = [];
  if (s.cpus.length === 0) reasons.push('no ::cpuinfo');
  else if (s.cpus.some((c) => c.runq === null)) reasons.push('run queues not shown (::cpuinfo without -v)');
  const cut = s.cpus.filter((c) => queueMissing(c) > 0);
  if (cut.length > 0) reasons.push(`run queue${cut.length === 1 ? '' : 's'} cut short: ${cut.map((c) => `CPU ${c.id} lists ${c.runq!.length} of NRUN ${c.nrun}`).join(', ')}`);
  const paged = a.sections.filter((x) => x.cutAt !== undefined);
  if (paged.length > 0) reasons.push(`output cut by mdb's pager: ${paged.map((x) => `${x.command ?? x.kind} (line ${x.cutAt})`).join(', ')}`);
  const snipped = a.sections.filter((x) => x.elided !== undefined);
  if (snipped.length > 0) reasons.push(`output cut out by the writer: ${snipped.map((x) => `${x.command ?? x.kind} (line ${x.elided!.join(', ')})`).join(', ')}`);
  // Linux text is no mdb output the grammars failed on.
  const unread = unrecognized - linux;
  if (parsed + unread > 0 && unread / (parsed + unread) > UNRECOGNIZED_LIMIT) {
    reasons.push(`${unread} of ${parsed + unread} mdb lines unrecognized`);
  }
  const idx = threadIndex(s);
  const waiting = s.cpus.flatMap((c) => queuedAbove(c));
  const noStack = waiting.filter((e) => (idx.get(e.thread)?.stack ?? null) === null);
  if (noStack.length > 0) reasons.push(`no stack for ${noStack.length} of ${waiting.length} threads queued above a running one`);
  if (s.tunables['hz'] === undefined && s.cpus.some((c) => (c.switchTicks ?? 0) > 0)) reasons.push('hz not shown (times assume a default)');
  const others = s.otherDumps?.length ?? 0;
  if (others > 0) reasons.push(`${others} more dump${others === 1 ? '' : 's'} in the input, not judged`);
  // Missing stacks and hz are worth saying but do not stop the rules from naming the failure.
  const blocking = reasons.filter((r) => !r.startsWith('no stack for') && !r.startsWith('hz not shown'));
  // Linux text beside mdb output takes nothing from it.
  reasons.push(...linuxReason);
  return { rating: blocking.length === 0 ? 'good' : 'partial', reasons, ...base };
}
