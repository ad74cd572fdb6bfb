// What-if: change kpreemptpri, simulate from the loaded snapshot, see which findings clear, return
// or remain, and what exactly was simulated.
import React from 'react';
import { Box, Text } from 'ink';
import { useKeys } from './keys.ts';
import { neutralize } from '../report/sanitize.ts';
import type { WhatIfState } from './state.ts';
import type { KpreemptMode } from '../sim/whatif.ts';
import { clip, padR, SEVERITY_TAG } from './format.ts';
import { changeLine, countLine, hzLine, statusWord } from './whatif-text.ts';

export type { WhatIfState };

export interface WhatIfProps {
  state: WhatIfState;
  /** The dump's own kpreemptpri, when it showed one. */
  current: number | undefined;
  setValue(v: string): void;
  setMode(mode: KpreemptMode): void;
  onRun(kpreemptpri: number, mode: KpreemptMode): void;
  width: number;
  height: number;
  active: boolean;
}

export function WhatIfView(p: WhatIfProps): React.ReactElement {
  const s = p.state;
  const num = Number.parseInt(s.kpreemptpri, 10);
  const valid = /^\d{1,3}$/.test(s.kpreemptpri) && num >= 0 && num <= 255;
  useKeys(
    (input, key) => {
      if (/^\d$/.test(input)) p.setValue(s.kpreemptpri.length >= 3 ? input : s.kpreemptpri + input);
      else if (key.backspace || key.delete) p.setValue(s.kpreemptpri.slice(0, -1));
      else if (input === '+' || input === '=' || key.rightArrow) p.setValue(String((valid ? num : 99) + 1));
      else if (input === '-' || key.leftArrow) p.setValue(String(Math.max(0, (valid ? num : 101) - 1)));
      else if (input === 'm') p.setMode(s.mode === 'boot' ? 'live' : 'boot');
      else if ((key.return || input === 'r') && valid && !s.busy) p.onRun(num, s.mode);
    },
    p.active,
  );
  const lines: { text: string; color?: string }[] = [];
  if (s.busy) lines.push({ text: 'simulating…' });
  if (s.error) lines.push({ text: `simulator: ${neutralize(s.error)}`, color: 'red' });
  if (s.report && !s.busy) {
    const run = s.report.run;
    lines.push({ text: countLine(s.report, s.ranWith) });
    if (run !== undefined) lines.push({ text: changeLine(run) }, { text: hzLine(run) });
    else lines.push({ text: 'The simulator did not say what it ran (hz, kpqpri not known).', color: 'yellow' });
    for (const o of s.report.outcomes) {
      const st = statusWord(o);
      lines.push({
        text: `${st.word} ${SEVERITY_TAG[o.severity]} ${padR(o.cpu !== undefined ? `cpu${o.cpu}` : '', 5)} ${neutralize(o.title)}`,
        color: st.color,
      });
      if (o.detail) lines.push({ text: `          ${neutralize(o.detail)}` });
    }
    for (const n of s.report.notes) lines.push({ text: `note: ${neutralize(n)}` });
  }
  const room = Math.max(0, p.height - 6);
  return (
    <Box flexDirection="column" height={p.height}>
      <Text bold wrap="truncate">{clip('What if: simulate the loaded snapshot with a changed tunable', p.width)}</Text>
      <Text wrap="truncate">
        {'  kpreemptpri = '}
        <Text inverse color={valid ? undefined : 'red'}>{` ${s.kpreemptpri || ' '} `}</Text>
        {clip(`   dump: ${p.current ?? 'not shown (kernel default 100 before #1532, 99 after)'}`, Math.max(0, p.width - 22))}
      </Text>
      <Text wrap="truncate">{clip(`  as ${s.mode === 'boot' ? 'the boot-time fix (kpqpri follows)' : 'a live patch, kpreemptpri/w (kpqpri stays)'}   m: ${s.mode === 'boot' ? 'live patch' : 'boot-time fix'}`, p.width)}</Text>
      <Text dimColor wrap="truncate">{clip('  digits type, -/+ step, m boot/live, Enter runs the simulator', p.width)}</Text>
      <Text> </Text>
      {lines.slice(0, room).map((l, i) => (
        <Text key={i} color={l.color} wrap="truncate">{clip(l.text, p.width)}</Text>
      ))}
      {lines.length > room && <Text dimColor>{`… ${lines.length - room} more`}</Text>}
    </Box>
  );
}
