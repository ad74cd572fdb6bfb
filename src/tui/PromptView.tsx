// An mdb-style prompt against the loaded snapshot: `::cpuinfo -v`, `ADDR::findstack -v`,
// `::stacks`, `ADDR::print kthread_t t_pri`. Output is rendered by the shared renderers.
import React from 'react';
import { Box, Text } from 'ink';
import { useKeys } from './keys.ts';
import { neutralize } from '../report/sanitize.ts';
import { clip } from './format.ts';
import { TextInput } from './TextInput.tsx';

export interface PromptProps {
  /** Scrollback: echoed commands and their output, oldest first. */
  log: readonly string[];
  history: readonly string[];
  busy: boolean;
  /** Lines waiting behind the running one (a pasted block). */
  queued?: number;
  /** Lines scrolled back from the bottom (0 = following the newest output). */
  scroll: number;
  setScroll(n: number): void;
  onRun(line: string): void;
  onLeave(): void;
  width: number;
  height: number;
  active: boolean;
}

export function PromptView(p: PromptProps): React.ReactElement {
  const outH = Math.max(1, p.height - 2);
  const maxScroll = Math.max(0, p.log.length - outH);
  const scroll = Math.min(p.scroll, maxScroll);
  useKeys(
    (_input, key) => {
      if (key.pageUp) p.setScroll(Math.min(maxScroll, scroll + outH));
      else if (key.pageDown) p.setScroll(Math.max(0, scroll - outH));
    },
    p.active,
  );
  const end = p.log.length - scroll;
  const shown = p.log.slice(Math.max(0, end - outH), end);
  return (
    <Box flexDirection="column" height={p.height}>
      <Text dimColor wrap="truncate">
        {clip(`mdb-style prompt on the loaded snapshot${scroll ? `  (scrolled back ${scroll} lines)` : ''}. Try ::cpuinfo -v, ::stacks, ADDR::findstack -v`, p.width)}
      </Text>
      <Box flexDirection="column" height={outH}>
        {shown.map((l, i) => (
          <Text key={i} wrap="truncate">{clip(neutralize(l), p.width) || ' '}</Text>
        ))}
      </Box>
      {/* Always mounted and active: a line typed while a command runs is queued behind it. */}
      <TextInput prompt={p.busy ? (p.queued ? `running… (${p.queued} queued) ` : 'running… ') : '> '} active={p.active} width={p.width} history={p.history} onSubmit={p.onRun} onCancel={p.onLeave} />
    </Box>
  );
}
