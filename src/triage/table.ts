// The triage summary as a table for a terminal: one row per group, worst severity first. Every
// cell is sanitized (file names and panic messages are untrusted text).
import { neutralize } from '../report/sanitize.ts';
import { knownText, type TriageGroup } from './group.ts';
import type { TriageSummary } from './output.ts';

const HEAD = ['group', 'count', 'worst', 'known issue', 'representative report'] as const;
/** Long labels and paths are cut to keep a row on one line of a wide terminal. */
const MAX_CELL = 60;

/** `fromLeft` for paths: their end names the file. */
function cell(s: string, fromLeft = false): string {
  const t = neutralize(s);
  if (t.length <= MAX_CELL) return t;
  return fromLeft ? `…${t.slice(t.length - MAX_CELL + 1)}` : `${t.slice(0, MAX_CELL - 1)}…`;
}

function row(g: TriageGroup): string[] {
  return [cell(g.label), String(g.count), g.worst ?? '-', cell(g.known.length > 0 ? knownText(g) : '-'), cell(g.files[0] ?? '-', true)];
}

export function triageTable(summary: TriageSummary): string {
  const rows = [HEAD.map((h) => h as string), ...summary.groups.map(row)];
  const widths = HEAD.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((x, c) => (c === 1 ? x.padStart(widths[c]!) : x.padEnd(widths[c]!))).join('  ').trimEnd();
  const out = [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  const s = summary;
  out.push('', `${s.reports} report${s.reports === 1 ? '' : 's'} in ${s.groups.length} group${s.groups.length === 1 ? '' : 's'}${s.errors > 0 ? `; ${s.errors} not read` : ''}${s.internalErrors > 0 ? `; internal errors on ${s.internalErrors} (verdicts may be incomplete)` : ''}.`);
  if (s.interrupted !== undefined) out.push(`Interrupted: ${s.reports} of ${s.interrupted.of} reports triaged.`);
  return out.join('\n') + '\n';
}
