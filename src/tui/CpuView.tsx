// One CPU: its row in words, then the threads it holds (running, interrupt, pinned, queued);
// Enter opens a thread.
import React from 'react';
import { Box, Text } from 'ink';
import type { Cpu } from '../model/snapshot.ts';
import type { Finding } from '../rules/types.ts';
import type { HzInfo } from '../rules/time.ts';
import { shortTicks } from '../rules/policy.ts';
import { useKeys } from './keys.ts';
import { neutralize } from '../report/sanitize.ts';
import { clip, maxWaitingPri, padL, padR } from './format.ts';
import { navKey } from './list-nav.ts';
import { ScrollList } from './ScrollList.tsx';
import type { Nav } from './view-state.ts';

export interface CpuProps {
  cpu: Cpu;
  /** The hz the rules used (policy.ts hzOf). */
  hz: HzInfo;
  /** The findings that mark this CPU starved (policy.ts starvingFindings); empty if none. */
  starvedBy: readonly Finding[];
  width: number;
  height: number;
  active: boolean;
  nav: Nav;
  cursor: number;
  setCursor(n: number): void;
}

interface Row {
  role: string;
  pri: string;
  thread: string | null;
  proc: string;
}

export function cpuThreadRows(cpu: Cpu): Row[] {
  const rows: Row[] = [];
  rows.push({ role: 'running', pri: cpu.pri === null ? '-' : String(cpu.pri), thread: cpu.thread, proc: cpu.proc ?? '-' });
  for (const p of cpu.pil) rows.push({ role: `PIL ${p.pil}`, pri: '', thread: p.thread, proc: '' });
  if (cpu.pinned) rows.push({ role: 'pinned', pri: '', thread: cpu.pinned.thread, proc: cpu.pinned.proc });
  for (const q of cpu.runq ?? []) rows.push({ role: 'queued', pri: String(q.pri), thread: q.thread, proc: q.proc });
  return rows;
}

export function CpuView(p: CpuProps): React.ReactElement {
  const { cpu } = p;
  const { hz, assumed } = p.hz;
  const starved = p.starvedBy[0];
  const rows = cpuThreadRows(cpu);
  const wait = maxWaitingPri(cpu);
  const facts = [
    `CPU ${cpu.id}${cpu.addr ? `  cpu_t ${cpu.addr}` : ''}  flags ${cpu.flagNames.join(' ') || '-'}`,
    `running pri ${cpu.pri ?? '-'}  RNRN ${cpu.runrun === null ? '-' : cpu.runrun ? 'yes' : 'no'}  KRNRN ${cpu.kprunrun === null ? '-' : cpu.kprunrun ? 'yes' : 'no'}  ` +
      `SWITCH ${cpu.switchTicks === null ? '-' : `t-${cpu.switchTicks} = ${shortTicks(cpu.switchTicks, hz)}${assumed ? ` at assumed hz ${hz}` : ''}`}`,
    `queued ${cpu.runq ? cpu.runq.length : cpu.nrun ?? '-'}${wait !== null ? `, highest waiting pri ${wait}` : ''}`,
    // The mark is the findings' word, not this view's: see policy.ts marksStarved.
    ...(starved ? [`!! ${neutralize(starved.title)}`] : []),
  ];
  const listH = Math.max(1, p.height - facts.length - 2);
  useKeys(
    (input, key) => {
      const n = navKey(input, key, p.cursor, rows.length, listH);
      if (n !== null) p.setCursor(n);
      else if (key.return) {
        const t = rows[p.cursor]?.thread;
        if (t) p.nav.push({ kind: 'thread', addr: t });
      }
    },
    p.active,
  );
  return (
    <Box flexDirection="column" height={p.height}>
      {facts.map((f, i) => (
        <Text key={i} wrap="truncate" color={i === 3 ? 'red' : undefined}>{clip(f, p.width)}</Text>
      ))}
      <Text> </Text>
      <Text bold wrap="truncate">{clip(`${padR('ROLE', 8)} ${padL('PRI', 3)} ${padR('THREAD', 16)} PROC`, p.width)}</Text>
      <ScrollList
        count={rows.length}
        cursor={p.cursor}
        height={listH}
        width={p.width}
        row={(i) => {
          const r = rows[i]!;
          return clip(`${padR(r.role, 8)} ${padL(r.pri, 3)} ${padR(r.thread ?? '-', 16)} ${neutralize(r.proc)}`, p.width);
        }}
      />
    </Box>
  );
}
