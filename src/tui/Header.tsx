// The top line: what is loaded, how much of it was read, and the finding counts.
import React from 'react';
import { Text } from 'ink';
import type { Analysis } from '../analysis.ts';
import { neutralize } from '../report/sanitize.ts';
import { nothingToJudge, notJudged, unreadOutput } from '../report/summary.ts';
import { clip } from './format.ts';
import { severityCounts } from '../rules/policy.ts';

export interface HeaderProps {
  analysis: Analysis | null;
  status: string | null;
  title: string;
  width: number;
}

/** A long path shows as its file name: the header has room for little. */
export function shortSource(s: string): string {
  if (s.length <= 32) return s;
  const base = s.slice(s.lastIndexOf('/') + 1);
  return base.length > 31 ? '…' + base.slice(-31) : '…/' + base;
}

export function headerText(p: HeaderProps): string {
  const parts = [`playfair · ${p.title}`];
  // Loading and preview state first: it is what changes, and a narrow header cuts from the right.
  if (p.status) parts.push(p.status);
  const a = p.analysis;
  if (a) {
    const c = severityCounts(a.findings);
    // "clean" only when something was judged: no mdb output, or none about the dispatcher, is not clean.
    const sev = c.critical + c.high ? `${c.critical + c.high} high+` : a.findings.length ? 'no high' : nothingToJudge(a) !== null ? 'nothing read' : notJudged(a) !== null ? 'not judged' : unreadOutput(a) !== null ? 'not all read' : 'clean';
    // Most useful first: a narrow terminal cuts from the right.
    parts.push(`${a.findings.length} findings, ${sev}`);
    parts.push(neutralize(shortSource(a.source)));
    parts.push(`${a.snapshot.cpus.length} CPUs, ${a.snapshot.threads.length} threads`);
    parts.push(`${a.accounting.lines} lines (${a.accounting.parsed} parsed)`);
  }
  return parts.join(' │ ');
}

export function Header(p: HeaderProps): React.ReactElement {
  return (
    <Text inverse bold wrap="truncate">
      {clip(' ' + headerText(p), p.width).padEnd(p.width)}
    </Text>
  );
}
