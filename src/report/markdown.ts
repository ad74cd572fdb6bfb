// Markdown for pasting into a bug tracker. Input-derived text is escaped (mdText) or fenced
// (mdCodeBlock), so nothing in a dump can inject links, HTML, formatting or escapes. Produced
// line by line (markdownReport) so a huge run queue never becomes one array or one string.
import type { Analysis } from '../analysis.ts';
import { SEVERITIES, type Finding } from '../rules/types.ts';
import { severityCounts, sortedFindings } from '../rules/policy.ts';
import type { ReportExtras } from './extras.ts';
import { mdCodeLines, mdText, mdUrl } from './md-escape.ts';
import { byLine } from './text.ts';
import { chainMarkdown } from './chains.ts';
import {
  MAX_DIAGNOSTICS_SHOWN,
  accountingLine,
  internalErrorHeadline,
  internalErrors,
  nothingToJudge,
  panicLine,
  sectionKinds,
  statusEssentials,
} from './summary.ts';

function* messageBlock(message: string): Generator<string> {
  // Paragraph lines are joined with spaces; `- ` lines are list items, set off by blank lines.
  let para: string[] = [];
  let last: 'none' | 'para' | 'item' = 'none';
  let pendingBlank = false;
  for (const line of message.split('\n')) {
    if (line.startsWith('- ')) {
      if (para.length > 0) {
        yield para.join(' ');
        yield '';
        para = [];
      }
      yield `- ${mdText(line.slice(2))}`;
      last = 'item';
      pendingBlank = true;
    } else {
      if (last === 'item') {
        yield '';
        pendingBlank = false;
      }
      para.push(mdText(line));
      last = 'para';
    }
  }
  if (para.length > 0) {
    yield para.join(' ');
    yield '';
  } else if (pendingBlank) yield '';
}

/** A line of the document: a string, or a long line given in parts. */
type Line = string | { parts: Iterable<string> };

function* threadList(threads: readonly string[]): Generator<string> {
  yield 'Threads: ';
  for (let i = 0; i < threads.length; i++) yield (i > 0 ? ', ' : '') + mdText(threads[i]!);
}

function* findingSection(f: Finding, n: number): Generator<Line> {
  yield `### ${n}. \\[${f.severity}\\] ${mdText(f.title)}`;
  yield '';
  const meta = [`rule \`${f.rule.replace(/`/g, '')}\``, f.confidence, f.cpu !== undefined ? `CPU ${f.cpu}` : null].filter((x) => x !== null);
  yield `*${meta.join(', ')}*`;
  yield '';
  if (f.threads !== undefined && f.threads.length > 0) {
    // One line, given in parts: a finding may name every thread of a huge run queue.
    yield { parts: threadList(f.threads) };
    yield '';
  }
  yield* messageBlock(f.message);
  if (f.evidence.length > 0) {
    let maxLine = 0;
    for (const e of f.evidence) if (e.line > maxLine) maxLine = e.line;
    const w = String(maxLine).length;
    yield '**Evidence** (input line: text)';
    yield '';
    const ev = byLine(f.evidence);
    yield* mdCodeLines(ev.length, (i) => `${String(ev[i]!.line).padStart(w)}: ${ev[i]!.text}`, 'text');
    yield '';
  }
  yield `**Fix:** ${mdText(f.fix)}`;
  yield '';
  if (f.confirm.length > 0) {
    yield '**Confirm in mdb:**';
    yield '';
    yield* mdCodeLines(f.confirm.length, (i) => `> ${f.confirm[i]!}`);
    yield '';
  }
  if (f.references.length > 0) {
    yield '**References:**';
    yield '';
    for (const r of f.references) yield `- ${mdUrl(r)}`;
    yield '';
  }
}

function* lines(a: Analysis, extras: ReportExtras): Generator<Line> {
  const findings = sortedFindings(a.findings);
  const counts = severityCounts(findings);
  const nothing = nothingToJudge(a);
  if (nothing !== null) {
    yield `**${mdText(nothing)}**`;
    yield '';
  }
  yield `## playfair: ${mdText(a.source)}`;
  yield '';
  yield `${mdText(accountingLine(a))}; ${a.sections.length} sections${a.sections.length > 0 ? ` (${mdText(sectionKinds(a))})` : ''}.`;
  yield '';
  const internal = internalErrors(a);
  if (internal.length > 0) {
    yield `### ${mdText(internalErrorHeadline(internal.length))}`;
    yield '';
    for (const e of internal.slice(0, MAX_DIAGNOSTICS_SHOWN)) yield `- ${mdText(`${e.where}: ${e.message}`)}`;
    if (internal.length > MAX_DIAGNOSTICS_SHOWN) yield `- ... and ${internal.length - MAX_DIAGNOSTICS_SHOWN} more`;
    yield '';
  }
  const panic = panicLine(a);
  if (panic !== null) {
    yield `**Panic:** ${mdText(panic)}`;
    yield '';
  }
  const status = statusEssentials(a);
  if (status.length > 0) {
    yield `**Status:** ${mdText(status.join('; '))}`;
    yield '';
  }
  for (const k of extras.known ?? []) {
    const tickets = k.tickets.length > 0 ? ` (${k.tickets.map(mdText).join(', ')})` : '';
    yield `**Known issue:** ${mdText(k.id)}: ${mdText(k.title)}${tickets}`;
    yield '';
  }
  if (findings.length === 0) {
    yield a.accounting.parsed === 0 ? 'No findings: no mdb output was read in the input.' : 'No findings.';
    yield '';
  } else {
    yield '| severity | findings |';
    yield '|---|---:|';
    for (const s of SEVERITIES) yield `| ${s} | ${counts[s]} |`;
    yield '';
    yield `**Worst:** \\[${findings[0]!.severity}\\] ${mdText(findings[0]!.title)}`;
    yield '';
    for (let i = 0; i < findings.length; i++) { yield* findingSection(findings[i]!, i + 1); yield* chainMarkdown(a, findings[i]!); }
  }
  if (a.notes.length > 0) {
    yield '### Rule notes';
    yield '';
    for (const n of a.notes) yield `- \`${n.rule.replace(/`/g, '')}\`: ${mdText(n.message)}`;
    yield '';
  }
  if (a.diagnostics.length > 0) {
    yield `### Diagnostics (${a.diagnostics.length})`;
    yield '';
    const shown = a.diagnostics.slice(0, MAX_DIAGNOSTICS_SHOWN);
    yield* mdCodeLines(shown.length, (i) => `line ${shown[i]!.line}:${shown[i]!.col}: ${shown[i]!.message}`);
    if (a.diagnostics.length > MAX_DIAGNOSTICS_SHOWN) {
      yield '';
      yield `... and ${a.diagnostics.length - MAX_DIAGNOSTICS_SHOWN} more`;
    }
    yield '';
  }
}

/** The Markdown report as pieces (a line and its newline each; no trailing blank lines), for pump(). */
export function* markdownReport(a: Analysis, extras: ReportExtras = {}): Generator<string> {
  // Blank lines are held back until a non-blank one follows, so the document ends with one newline.
  let blanks = 0;
  for (const l of lines(a, extras)) {
    if (l === '') {
      blanks++;
      continue;
    }
    if (blanks > 0) yield '\n'.repeat(blanks);
    blanks = 0;
    if (typeof l === 'string') yield l + '\n';
    else {
      yield* l.parts;
      yield '\n';
    }
  }
}

export function renderMarkdown(a: Analysis, extras: ReportExtras = {}): string {
  const parts: string[] = [];
  for (const p of markdownReport(a, extras)) parts.push(p);
  return parts.join('');
}
