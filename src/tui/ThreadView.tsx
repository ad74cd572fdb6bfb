// One thread: dispatcher fields, the findings that name it (1-9 open them), what it waits for and
// who waits for it, TS class data, and its stack; j/k scroll.
import React, { useState } from 'react';
import { Box, Text } from 'ink';
import type { Thread } from '../model/snapshot.ts';
import type { HzInfo } from '../rules/time.ts';
import { shortTicks } from '../rules/policy.ts';
import { renderFindstack } from '../render/findstack.ts';
import { useKeys } from './keys.ts';
import { neutralize } from '../report/sanitize.ts';
import { clip } from './format.ts';
import { navKey } from './list-nav.ts';
import type { Finding } from '../rules/types.ts';
import type { Nav } from './view-state.ts';
import { SEVERITY_TAG } from './format.ts';

export interface ThreadProps {
  addr: string;
  thread: Thread | undefined;
  /** The hz the rules used (policy.ts hzOf). */
  hz: HzInfo;
  /** The findings that name this thread, with their index in the sorted list (1-9 open them). */
  named: readonly { item: Finding; index: number }[];
  /** What it waits for, who waits for it, its chains (thread-waits.ts); empty when none. */
  waits: readonly string[];
  nav: Nav;
  width: number;
  height: number;
  active: boolean;
}

/** Everything shown for a thread, one string per line. */
export function threadLines(t: Thread, hzInfo: HzInfo): string[] {
  const { hz, assumed } = hzInfo;
  const v = (x: string | number | null): string => (x === null ? '-' : String(x));
  const out: string[] = [];
  out.push(`thread ${t.addr ?? '?'}   proc ${neutralize(v(t.proc))}${t.desc ? `   (${neutralize(t.desc)})` : ''}`);
  out.push(`pri ${v(t.pri)}  epri ${v(t.epri)}  state ${neutralize(v(t.state))}  class ${neutralize(v(t.cls))}${t.cid !== null ? ` (cid ${t.cid})` : ''}`);
  const where = t.onCpu !== null ? `running on cpu ${t.onCpu}` : t.queuedOn !== null ? `queued on cpu ${t.queuedOn}` : 'not on a CPU or queue shown';
  out.push(`${where}${t.boundCpu !== null ? `, bound to cpu ${t.boundCpu}` : ''}${t.dispTime !== null ? `, t_disp_time ${t.dispTime}` : ''}`);
  if (t.wchan || t.sobj) out.push(`wchan ${v(t.wchan)}  sobj ${neutralize(v(t.sobj))}${t.groupCount !== null ? `  (::stacks group of ${t.groupCount})` : ''}`);
  if (t.cldata || t.tsTimeleft !== null || t.tsDispwait !== null) {
    const tl = t.tsTimeleft;
    const over = tl !== null && tl < 0 ? `  (quantum overrun by ${shortTicks(-tl, hz)}${assumed ? `, assumed hz ${hz}` : ''})` : '';
    out.push(`class data ${v(t.cldata)}: ts_timeleft ${v(tl)}${over}  ts_dispwait ${v(t.tsDispwait)}  ts_flags ${t.tsFlags === null ? '-' : '0x' + t.tsFlags.toString(16)}`);
  }
  out.push('');
  if (t.stack && t.stack.length) {
    // The stack as ::findstack -v prints it (the shared renderer), innermost first.
    const text = renderFindstack({ addr: t.addr ?? '?', desc: t.desc, free: t.state === 'free', sp: null, stack: t.stack }, { verbose: true });
    for (const l of text.split('\n')) if (l) out.push(neutralize(l));
  } else out.push(t.stackFailure ? `stack: ${neutralize(t.stackFailure)}` : 'stack: not shown in the input');
  return out;
}

export function ThreadView(p: ThreadProps): React.ReactElement {
  const [cursor, setCursor] = useState(0);
  const body = p.thread ? threadLines(p.thread, p.hz) : [`thread ${p.addr}: not described anywhere in the input`];
  // Links back to the findings that name the thread, first (the finding detail links here).
  const links = p.named.length
    ? [
        `Named by ${p.named.length} finding${p.named.length > 1 ? 's' : ''}${p.named.length > 9 ? ' (1-9 open the first nine)' : ' (1-9 open one)'}:`,
        ...p.named.slice(0, 9).map((n, i) => `  [${i + 1}] ${SEVERITY_TAG[n.item.severity]} ${neutralize(n.item.title)}`),
        '',
      ]
    : ['Named by no finding.', ''];
  const lines = [body[0]!, ...links, ...p.waits, ...body.slice(1)];
  useKeys(
    (input, key) => {
      // The cursor is the first line shown: plain text scrolls, it has no selection.
      const n = navKey(input, key, cursor, Math.max(1, lines.length - p.height + 1), p.height);
      const pick = /^[1-9]$/.test(input) ? p.named[Number(input) - 1] : undefined;
      if (n !== null) setCursor(n);
      else if (pick) p.nav.push({ kind: 'finding', index: pick.index });
    },
    p.active,
  );
  return (
    <Box flexDirection="column" height={p.height}>
      {lines.slice(cursor, cursor + p.height).map((l, i) => (
        <Text key={cursor + i} wrap="truncate">{clip(l, p.width) || ' '}</Text>
      ))}
    </Box>
  );
}
