// Terminal text: a one-screen summary first, then each finding in detail, then rule notes and
// diagnostics. Every piece of input-derived text goes through neutralize().
import type { Analysis } from '../analysis.ts';
import { SEVERITIES, type Evidence, type Finding } from '../rules/types.ts';
import { neutralize } from './sanitize.ts';
import { MAX_DIAGNOSTICS_SHOWN, accountingLine, sectionKinds, severityCounts, sortedFindings } from './summary.ts';
import { wrap } from './wrap.ts';

export interface TextOptions {
  width?: number;
}

const MAX_SUMMARY_ROWS = 8;

function paragraphs(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const p = neutralize(raw);
    if (p.startsWith('- ')) out.push(...wrap(p.slice(2), width, indent + '- ', indent + '  '));
    else out.push(...wrap(p, width, indent));
  }
  return out;
}

/** Evidence in file order (a finding lists its key line first). */
export function byLine(ev: readonly Evidence[]): Evidence[] {
  return [...ev].sort((a, b) => a.line - b.line);
}

function headline(f: Finding): string {
  return `[${f.severity}] ${neutralize(f.title)}`;
}

function summary(a: Analysis, findings: Finding[], width: number): string[] {
  const out: string[] = [];
  out.push(`playfair: ${neutralize(a.source)}`);
  out.push(`${accountingLine(a)}; ${a.sections.length} section${a.sections.length === 1 ? '' : 's'}` + (a.sections.length > 0 ? ` (${neutralize(sectionKinds(a))})` : ''));
  const counts = severityCounts(findings);
  out.push(
    findings.length === 0
      ? 'Findings: none'
      : `Findings: ${SEVERITIES.map((s) => `${counts[s]} ${s}`).join(', ')}`,
  );
  const worst = findings[0];
  if (worst !== undefined) {
    out.push(...wrap(`Worst: ${headline(worst)}`, width, '', '       '));
    const where = [worst.rule, worst.confidence, worst.cpu !== undefined ? `CPU ${worst.cpu}` : null].filter((x) => x !== null).join(', ');
    out.push(`       ${neutralize(where)}`);
    const rest = findings.slice(1, 1 + MAX_SUMMARY_ROWS);
    for (const f of rest) out.push(...wrap(`  ${headline(f)} (${neutralize(f.rule)})`, width, '', '    '));
    if (findings.length - 1 > rest.length) out.push(`  ... and ${findings.length - 1 - rest.length} more`);
  } else if (a.accounting.parsed === 0) {
    out.push('No mdb output recognized in the input.');
  }
  if (a.notes.length > 0 || a.diagnostics.length > 0) {
    out.push(`${a.notes.length} rule note${a.notes.length === 1 ? '' : 's'}, ${a.diagnostics.length} diagnostic${a.diagnostics.length === 1 ? '' : 's'} (below)`);
  }
  return out;
}

function details(f: Finding, n: number, width: number, lineNoWidth: number): string[] {
  const out: string[] = [];
  const meta = [f.rule, f.confidence, f.cpu !== undefined ? `CPU ${f.cpu}` : null].filter((x) => x !== null).join(', ');
  out.push(...wrap(`${n}. ${headline(f)}`, width, '', '   '));
  out.push(`   ${neutralize(meta)}`);
  if (f.threads !== undefined && f.threads.length > 0) out.push(...wrap(`Threads: ${neutralize(f.threads.join(' '))}`, width, '   ', '            '));
  out.push('');
  out.push(...paragraphs(f.message, width, '   '));
  if (f.evidence.length > 0) {
    out.push('', '   Evidence:');
    for (const e of byLine(f.evidence)) out.push(`   ${String(e.line).padStart(lineNoWidth)} | ${neutralize(e.text)}`);
  }
  out.push('');
  out.push(...wrap(`Fix: ${neutralize(f.fix)}`, width, '   ', '        '));
  if (f.confirm.length > 0) {
    out.push('', '   Confirm in mdb:');
    for (const c of f.confirm) out.push(`     > ${neutralize(c)}`);
  }
  if (f.references.length > 0) {
    out.push('', '   References:');
    for (const r of f.references) out.push(`     ${neutralize(r)}`);
  }
  return out;
}

export function renderText(a: Analysis, opts: TextOptions = {}): string {
  const width = Math.max(40, opts.width ?? 80);
  const findings = sortedFindings(a.findings);
  const out: string[] = summary(a, findings, width);
  const lineNoWidth = String(a.accounting.lines).length;
  findings.forEach((f, i) => {
    out.push('', '-'.repeat(Math.min(width, 72)));
    out.push(...details(f, i + 1, width, lineNoWidth));
  });
  if (a.notes.length > 0) {
    out.push('', 'Rule notes:');
    for (const n of a.notes) out.push(...paragraphs(`- ${n.rule}: ${n.message}`, width, '  '));
  }
  if (a.diagnostics.length > 0) {
    out.push('', `Diagnostics (${a.diagnostics.length}):`);
    for (const d of a.diagnostics.slice(0, MAX_DIAGNOSTICS_SHOWN)) {
      out.push(...wrap(`line ${d.line}:${d.col}: ${neutralize(d.message)}`, width, '  ', '    '));
    }
    if (a.diagnostics.length > MAX_DIAGNOSTICS_SHOWN) out.push(`  ... and ${a.diagnostics.length - MAX_DIAGNOSTICS_SHOWN} more`);
  }
  return out.join('\n') + '\n';
}
