// Pure text helpers for the TUI: column fitting, tick-to-time conversion, per-CPU summaries.
import type { Analysis } from '../analysis.ts';
import type { Cpu, DispatcherSnapshot } from '../model/snapshot.ts';
import type { Finding, Severity } from '../rules/types.ts';
import { SEVERITIES } from '../rules/types.ts';

/** Cut to at most `n` columns (ASCII assumption: callers pass neutralized dump text). */
export function clip(s: string, n: number): string {
  if (n <= 0) return '';
  return s.length <= n ? s : n === 1 ? s.slice(0, 1) : s.slice(0, n - 1) + '…';
}
export function padR(s: string, n: number): string {
  return clip(s, n).padEnd(n);
}
export function padL(s: string, n: number): string {
  return clip(s, n).padStart(n);
}

/** The clock rate conversions use: the dump's `hz` when it showed one, else 100 (the seed's era). */
export function hzOf(snap: DispatcherSnapshot): { hz: number; assumed: boolean } {
  const hz = snap.tunables['hz'];
  return typeof hz === 'number' && hz > 0 ? { hz, assumed: false } : { hz: 100, assumed: true };
}

/** Ticks as a short duration: `0s`, `850ms`, `12.3s`, `4m05s`, `18h23m`, `2d03h`. */
export function formatTicks(ticks: number, hz: number): string {
  const secs = ticks / hz;
  if (secs < 1) return secs === 0 ? '0s' : `${Math.round(secs * 1000)}ms`;
  if (secs < 60) return `${(Math.floor(secs * 10) / 10).toFixed(1)}s`;
  const s = Math.floor(secs);
  const two = (n: number): string => String(n).padStart(2, '0');
  if (s < 3600) return `${Math.floor(s / 60)}m${two(s % 60)}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h${two(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86400)}d${two(Math.floor((s % 86400) / 3600))}h`;
}

/** Highest priority waiting on the CPU's run queue, or null when the queue was not shown/empty. */
export function maxWaitingPri(cpu: Cpu): number | null {
  if (!cpu.runq || cpu.runq.length === 0) return null;
  let m = cpu.runq[0]!.pri;
  for (const e of cpu.runq) if (e.pri > m) m = e.pri;
  return m;
}

/** Queue depth: the printed run queue when shown, else NRUN. */
export function queueDepth(cpu: Cpu): number | null {
  return cpu.runq ? cpu.runq.length : cpu.nrun;
}

/**
 * Starved: a queued thread outranks the running one and the CPU has not switched for at least
 * `thresholdSec` — the #1532 signature as `::cpuinfo -v` shows it.
 */
export function isStarved(cpu: Cpu, hz: number, thresholdSec = 1): boolean {
  const w = maxWaitingPri(cpu);
  if (w === null || cpu.pri === null || cpu.switchTicks === null) return false;
  return w > cpu.pri && cpu.switchTicks / hz >= thresholdSec;
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const c = { critical: 0, high: 0, medium: 0, low: 0, info: 0 } as Record<Severity, number>;
  for (const f of findings) c[f.severity]++;
  return c;
}

/** Findings ordered most severe first, keeping rule order within a severity. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (s: Severity): number => SEVERITIES.indexOf(s);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f.severity) - rank(b.f.severity) || a.i - b.i)
    .map((x) => x.f);
}

/** analyze's exit code: 1 when any finding is at or above high, else 0. */
export function exitCodeFor(a: Analysis): number {
  return a.findings.some((f) => f.severity === 'critical' || f.severity === 'high') ? 1 : 0;
}

export const SEVERITY_COLOR: Record<Severity, string> = {
  critical: 'red',
  high: 'redBright',
  medium: 'yellow',
  low: 'cyan',
  info: 'gray',
};

export const SEVERITY_TAG: Record<Severity, string> = {
  critical: 'CRIT',
  high: 'HIGH',
  medium: 'MED ',
  low: 'LOW ',
  info: 'INFO',
};

/** Word-wrap plain text to `width`, hard-breaking words longer than a line. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  const w = Math.max(1, width);
  for (const para of text.split('\n')) {
    let line = '';
    for (const word0 of para.split(' ')) {
      let word = word0;
      while (word.length > w) {
        if (line) {
          out.push(line);
          line = '';
        }
        out.push(word.slice(0, w));
        word = word.slice(w);
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= w) line += ' ' + word;
      else {
        out.push(line);
        line = word;
      }
    }
    out.push(line);
  }
  return out;
}
