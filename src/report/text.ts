// Terminal text: a one-screen summary first (nothing-to-judge, internal errors, panic, status,
// findings, known issues), then each finding in detail, then rule notes and diagnostics. Every
// piece of input-derived text goes through neutralize(). Lines are produced one at a time
// (textReport) so a huge run queue never becomes one array or one string.
import type { Analysis } from '../analysis.ts';
import { SEVERITIES, type Evidence, type Finding } from '../rules/types.ts';
import { severityCounts, reportOrder } from '../rules/policy.ts';
import { knownIssueLabel, UNPROVEN_MATCH, type ReportExtras } from './extras.ts';
import { neutralize } from './sanitize.ts';
import {
  MAX_DIAGNOSTICS_SHOWN,
  accountingLine,
  internalErrorHeadline,
  internalErrors,
  noFindingsLine,
  nothingToJudge,
  otherDumpsLine,
  panicLine,
  sectionKinds,
  statusEssentials,
} from './summary.ts';
import { wrap } from './wrap.ts';
import { chainText } from './chains.ts';

export interface TextOptions {
  width?: number;
}

const MAX_SUMMARY_ROWS = 8;

function* paragraphs(text: string, width: number, indent: string): Generator<string> {
  for (const raw of text.split('\n')) {
    const p = neutralize(raw);
    if (p.startsWith('- ')) yield* wrap(p.slice(2), width, indent + '- ', indent + '  ');
    else yield* wrap(p, width, indent);
  }
}

/** Evidence in file order (a finding lists its key line first). */
export function byLine(ev: readonly Evidence[]): Evidence[] {
  return ev.slice().sort((a, b) => a.line - b.line);
}

function headline(f: Finding): string {
  return `[${f.severity}] ${neutralize(f.title)}`;
}

function* summary(a: Analysis, findings: readonly Finding[], width: number, extras: ReportExtras): Generator<string> {
  const nothing = nothingToJudge(a);
  if (nothing !== null) yield* wrap(neutralize(nothing), width, '', '  ');
  yield `playfair: ${neutralize(a.source)}`;
  yield* wrap(`${accountingLine(a)}; ${a.sections.length} section${a.sections.length === 1 ? '' : 's'}` + (a.sections.length > 0 ? ` (${neutralize(sectionKinds(a))})` : ''), width, '', '  ');
  const internal = internalErrors(a);
  if (internal.length > 0) {
    yield* wrap(internalErrorHeadline(internal.length), width, '', '  ');
    for (const e of internal.slice(0, MAX_DIAGNOSTICS_SHOWN)) yield* wrap(`${e.where}: ${neutralize(e.message)}`, width, '  ', '    ');
    if (internal.length > MAX_DIAGNOSTICS_SHOWN) yield `  ... and ${internal.length - MAX_DIAGNOSTICS_SHOWN} more`;
  }
  const panic = panicLine(a);
  if (panic !== null) yield* wrap(`Panic: ${neutralize(panic)}`, width, '', '       ');
  const status = statusEssentials(a);
  if (status.length > 0) yield* wrap(`Status: ${neutralize(status.join('; '))}`, width, '', '        ');
  const others = otherDumpsLine(a);
  if (others !== null) yield* wrap(neutralize(others), width, '', '  ');
  const counts = severityCounts(findings);
  if (findings.length === 0) yield* wrap(noFindingsLine(a), width, '', '  ');
  else yield `Findings: ${SEVERITIES.map((s) => `${counts[s]} ${s}`).join(', ')}`;
  const worst = findings[0];
  if (worst !== undefined) {
    yield* wrap(`Worst: ${headline(worst)}`, width, '', '       ');
    const where = [worst.rule, worst.confidence, worst.cpu !== undefined ? `CPU ${worst.cpu}` : null].filter((x) => x !== null).join(', ');
    yield `       ${neutralize(where)}`;
    const rest = findings.slice(1, 1 + MAX_SUMMARY_ROWS);
    for (const f of rest) yield* wrap(`${headline(f)} (${neutralize(f.rule)})`, width, '  ', '    ');
    if (findings.length - 1 > rest.length) yield `  ... and ${findings.length - 1 - rest.length} more`;
  }
  for (const k of extras.known ?? []) {
    const tickets = k.tickets.length > 0 ? ` (${k.tickets.join(', ')})` : '';
    const line = `${knownIssueLabel(k)}: ${neutralize(`${k.id}: ${k.title}${tickets}`)}${k.proven ? '' : ` (${UNPROVEN_MATCH})`}`;
    yield* wrap(line, width, '', '    ');
  }
  if (a.notes.length > 0 || a.diagnostics.length > 0) {
    yield `${a.notes.length} rule note${a.notes.length === 1 ? '' : 's'}, ${a.diagnostics.length} diagnostic${a.diagnostics.length === 1 ? '' : 's'} (below)`;
  }
}

function* details(f: Finding, n: number, width: number, lineNoWidth: number): Generator<string> {
  const meta = [f.rule, f.confidence, f.cpu !== undefined ? `CPU ${f.cpu}` : null].filter((x) => x !== null).join(', ');
  yield* wrap(`${n}. ${headline(f)}`, width, '', '   ');
  yield `   ${neutralize(meta)}`;
  if (f.threads !== undefined && f.threads.length > 0) yield* wrap(`Threads: ${neutralize(f.threads.join(' '))}`, width, '   ', '            ');
  yield '';
  yield* paragraphs(f.message, width, '   ');
  if (f.evidence.length > 0) {
    yield '';
    yield '   Evidence:';
    for (const e of byLine(f.evidence)) yield `   ${String(e.line).padStart(lineNoWidth)} | ${neutralize(e.text)}`;
  }
  yield '';
  yield* wrap(`Fix: ${neutralize(f.fix)}`, width, '   ', '        ');
  if (f.confirm.length > 0) {
    yield '';
    yield '   Confirm in mdb:';
    for (const c of f.confirm) yield `     > ${neutralize(c)}`;
  }
  if (f.references.length > 0) {
    yield '';
    yield '   References:';
    for (const r of f.references) yield `     ${neutralize(r)}`;
  }
}

function* lines(a: Analysis, opts: TextOptions, extras: ReportExtras): Generator<string> {
  const width = Math.max(40, opts.width ?? 80);
  const findings = reportOrder(a.findings);
  yield* summary(a, findings, width, extras);
  const lineNoWidth = String(a.accounting.lines).length;
  for (let i = 0; i < findings.length; i++) {
    yield '';
    yield '-'.repeat(Math.min(width, 72));
    yield* details(findings[i]!, i + 1, width, lineNoWidth);
    yield* chainText(a, findings[i]!);
  }
  if (a.notes.length > 0) {
    yield '';
    yield 'Rule notes:';
    for (const n of a.notes) yield* paragraphs(`- ${n.rule}: ${n.message}`, width, '  ');
  }
  if (a.diagnostics.length > 0) {
    yield '';
    yield `Diagnostics (${a.diagnostics.length}):`;
    for (const d of a.diagnostics.slice(0, MAX_DIAGNOSTICS_SHOWN)) {
      yield* wrap(`line ${d.line}:${d.col}: ${neutralize(d.message)}`, width, '  ', '    ');
    }
    if (a.diagnostics.length > MAX_DIAGNOSTICS_SHOWN) yield `  ... and ${a.diagnostics.length - MAX_DIAGNOSTICS_SHOWN} more`;
  }
}

/** The text report as pieces (one line and its newline each), for pump(). */
export function* textReport(a: Analysis, opts: TextOptions = {}, extras: ReportExtras = {}): Generator<string> {
  for (const l of lines(a, opts, extras)) yield l + '\n';
}

export function renderText(a: Analysis, opts: TextOptions = {}, extras: ReportExtras = {}): string {
  const parts: string[] = [];
  for (const p of textReport(a, opts, extras)) parts.push(p);
  return parts.join('');
}
