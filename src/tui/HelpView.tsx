// Every key, in one place (?).
import React from 'react';
import { Box, Text } from 'ink';
import { clip } from './format.ts';

export const HELP: [string, string][] = [
  ['s', 'summary: CPUs as rows, starved ones marked !!'],
  ['f', 'findings by severity; Enter opens one with its evidence'],
  ['t', 'threads (all of them, scrolling); Enter opens one'],
  [':', 'mdb-style prompt: ::cpuinfo -v, ::stacks, ADDR::findstack -v, ADDR::print kthread_t t_pri'],
  ['w', 'what-if: change kpreemptpri and simulate; see which findings clear'],
  ['p', 'paste a dump (Ctrl-D analyses it, Esc cancels)'],
  ['o', 'open a file by path'],
  ['Enter', 'open the selected row'],
  ['Esc / Backspace', 'back'],
  ['j k / arrows', 'move; PgUp PgDn page; g G first/last'],
  ['n N', 'finding detail: next/previous evidence line'],
  ['1-9', 'finding detail: open the n-th thread it names'],
  ['m', 'finding detail: the whole text when it does not fit above the evidence'],
  ['?', 'this help'],
  ['q', 'quit'],
];

export function HelpView(p: { width: number; height: number }): React.ReactElement {
  return (
    <Box flexDirection="column" height={p.height}>
      <Text bold>{clip('Keys', p.width)}</Text>
      {HELP.slice(0, Math.max(0, p.height - 1)).map(([k, d]) => (
        <Text key={k} wrap="truncate">
          <Text bold>{k.padEnd(16)}</Text>
          {clip(d, Math.max(0, p.width - 16))}
        </Text>
      ))}
    </Box>
  );
}
