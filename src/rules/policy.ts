// The findings policy: how findings rank, sort and count, what exit code a run earns, and how
// ticks and durations read. Every face (text, Markdown, SARIF, JSON, the TUI, triage, the CLI)
// uses this one module instead of deciding for itself.
import { SEVERITIES, type Finding, type RuleNote, type Severity } from './types.ts';

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function parseSeverity(s: string): Severity | null {
  return (SEVERITIES as readonly string[]).includes(s) ? (s as Severity) : null;
}

/** Is `sev` at or above `threshold` (critical is the top)? */
export function atOrAbove(sev: Severity, threshold: Severity): boolean {
  return severityRank(sev) <= severityRank(threshold);
}

const CONFIDENCE_RANK: Record<Finding['confidence'], number> = { certain: 0, inferred: 1 };

/**
 * The order the report formats show findings in: worst severity first, then certain before inferred, then
 * by a stable id (rule id, CPU, first thread named) so the order does not follow input line order;
 * full ties keep the rules' own order.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    CONFIDENCE_RANK[a.confidence] - CONFIDENCE_RANK[b.confidence] ||
    compareStrings(a.rule, b.rule) ||
    (a.cpu ?? Number.MAX_SAFE_INTEGER) - (b.cpu ?? Number.MAX_SAFE_INTEGER) ||
    compareStrings(a.threads?.[0] ?? '', b.threads?.[0] ?? '')
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Findings worst first; ties keep the rules' report order (the cause first: triage names a report by it). */
export function sortedFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) || a.i - b.i)
    .map((x) => x.f);
}

/** Findings in the order the report formats (text, Markdown, JSON, SARIF) list them: compareFindings, stable. */
export function reportOrder(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => compareFindings(a.f, b.f) || a.i - b.i)
    .map((x) => x.f);
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function worstFinding(findings: readonly Finding[]): Finding | null {
  let worst: Finding | null = null;
  for (const f of findings) if (worst === null || severityRank(f.severity) < severityRank(worst.severity)) worst = f;
  return worst;
}

// Exit codes of `analyze` (and of every command that judges a dump).
export const EXIT_OK = 0;
/** A finding at or above `--fail-on`. */
export const EXIT_FINDINGS = 1;
/** Bad usage or unreadable input. */
export const EXIT_USAGE = 2;
/** Nothing to judge: no section of the input was read, or none showed dispatcher state. */
export const EXIT_NOTHING_TO_JUDGE = 3;
/** playfair itself failed somewhere (a grammar or rule threw): the verdict may be incomplete. */
export const EXIT_INTERNAL = 4;

export interface Verdict {
  findings: readonly Finding[];
  notes: readonly RuleNote[];
  /** Internal errors: diagnostics and rule notes of kind 'internal'. */
  internalErrors: number;
  /** Lines read as mdb output (accounting.parsed). */
  parsedLines: number;
  /** The input showed dispatcher state (a CPU, a thread's priority or state, a tunable): the dispatcher was judged. */
  dispatcherState: boolean;
}

/**
 * The exit code of a judged run. An internal error outranks everything (the verdict is not to be
 * trusted); then findings at or above the threshold; then "nothing was judged": nothing read, or
 * mdb output without dispatcher state (a lone `::findstack`, a panic's registers), which clean
 * would overstate; else clean.
 */
export function exitCodeFor(v: Verdict, failOn: Severity): number {
  if (v.internalErrors > 0) return EXIT_INTERNAL;
  if (v.findings.some((f) => atOrAbove(f.severity, failOn))) return EXIT_FINDINGS;
  if (v.parsedLines === 0 || !v.dispatcherState) return EXIT_NOTHING_TO_JUDGE;
  return EXIT_OK;
}

function oneDecimal(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Number.isInteger(r) ? r.toFixed(0) : r.toFixed(1);
}

function unit(x: number, name: string): string {
  const n = oneDecimal(x);
  return `${n} ${name}${n === '1' ? '' : 's'}`;
}

/** "18.4 hours", "1 hour", "2.5 seconds", "40 ms": for sentences. */
export function humanDuration(seconds: number): string {
  const s = Math.abs(seconds);
  if (s >= 2 * 86400) return unit(s / 86400, 'day');
  if (s >= 3600) return unit(s / 3600, 'hour');
  if (s >= 60) return unit(s / 60, 'minute');
  if (s >= 1) return unit(s, 'second');
  return `${Math.round(s * 1000)} ms`;
}

/** Ticks as a short duration for columns: `0s`, `850ms`, `12.3s`, `4m05s`, `18h23m`, `2d03h`. */
export function shortTicks(ticks: number, hz: number): string {
  const secs = ticks / hz;
  if (secs < 1) return secs === 0 ? '0s' : `${Math.round(secs * 1000)}ms`;
  if (secs < 60) return `${(Math.floor(secs * 10) / 10).toFixed(1)}s`;
  const s = Math.floor(secs);
  const two = (n: number): string => String(n).padStart(2, '0');
  if (s < 3600) return `${Math.floor(s / 60)}m${two(s % 60)}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h${two(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86400)}d${two(Math.floor((s % 86400) / 3600))}h`;
}
