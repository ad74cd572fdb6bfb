// What every report view shows first, worded once: accounting, section kinds, internal errors,
// why there is nothing to judge, the panic and the `::status` essentials. Ranking, sorting and
// counting findings are the findings policy's (src/rules/policy.ts).
import type { Analysis } from '../analysis.ts';
import type { Section } from '../ingest/types.ts';
import { cpuinfoUnread, hasDispatcherState, NO_DISPATCHER_STATE } from '../model/coverage.ts';
import { dumpTitle } from '../model/dumps.ts';
import { LINUX_KERNEL_TEXT } from '../ingest/linux.ts';
import { neutralize } from './sanitize.ts';

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
 * but none of it was dispatcher state, or the input showed `::cpuinfo` and no CPU could be read
 * from it, so the dispatcher rules (or the CPU ones) had nothing to look at. Null when the rules
 * had what they judge, or nothing at all was read (nothingToJudge says that).
 */
export function notJudged(a: Analysis): string | null {
  if (a.accounting.parsed === 0) return null;
  const where = (a.snapshot.otherDumps?.length ?? 0) > 0 ? 'in the first dump' : 'in the input';
  // A ::cpuinfo that could not be read is named first: "no ::cpuinfo" would contradict the input.
  const cpuinfo = cpuinfoUnread(a.sections, a.snapshot);
  if (cpuinfo !== null) return `no CPU could be read from the ::cpuinfo output at line ${cpuinfo}, so the CPUs and their run queues were not judged`;
  return hasDispatcherState(a.snapshot) ? null : `${NO_DISPATCHER_STATE} ${where}, so the dispatcher was not judged`;
}

/** The longest part of a command quoted in a summary line. */
const MAX_COMMAND_SHOWN = 60;

/**
 * Lines of output that one of playfair's grammars (or the model) refused, worded to follow "no
 * findings": what they showed was not judged, so an empty list does not prove the dump clean.
 * Output of a dcmd no grammar reads (`::kmastat`) is left out, as no rule looks at it; so are a
 * writer's cut marks and internal errors, which are said on their own. Null when there are none.
 */
export function unreadOutput(a: Analysis): string | null {
  let n = 0;
  let first: { line: number; section: Section } | null = null;
  let oneSection = true;
  let k = 0;
  // Both lists are in input order, and sections do not overlap.
  for (const d of a.diagnostics) {
    if (d.kind === 'internal') continue;
    while (k < a.sections.length && a.sections[k]!.endLine < d.line) k++;
    const s = a.sections[k];
    if (s === undefined || s.startLine > d.line || s.status === 'unknown' || s.elided?.includes(d.line) === true) continue;
    n++;
    first ??= { line: d.line, section: s };
    if (s !== first.section) oneSection = false;
  }
  if (first === null) return null;
  const s = first.section;
  // The command is the input's text: shown without control characters, and not at any length.
  const command = s.command === null ? null : neutralize(s.command.length > MAX_COMMAND_SHOWN ? s.command.slice(0, MAX_COMMAND_SHOWN) + '...' : s.command);
  const output = command === null ? `${s.kind} output` : `\`${command}\``;
  const lines = `${n} line${n === 1 ? '' : 's'}`;
  const what = oneSection ? `${lines} of ${output} (from line ${first.line})` : `${lines} of mdb output (the first: line ${first.line}, of ${output})`;
  return `${what} could not be read, so what ${n === 1 ? 'it shows' : 'they show'} was not judged`;
}

/**
 * What "no findings" does not prove, as clauses to follow it: what the rules could not judge, else
 * the lines a grammar refused (the diagnostics list them all); empty when the rules judged it all.
 */
export function noFindingsCaveats(a: Analysis): string[] {
  const c = notJudged(a) ?? unreadOutput(a);
  return c === null ? [] : [c];
}

/** "Findings: none", with what that does not prove. */
export function noFindingsLine(a: Analysis): string {
  return ['Findings: none', ...noFindingsCaveats(a)].join('; ');
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
