// Triage output: one NDJSON line per report and a summary line, or Markdown for a tracker.
import { mdText } from '../report/md-escape.ts';
import { knownText, type TriageGroup } from './group.ts';
import { KNOWN_ISSUES } from './known-issues.ts';
import type { QualityRating, Quality } from './quality.ts';
import type { TriageRecord } from './record.ts';

export interface TriageSummary {
  type: 'summary';
  reports: number;
  errors: number;
  /** Reports on which playfair itself failed (records with internalErrors): their verdicts may be incomplete. */
  internalErrors: number;
  quality: Record<QualityRating, number>;
  groups: TriageGroup[];
  /**
   * Set when the run was stopped (SIGINT) before every report was triaged: the summary covers
   * the `reports` records written, out of `of` found.
   */
  interrupted?: { of: number };
}

export function summarize(records: readonly TriageRecord[], groups: TriageGroup[], interrupted?: { of: number }): TriageSummary {
  const quality: Record<QualityRating, number> = { none: 0, fragment: 0, partial: 0, good: 0 };
  for (const r of records) quality[r.quality.rating]++;
  const s: TriageSummary = { type: 'summary', reports: records.length, errors: records.filter((r) => r.error !== undefined).length, internalErrors: records.filter((r) => (r.internalErrors ?? 0) > 0).length, quality, groups };
  if (interrupted !== undefined) s.interrupted = interrupted;
  return s;
}

export function ndjsonLine(x: TriageRecord | TriageSummary): string {
  return JSON.stringify(x) + '\n';
}

function signatureText(r: { rule: string; detail: string | null; frames: string[] }): string {
  return [r.rule, r.detail, r.frames.length > 0 ? r.frames.join(', ') : null].filter((x) => x !== null && x !== '').join(' / ');
}

function qualityText(q: Quality): string {
  return q.reasons.length > 0 ? `${q.rating} (${q.reasons.join('; ')})` : q.rating;
}

export function markdownReport(records: readonly TriageRecord[], summary: TriageSummary): string {
  const out: string[] = [];
  out.push(`## playfair triage: ${summary.reports} report${summary.reports === 1 ? '' : 's'}, ${summary.groups.length} group${summary.groups.length === 1 ? '' : 's'}`, '');
  if (summary.interrupted !== undefined) out.push(`**Interrupted**: ${summary.reports} of ${summary.interrupted.of} reports triaged before the run was stopped.`, '');
  out.push('| file | signature | worst | known | input |', '|---|---|---|---|---|');
  for (const r of records) {
    const known = r.known.map((k) => mdText(k.tickets.join(', ')) + (k.proven ? '' : ' (resembles: not proven)')).join('; ');
    out.push(`| ${mdText(r.file)} | ${mdText(signatureText(r.signature))} | ${r.worst ?? '-'} | ${known || '-'} | ${mdText(r.error ?? qualityText(r.quality))} |`);
  }
  out.push('', '### Groups', '');
  summary.groups.forEach((g, i) => {
    const known = knownText(g, (id) => KNOWN_ISSUES.find((k) => k.id === id)?.title ?? id);
    out.push(`${i + 1}. **${mdText(g.label)}**: ${g.count} report${g.count === 1 ? '' : 's'}, worst ${g.worst ?? '-'}${known !== '' ? `; known: ${mdText(known)}` : ''}`);
    for (const f of g.files) out.push(`   - ${mdText(f)}${g.partial.includes(f) ? ' (joined on rule and message only: no stacks in the input)' : ''}`);
  });
  out.push('', `Input quality: ${(['good', 'partial', 'fragment', 'none'] as const).map((q) => `${summary.quality[q]} ${q}`).join(', ')}${summary.errors > 0 ? `; ${summary.errors} unreadable` : ''}${summary.internalErrors > 0 ? `; internal errors on ${summary.internalErrors} (their verdicts may be incomplete)` : ''}.`);
  return out.join('\n') + '\n';
}
