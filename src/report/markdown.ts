// Markdown for pasting into a bug tracker. Input-derived text is escaped (mdText) or fenced
// (mdCodeBlock), so nothing in a dump can inject links, HTML, formatting or escapes. Produced
// line by line (markdownReport) so a huge run queue never becomes one array or one string.
// Compact mode (for trackers) lists findings as F1.. and gives each fix and reference once.
import type { Analysis } from '../analysis.ts';
import { SEVERITIES, type Finding } from '../rules/types.ts';
import { severityCounts, reportOrder } from '../rules/policy.ts';
import { knownIssueLabel, UNPROVEN_MATCH, type ReportExtras } from './extras.ts';
import { mdCodeLines, mdProse, mdText, mdUrl } from './md-escape.ts';
import { byLine } from './text.ts';
import { chainMarkdown } from './chains.ts';
import {
  MAX_DIAGNOSTICS_SHOWN,
  accountingLine,
  internalErrorHeadline,
  internalErrors,
  noFindingsCaveats,
  nothingToJudge,
  otherDumpsLine,
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
      yield `- ${mdProse(line.slice(2))}`;
      last = 'item';
      pendingBlank = true;
    } else {
      if (last === 'item') {
        yield '';
        pendingBlank = false;
      }
      para.push(mdProse(line));
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
    yield '**Evidence** (input line: text)';
    yield '';
    yield* evidenceLines(f);
    yield '';
  }
  yield `**Fix:** ${mdProse(f.fix)}`;
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

export interface MarkdownOptions {
  /** Findings as one list (F1..), fixes, confirm commands and references (R1..) each given once. */
  compact?: boolean;
}

function* evidenceLines(f: Finding): Generator<Line> {
  let maxLine = 0;
  for (const e of f.evidence) if (e.line > maxLine) maxLine = e.line;
  const w = String(maxLine).length;
  const ev = byLine(f.evidence);
  yield* mdCodeLines(ev.length, (i) => `${String(ev[i]!.line).padStart(w)}: ${ev[i]!.text}`, 'text');
}

/** Numbers each distinct string in first-seen order: the R1.. of references, the fixes. */
class Numbered {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  number(s: string): number {
    let n = this.index.get(s);
    if (n === undefined) {
      this.items.push(s);
      n = this.items.length;
      this.index.set(s, n);
    }
    return n;
  }
}

/** Compact findings: one list item each (title, rule, threads, evidence), then fixes, confirm commands and references once. */
function* compactFindings(findings: readonly Finding[]): Generator<Line> {
  const fixes = new Numbered();
  const refs = new Numbered();
  const confirm = new Numbered();
  const fixedBy: number[][] = [];
  const evidence = new Map<number, string>();
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const fix = fixes.number(f.fix);
    (fixedBy[fix - 1] ??= []).push(i + 1);
    const r = f.references.map((x) => `R${refs.number(x)}`);
    for (const c of f.confirm) confirm.number(c);
    for (const e of f.evidence) if (!evidence.has(e.line)) evidence.set(e.line, e.text);
    const meta = [`rule \`${f.rule.replace(/`/g, '')}\``, f.confidence, f.cpu !== undefined ? `CPU ${f.cpu}` : null].filter((x) => x !== null);
    const lines = byLine(f.evidence).map((e) => String(e.line));
    const tail = [lines.length > 0 ? `lines ${lines.join(', ')}` : null, r.length > 0 ? r.join(' ') : null].filter((x) => x !== null);
    yield { parts: compactItem(f, i + 1, meta, tail) };
  }
  yield '';
  if (evidence.size > 0) {
    // Each input line once, whichever findings cite it.
    const ev = [...evidence].sort((x, y) => x[0] - y[0]);
    const w = String(ev[ev.length - 1]![0]).length;
    yield '**Evidence** (input line: text)';
    yield '';
    yield* mdCodeLines(ev.length, (i) => `${String(ev[i]![0]).padStart(w)}: ${ev[i]![1]}`, 'text');
    yield '';
  }
  yield '**Fixes:**';
  yield '';
  for (let k = 0; k < fixes.items.length; k++) yield `- ${fixedBy[k]!.map((n) => `F${n}`).join(', ')}: ${fixText(fixes.items, k, fixedBy)}`;
  yield '';
  if (confirm.items.length > 0) {
    yield '**Confirm in mdb:**';
    yield '';
    yield* mdCodeLines(confirm.items.length, (i) => `> ${confirm.items[i]!}`);
    yield '';
  }
  if (refs.items.length > 0) {
    yield '**References:**';
    yield '';
    for (let k = 0; k < refs.items.length; k++) yield `- R${k + 1}: ${mdUrl(refs.items[k]!)}`;
    yield '';
  }
}

/**
 * Fix `k` for the compact list: when it ends with another whole fix (rules append the shared
 * kpreemptpri fix to their own advice), that part is named instead of repeated.
 */
function fixText(fixes: readonly string[], k: number, fixedBy: readonly number[][]): string {
  const fix = fixes[k]!;
  for (let j = 0; j < fixes.length; j++) {
    const other = fixes[j]!;
    if (j === k || other.length >= fix.length || !fix.endsWith(' ' + other)) continue;
    return `${mdProse(fix.slice(0, fix.length - other.length - 1))} Then the fix of F${fixedBy[j]![0]}\\.`;
  }
  return mdProse(fix);
}

function* compactItem(f: Finding, n: number, meta: readonly string[], tail: readonly string[]): Generator<string> {
  yield `- **F${n}** \\[${f.severity}\\] ${mdText(f.title)} (${meta.join(', ')})`;
  if (f.threads !== undefined && f.threads.length > 0) {
    yield '; threads ';
    for (let i = 0; i < f.threads.length; i++) yield (i > 0 ? ', ' : '') + mdText(f.threads[i]!);
  }
  if (tail.length > 0) yield `; ${tail.join('; ')}`;
}

function* lines(a: Analysis, extras: ReportExtras, opts: MarkdownOptions): Generator<Line> {
  const findings = reportOrder(a.findings);
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
  const others = otherDumpsLine(a);
  if (others !== null) {
    yield `**${mdText(others)}**`;
    yield '';
  }
  for (const k of extras.known ?? []) {
    const tickets = k.tickets.length > 0 ? ` (${k.tickets.map(mdText).join(', ')})` : '';
    yield `**${knownIssueLabel(k)}:** ${mdText(k.id)}: ${mdText(k.title)}${tickets}${k.proven ? '' : ` (${mdText(UNPROVEN_MATCH)})`}`;
    yield '';
  }
  if (findings.length === 0) {
    const caveats = noFindingsCaveats(a);
    yield a.accounting.parsed === 0 ? 'No findings: no mdb output was read in the input.' : caveats.length > 0 ? `No findings; ${mdText(caveats.join('; '))}.` : 'No findings.';
    yield '';
  } else {
    yield '| severity | findings |';
    yield '|---|---:|';
    for (const s of SEVERITIES) yield `| ${s} | ${counts[s]} |`;
    yield '';
    yield `**Worst:** \\[${findings[0]!.severity}\\] ${mdText(findings[0]!.title)}`;
    yield '';
    if (opts.compact === true) {
      yield* compactFindings(findings);
      for (const f of findings) yield* chainMarkdown(a, f);
    } else {
      for (let i = 0; i < findings.length; i++) {
        yield* findingSection(findings[i]!, i + 1);
        yield* chainMarkdown(a, findings[i]!);
      }
    }
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
export function* markdownReport(a: Analysis, extras: ReportExtras = {}, opts: MarkdownOptions = {}): Generator<string> {
  // Blank lines are held back until a non-blank one follows, so the document ends with one newline.
  let blanks = 0;
  for (const l of lines(a, extras, opts)) {
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

export function renderMarkdown(a: Analysis, extras: ReportExtras = {}, opts: MarkdownOptions = {}): string {
  const parts: string[] = [];
  for (const p of markdownReport(a, extras, opts)) parts.push(p);
  return parts.join('');
}
