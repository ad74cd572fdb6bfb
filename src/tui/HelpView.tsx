// Every key, in one place (?): descriptions wrap under their key at any width, and the list
// scrolls (j/k) with a cue when it is taller than the screen.
import React, { useState } from 'react';
import { Box, Text } from 'ink';
import { clip, padR, wrapText } from './format.ts';
import { navKey } from './list-nav.ts';
import { useKeys } from './keys.ts';

export const HELP: [string, string][] = [
  ['s', 'summary: CPUs as rows; !! where the findings call a CPU starved'],
  ['f', 'findings by severity; Enter opens one with its evidence'],
  ['t', 'threads (all of them, scrolling); Enter opens one'],
  ['/', 'filter threads (function, process, address) or findings (any text); Esc clears'],
  [':', 'mdb-style prompt: ::cpuinfo -v, ::stacks, ADDR::findstack -v, ADDR::print kthread_t t_pri'],
  ['w', 'what-if: change kpreemptpri (m: boot-time fix or live patch) and simulate; see which findings clear, return or remain'],
  ['p', 'paste a dump (Ctrl-D analyses it, Esc cancels)'],
  ['o', 'open a file by path'],
  ['e', 'save the report of the loaded dump as Markdown to a file'],
  ['Enter', 'open the selected row'],
  ['Esc / Backspace', 'back'],
  ['j k / arrows', 'move; PgUp PgDn page; g G first/last'],
  ['n N', 'finding detail: next/previous evidence line'],
  ['h l / ← →', 'finding detail: scroll the evidence sideways'],
  ['1-9', 'finding: open its n-th thread; thread: its n-th finding'],
  ['m', 'finding detail: the whole text when it does not fit above the evidence'],
  ['?', 'this help'],
  ['q', 'quit'],
];

const KEY_W = 16;

/** The help as lines at a width: the key in its column, the description wrapped beside it. */
export function helpLines(width: number): string[] {
  const out: string[] = [];
  const descW = Math.max(10, width - KEY_W);
  for (const [k, d] of HELP) {
    const wrapped = wrapText(d, descW);
    wrapped.forEach((l, i) => out.push((i === 0 ? padR(k, KEY_W) : ' '.repeat(KEY_W)) + l));
  }
  return out;
}

export function HelpView(p: { width: number; height: number; active?: boolean }): React.ReactElement {
  const lines = helpLines(p.width);
  const room = Math.max(1, p.height - 1);
  const fits = lines.length <= room;
  const rows = fits ? room : room - 1; // one line for the cue
  const [top, setTop] = useState(0);
  const maxTop = Math.max(0, lines.length - rows);
  useKeys((input, key) => {
    const n = navKey(input, key, top, maxTop + 1, rows);
    if (n !== null) setTop(n);
  }, p.active ?? true);
  const shown = lines.slice(top, top + rows);
  const below = lines.length - top - shown.length;
  return (
    <Box flexDirection="column" height={p.height}>
      <Text bold>{clip('Keys', p.width)}</Text>
      {shown.map((l, i) => (
        <Text key={top + i} wrap="truncate">{clip(l, p.width)}</Text>
      ))}
      {!fits && <Text dimColor wrap="truncate">{clip(`${top > 0 ? `↑ ${top} above  ` : ''}${below > 0 ? `↓ ${below} more below` : ''}  (j/k scroll)`, p.width)}</Text>}
    </Box>
  );
}
