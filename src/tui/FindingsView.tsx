// Findings, most severe first; Enter opens one.
import React from 'react';
import { Box, Text } from 'ink';
import type { Finding } from '../rules/types.ts';
import { useKeys } from './keys.ts';
import { neutralize } from '../report/sanitize.ts';
import { noFindingsCaveats, nothingToJudge } from '../report/summary.ts';
import type { Analysis } from '../analysis.ts';
import { clip, padR, SEVERITY_COLOR, SEVERITY_TAG } from './format.ts';
import { severityCounts } from '../rules/policy.ts';
import { SEVERITIES } from '../rules/types.ts';
import { navKey } from './list-nav.ts';
import { ScrollList } from './ScrollList.tsx';
import type { Nav } from './view-state.ts';

export interface FindingsProps {
  /** The findings listed (all, or those the `/` filter keeps), each with its index in the full
   * sorted list (App keeps one sorted copy, so indices agree). */
  items: readonly { item: Finding; index: number }[];
  /** The whole list, for the counts. */
  all: readonly Finding[];
  /** The `/` filter ('' when none). */
  filter: string;
  notes: string[];
  /** What an empty list means for this input (see noFindingsText). */
  none: string;
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

/** The empty findings list, worded for what was read: nothing, no dispatcher state, or a dump the rules judged. */
export function noFindingsText(a: Analysis): string {
  if (nothingToJudge(a) !== null) return 'No findings: no mdb output was read in this input.';
  const caveats = noFindingsCaveats(a);
  return caveats.length > 0 ? `No findings; ${caveats.join('; ')}.` : 'No findings: the rules saw nothing wrong in this input.';
}

export function FindingsView(p: FindingsProps): React.ReactElement {
  const c = severityCounts(p.all);
  const counts = SEVERITIES.filter((s) => c[s]).map((s) => `${c[s]} ${s}`);
  const noteRows = p.notes.length ? Math.min(p.notes.length + 1, Math.floor(p.height / 4)) : 0;
  const listH = Math.max(1, p.height - 1 - noteRows);
  useKeys(
    (input, key) => {
      const n = navKey(input, key, p.cursor, p.items.length, listH);
      const chosen = p.items[p.cursor];
      if (n !== null) p.setCursor(n);
      else if (key.return && chosen) p.nav.push({ kind: 'finding', index: chosen.index });
    },
    p.active,
  );
  return (
    <Box flexDirection="column" height={p.height}>
      <Text bold wrap="truncate">
        {clip(
          `Findings: ${counts.length ? counts.join(', ') : 'none'}` +
            (p.filter ? `   /${neutralize(p.filter)}: ${p.items.length} of ${p.all.length}` : '   (Enter: detail and evidence)'),
          p.width,
        )}
      </Text>
      <ScrollList
        count={p.items.length}
        cursor={p.cursor}
        height={listH}
        width={p.width}
        row={(i) => findingRow(p.items[i]!.item, p.width)}
        color={(i) => SEVERITY_COLOR[p.items[i]!.item.severity]}
        empty={p.filter ? `No finding matches /${neutralize(p.filter)} (Esc on / clears it).` : p.none}
      />
      {noteRows > 0 && <Text dimColor wrap="truncate">{clip(`Rules that could not decide (${p.notes.length}):`, p.width)}</Text>}
      {p.notes.slice(0, Math.max(0, noteRows - 1)).map((n, i) => (
        <Text key={i} dimColor wrap="truncate">{clip('  ' + neutralize(n), p.width)}</Text>
      ))}
    </Box>
  );
}
