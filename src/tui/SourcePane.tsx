// A window onto the original input text with line numbers; chosen lines are highlighted.
import React from 'react';
import { Box, Text } from 'ink';
import { neutralize } from '../report/sanitize.ts';
import { clip } from './format.ts';
import { windowStart } from './list-nav.ts';

export interface SourcePaneProps {
  lines: readonly string[];
  /** 1-based line to centre on. */
  focus: number;
  /** 1-based lines to highlight. */
  marked: ReadonlySet<number>;
  width: number;
  height: number;
  /** Columns scrolled sideways (0: from the start); a cut line ends in `…`, a shifted one shows `«`. */
  offset?: number;
}

export function SourcePane(p: SourcePaneProps): React.ReactElement {
  const n = p.lines.length;
  const h = Math.max(1, p.height);
  const start = windowStart(Math.max(0, p.focus - 1), n, h);
  const numW = String(Math.max(1, n)).length;
  const rows: React.ReactElement[] = [];
  for (let i = start; i < Math.min(n, start + h); i++) {
    const ln = i + 1;
    const hit = p.marked.has(ln);
    const off = p.offset ?? 0;
    const body = neutralize(p.lines[i]!);
    // Sideways by code points, so a surrogate pair is never split.
    const shown = off > 0 ? Array.from(body).slice(off).join('') : body;
    const mark = hit ? '▶' : off > 0 && body.length > 0 ? '«' : ' ';
    const text = clip(`${String(ln).padStart(numW)}${mark}${shown}`, p.width);
    rows.push(
      <Text key={ln} wrap="truncate" color={hit ? 'black' : undefined} backgroundColor={hit ? 'yellow' : undefined} dimColor={!hit}>
        {hit ? text.padEnd(p.width) : text}
      </Text>,
    );
  }
  return <Box flexDirection="column">{rows}</Box>;
}
