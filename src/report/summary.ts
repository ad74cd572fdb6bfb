// What every report view shows first, worded once: accounting, section kinds, internal errors,
// why there is nothing to judge, the panic and the `::status` essentials. Ranking, sorting and
// counting findings are the findings policy's (src/rules/policy.ts).
import type { Analysis } from '../analysis.ts';
import { hasDispatcherState, NO_DISPATCHER_STATE } from '../model/coverage.ts';
import { dumpTitle } from '../model/dumps.ts';
import { LINUX_KERNEL_TEXT } from '../ingest/linux.ts';

export function accountingLine(a: Analysis): string {
  const x = a.accounting;
  return `${x.lines} lines: ${x.parsed} parsed, ${x.prose} prose, ${x.unrecognized} unrecognized`;
}

/** Section kinds with counts, in order of first appearance: `cpuinfo 1, findstack 2`. */
export function sectionKinds(a: Analysis): string {
  const m = new Map<string, number>();
  for (const s of a.sections) m.set(s.kind, (m.get(s.kind) ?? 0) + 1);
  const parts: string[] = [];
  for (const [k, n] of m) parts.push(`${k} ${n}`);
  return parts.join(', ');
}

export const MAX_DIAGNOSTICS_SHOWN = 20;

/** Diagnostics and rule notes of kind 'internal', as `where: message` lines, in input order. */
export interface InternalErrorLine {
  where: string;
  message: string;
}

export function internalErrors(a: Analysis): InternalErrorLine[] {
  const out: InternalErrorLine[] = [];
  for (const d of a.diagnostics) if (d.kind === 'internal') out.push({ where: `line ${d.line}:${d.col}`, message: d.message });
  for (const x of a.notes) if (x.kind === 'internal') out.push({ where: `rule ${x.rule}`, message: x.message });
  return out;
}

export function internalErrorHeadline(n: number): string {
  return `Internal error${n === 1 ? '' : 's'} (${n}): playfair itself failed; the verdict may be incomplete.`;
}

/**
 * Why a run has nothing to judge (no line read as mdb output), worded for the first line of a
 * report; null when something was read.
 */
export function nothingToJudge(a: Analysis): string | null {
  const n = a.accounting.unrecognized;
  const first = a.diagnostics[0];
  // A blank line inside the Linux text counts as read, though nothing of it was.
  if (first !== undefined && a.records.length === 0 && a.diagnostics.every((d) => d.message === LINUX_KERNEL_TEXT)) {
    return `Nothing to judge: the input is Linux kernel text (${n} line${n === 1 ? '' : 's'} from line ${first.line}), not illumos mdb output.`;
  }
  if (a.accounting.parsed > 0) return null;
  if (n === 0) return 'Nothing to judge: no mdb output recognized in the input.';
  const why = first !== undefined ? `line ${first.line}: ${first.message}` : `${a.sections.length} section(s) of ${sectionKinds(a)}`;
  return `Nothing to judge: ${n} line${n === 1 ? ' looks' : 's look'} like mdb output but could not be read: ${why}`;
}

/**
 * What an empty findings list does not prove, worded to follow "no findings": mdb output was read
 * but none of it was dispatcher state, so the dispatcher rules had nothing to look at. Null when
 * the input shows dispatcher state, or nothing at all (nothingToJudge says that).
 */
export function notJudged(a: Analysis): string | null {
  const where = (a.snapshot.otherDumps?.length ?? 0) > 0 ? 'in the first dump' : 'in the input';
  return a.accounting.parsed > 0 && !hasDispatcherState(a.snapshot) ? `${NO_DISPATCHER_STATE} ${where}, so the dispatcher was not judged` : null;
}

/** "Findings: none", with what that does not prove when the input has no dispatcher state. */
export function noFindingsLine(a: Analysis): string {
  const unjudged = notJudged(a);
  return unjudged === null ? 'Findings: none' : `Findings: none; ${unjudged}`;
}

/** The panic as one line (`cpu 0, thread ffffff...: BAD TRAP ...`), or null without one. */
export function panicLine(a: Analysis): string | null {
  const p = a.snapshot.panic;
  const statusMessage = a.snapshot.system?.fields['panic message'];
  if (p === null && statusMessage === undefined) return null;
  const where: string[] = [];
  if (p?.cpu !== null && p?.cpu !== undefined) where.push(`cpu ${p.cpu}`);
  if (p?.thread !== null && p?.thread !== undefined) where.push(`thread ${p.thread}`);
  const message = p?.message ?? statusMessage ?? '(message not shown)';
  return `${where.length > 0 ? `${where.join(', ')}: ` : ''}${message}`;
}

/**
 * The dumps the input names after the first (model/dumps.ts), which the findings leave out, as one
 * sentence; null when it names one dump or none.
 */
export function otherDumpsLine(a: Analysis): string | null {
  const others = a.snapshot.otherDumps ?? [];
  if (others.length === 0) return null;
  // The snapshot's ::status is the first dump's (model/dumps.ts), which a target names.
  const sys = a.snapshot.system;
  const target = sys?.fields['target'];
  const first = sys === null || target === undefined ? 'the first dump' : `${dumpTitle(target, sys.fields['host'] ?? null)} (line ${sys.lines['target']})`;
  const list = others.map((o) => `${o.name} (line ${o.line}, ${o.records} record${o.records === 1 ? '' : 's'})`).join('; ');
  return `Not judged: ${list}. The input names more than one dump; the findings are for ${first} alone. Paste each dump on its own to judge it.`;
}

/** The `::status` fields worth a line in a summary, in this order, when present. */
const STATUS_ESSENTIALS = ['target', 'host', 'operating system', 'image uuid', 'dump content'];

/** `::status` essentials as `name value` pairs; empty without `::status`. */
export function statusEssentials(a: Analysis): string[] {
  const f = a.snapshot.system?.fields;
  if (f === undefined) return [];
  const out: string[] = [];
  for (const k of STATUS_ESSENTIALS) {
    const v = f[k];
    if (v !== undefined && v !== '(not set)') out.push(`${k}: ${v}`);
  }
  return out;
}
