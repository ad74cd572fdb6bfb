// Every thread the input shows, virtualised (a 50,000-thread dump renders a screenful at a time).
import React from 'react';
import { Box, Text } from 'ink';
import type { Thread } from '../model/snapshot.ts';
import { useKeys } from './keys.ts';
import { neutralize } from '../report/sanitize.ts';
import { clip, padL, padR } from './format.ts';
import { navKey } from './list-nav.ts';
import { ScrollList } from './ScrollList.tsx';
import type { Nav } from './view-state.ts';

export interface ThreadsProps {
  /** The threads listed: all, or those the `/` filter keeps. */
  threads: readonly Thread[];
  /** How many the input has in all. */
  total: number;
  /** The `/` filter ('' when none). */
  filter: string;
  width: number;
  height: number;
  active: boolean;
  nav: Nav;
  cursor: number;
  setCursor(n: number): void;
}

export function threadWhere(t: Thread): string {
  if (t.onCpu !== null) return `on ${t.onCpu}`;
  if (t.queuedOn !== null) return `q ${t.queuedOn}`;
  return '';
}

/** The innermost frame that is not the switch machinery, to tell threads apart at a glance. */
export function topFrame(t: Thread): string {
  if (!t.stack || t.stack.length === 0) return t.stackFailure ? `<${t.stackFailure}>` : '';
  const skip = new Set(['_resume_from_idle', 'swtch', 'cv_wait', 'cv_timedwait', 'cv_wait_sig', 'turnstile_block']);
  const f = t.stack.find((fr) => !fr.saved && !skip.has(fr.func)) ?? t.stack[0]!;
  return f.func;
}

export const THREADS_HEADER = `${padR('THREAD', 16)} ${padL('PRI', 3)} ${padR('STATE', 6)} ${padR('CLS', 4)} ${padR('CPU', 5)} ${padR('PROC', 16)} STACK`;

export function threadRow(t: Thread): string {
  return (
    `${padR(t.addr ?? '?', 16)} ${padL(t.pri === null ? '-' : String(t.pri), 3)} ${padR(t.state ?? '-', 6)} ` +
    `${padR(t.cls ?? '-', 4)} ${padR(threadWhere(t), 5)} ${padR(neutralize(t.proc ?? t.desc ?? '-'), 16)} ${neutralize(topFrame(t))}`
  );
}

export function ThreadsView(p: ThreadsProps): React.ReactElement {
  const listH = Math.max(1, p.height - 2);
  useKeys(
    (input, key) => {
      const n = navKey(input, key, p.cursor, p.threads.length, listH);
      if (n !== null) p.setCursor(n);
      else if (key.return) {
        const a = p.threads[p.cursor]?.addr;
        if (a) p.nav.push({ kind: 'thread', addr: a });
      }
    },
    p.active,
  );
  return (
    <Box flexDirection="column" height={p.height}>
      <Text bold wrap="truncate">
        {clip(
          (p.filter ? `Threads: ${p.threads.length} of ${p.total} match /${neutralize(p.filter)}` : `Threads: ${p.threads.length}`) +
            (p.threads.length ? `   (${p.cursor + 1}/${p.threads.length})` : ''),
          p.width,
        )}
      </Text>
      <Text bold wrap="truncate">{clip(THREADS_HEADER, p.width)}</Text>
      <ScrollList
        count={p.threads.length}
        cursor={p.cursor}
        height={listH}
        width={p.width}
        row={(i) => clip(threadRow(p.threads[i]!), p.width)}
        empty={p.filter ? `No thread matches /${neutralize(p.filter)} (Esc on / clears it).` : 'No threads in this input.'}
      />
    </Box>
  );
}
