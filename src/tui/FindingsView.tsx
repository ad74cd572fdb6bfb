// Findings, most severe first; Enter opens one.
import React from 'react';
import { Box, Text } from 'ink';
import type { Finding } from '../rules/types.ts';
import { useKeys } from './keys.ts';
import { neutralize } from '../report/sanitize.ts';
import { clip, padR, SEVERITY_COLOR, SEVERITY_TAG } from './format.ts';
import { severityCounts } from '../rules/policy.ts';
import { SEVERITIES } from '../rules/types.ts';
import { navKey } from './list-nav.ts';
import { ScrollList } from './ScrollList.tsx';
import type { Nav } from './view-state.ts';

export interface FindingsProps {
  /** Already sorted most severe first (App keeps one sorted copy so indices agree). */
  findings: Finding[];
  notes: string[];
  width: number;
  height: number;
  active: boolean;
  nav: Nav;
  cursor: number;
  setCursor(n: number): void;
}

export function findingRow(f: Finding, width: number): string {
  const where = f.cpu !== undefined ? `cpu${f.cpu}` : '';
  return clip(`${SEVERITY_TAG[f.severity]} ${padR(where, 6)}${padR(f.rule, 22)} ${neutralize(f.title)}`, width);
}

export function FindingsView(p: FindingsProps): React.ReactElement {
  const c = severityCounts(p.findings);
  const counts = SEVERITIES.filter((s) => c[s]).map((s) => `${c[s]} ${s}`);
  const noteRows = p.notes.length ? Math.min(p.notes.length + 1, Math.floor(p.height / 4)) : 0;
  const listH = Math.max(1, p.height - 1 - noteRows);
  useKeys(
    (input, key) => {
      const n = navKey(input, key, p.cursor, p.findings.length, listH);
      if (n !== null) p.setCursor(n);
      else if (key.return && p.findings[p.cursor]) p.nav.push({ kind: 'finding', index: p.cursor });
    },
    p.active,
  );
  return (
    <Box flexDirection="column" height={p.height}>
      <Text bold wrap="truncate">{clip(`Findings: ${counts.length ? counts.join(', ') : 'none'}   (Enter: detail and evidence)`, p.width)}</Text>
      <ScrollList
        count={p.findings.length}
        cursor={p.cursor}
        height={listH}
        width={p.width}
        row={(i) => findingRow(p.findings[i]!, p.width)}
        color={(i) => SEVERITY_COLOR[p.findings[i]!.severity]}
        empty="No findings: the rules saw nothing wrong in this input."
      />
      {noteRows > 0 && <Text dimColor wrap="truncate">{clip(`Rules that could not decide (${p.notes.length}):`, p.width)}</Text>}
      {p.notes.slice(0, Math.max(0, noteRows - 1)).map((n, i) => (
        <Text key={i} dimColor wrap="truncate">{clip('  ' + neutralize(n), p.width)}</Text>
      ))}
    </Box>
  );
}
