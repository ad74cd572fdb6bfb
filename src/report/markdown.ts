// Markdown for pasting into a bug tracker. Input-derived text is escaped (mdText) or fenced
// (mdCodeBlock), so nothing in a dump can inject links, HTML, formatting or escapes.
import type { Analysis } from '../analysis.ts';
import { SEVERITIES, type Finding } from '../rules/types.ts';
import { mdCodeBlock, mdText, mdUrl } from './md-escape.ts';
import { byLine } from './text.ts';
import { MAX_DIAGNOSTICS_SHOWN, accountingLine, sectionKinds, severityCounts, sortedFindings } from './summary.ts';

function messageBlock(message: string): string[] {
  const out: string[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length > 0) out.push(para.join(' '), '');
    para = [];
  };
  for (const line of message.split('\n')) {
    if (line.startsWith('- ')) {
      flush();
      out.push(`- ${mdText(line.slice(2))}`);
    } else {
      if (out.length > 0 && out[out.length - 1]!.startsWith('- ')) out.push('');
      para.push(mdText(line));
    }
  }
  flush();
  if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  return out;
}

function findingSection(f: Finding, n: number): string[] {
  const out: string[] = [];
  out.push(`### ${n}. \\[${f.severity}\\] ${mdText(f.title)}`, '');
  const meta = [`rule \`${f.rule.replace(/`/g, '')}\``, f.confidence, f.cpu !== undefined ? `CPU ${f.cpu}` : null].filter((x) => x !== null);
  out.push(`*${meta.join(', ')}*`, '');
  if (f.threads !== undefined && f.threads.length > 0) out.push(`Threads: ${f.threads.map(mdText).join(', ')}`, '');
  out.push(...messageBlock(f.message));
  if (f.evidence.length > 0) {
    const w = String(Math.max(...f.evidence.map((e) => e.line))).length;
    out.push('**Evidence** (input line: text)', '', mdCodeBlock(byLine(f.evidence).map((e) => `${String(e.line).padStart(w)}: ${e.text}`), 'text'), '');
  }
  out.push(`**Fix:** ${mdText(f.fix)}`, '');
  if (f.confirm.length > 0) out.push('**Confirm in mdb:**', '', mdCodeBlock(f.confirm.map((c) => `> ${c}`)), '');
  if (f.references.length > 0) {
    out.push('**References:**', '');
    for (const r of f.references) out.push(`- ${mdUrl(r)}`);
    out.push('');
  }
  return out;
}

export function renderMarkdown(a: Analysis): string {
  const findings = sortedFindings(a.findings);
  const counts = severityCounts(findings);
  const out: string[] = [];
  out.push(`## playfair: ${mdText(a.source)}`, '');
  out.push(`${mdText(accountingLine(a))}; ${a.sections.length} sections${a.sections.length > 0 ? ` (${mdText(sectionKinds(a))})` : ''}.`, '');
  if (findings.length === 0) {
    out.push(a.accounting.parsed === 0 ? 'No findings: no mdb output was recognized in the input.' : 'No findings.', '');
  } else {
    out.push('| severity | findings |', '|---|---:|');
    for (const s of SEVERITIES) out.push(`| ${s} | ${counts[s]} |`);
    out.push('');
    out.push(`**Worst:** \\[${findings[0]!.severity}\\] ${mdText(findings[0]!.title)}`, '');
    findings.forEach((f, i) => out.push(...findingSection(f, i + 1)));
  }
  if (a.notes.length > 0) {
    out.push('### Rule notes', '');
    for (const n of a.notes) out.push(`- \`${n.rule.replace(/`/g, '')}\`: ${mdText(n.message)}`);
    out.push('');
  }
  if (a.diagnostics.length > 0) {
    out.push(`### Diagnostics (${a.diagnostics.length})`, '');
    out.push(mdCodeBlock(a.diagnostics.slice(0, MAX_DIAGNOSTICS_SHOWN).map((d) => `line ${d.line}:${d.col}: ${d.message}`)));
    if (a.diagnostics.length > MAX_DIAGNOSTICS_SHOWN) out.push('', `... and ${a.diagnostics.length - MAX_DIAGNOSTICS_SHOWN} more`);
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}
