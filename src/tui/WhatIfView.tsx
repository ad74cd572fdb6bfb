// What-if: change kpreemptpri, simulate from the loaded snapshot, see which findings clear, return
// or remain, and what exactly was simulated. Results wrap to the width and scroll (j/k), so no
// detail is cut without a way to see it.
import React, { useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from './keys.ts';
import { neutralize } from '../report/sanitize.ts';
import type { WhatIfState } from './state.ts';
import type { KpreemptMode } from '../sim/whatif.ts';
import { clip, padR, SEVERITY_TAG, wrapText } from './format.ts';
import { navKey } from './list-nav.ts';
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
  const [top, setTop] = useState(0);
  const lines = resultLines(s, p.width);
  const room = Math.max(0, p.height - 5); // below the five header rows
  const fits = lines.length <= room;
  const shown = fits ? room : Math.max(0, room - 1); // one row for the scroll cue
  const lastTop = Math.max(0, lines.length - shown);
  const from = Math.min(top, lastTop);
  useKeys(
    (input, key) => {
      if (/^\d$/.test(input)) p.setValue(s.kpreemptpri.length >= 3 ? input : s.kpreemptpri + input);
      else if (key.backspace || key.delete) p.setValue(s.kpreemptpri.slice(0, -1));
      else if (input === '+' || input === '=' || key.rightArrow) p.setValue(String((valid ? num : 99) + 1));
      else if (input === '-' || key.leftArrow) p.setValue(String(Math.max(0, (valid ? num : 101) - 1)));
      else if (input === 'm') p.setMode(s.mode === 'boot' ? 'live' : 'boot');
      else if ((key.return || input === 'r') && valid && !s.busy) {
        setTop(0); // the new result starts at its first line
        p.onRun(num, s.mode);
      }
      else {
        const n = navKey(input, key, from, lastTop + 1, Math.max(1, shown));
        if (n !== null) setTop(n);
      }
    },
    p.active,
  );
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
      {lines.slice(from, from + shown).map((l, i) => (
        <Text key={from + i} color={l.color} wrap="truncate">{clip(l.text, p.width) || ' '}</Text>
      ))}
      {!fits && <Text dimColor wrap="truncate">{clip(`lines ${from + 1}-${Math.min(lines.length, from + shown)} of ${lines.length}  (j/k scroll)`, p.width)}</Text>}
    </Box>
  );
}

interface Line {
  text: string;
  color?: string;
}

/** The result, wrapped to the width: continuation lines hang under their first line's text. */
function resultLines(state: WhatIfState, width: number): Line[] {
  const lines: Line[] = [];
  const s = state;
  // `indent`: where continuation lines start; `lead`: the first line's own indent (details). The
  // first line takes the full width; the rest is wrapped again to the narrower hanging width.
  const add = (text: string, indent: number, color?: string, lead = 0): void => {
    const push = (t: string, at: number): number => lines.push({ text: ' '.repeat(at) + t, ...(color ? { color } : {}) });
    const first = wrapText(text, Math.max(10, width - lead))[0] ?? '';
    push(first, lead);
    const rest = text.startsWith(first) ? text.slice(first.length).trimStart() : '';
    if (rest) for (const t of wrapText(rest, Math.max(10, width - indent))) push(t, indent);
  };
  if (s.busy) add('simulating…', 0);
  if (s.error) add(`simulator: ${neutralize(s.error)}`, 2, 'red');
  if (s.report && !s.busy) {
    const run = s.report.run;
    add(countLine(s.report, s.ranWith), 2);
    if (run !== undefined) {
      add(changeLine(run), 2);
      add(hzLine(run), 2);
    } else add('The simulator did not say what it ran (hz, kpqpri not known).', 2, 'yellow');
    for (const o of s.report.outcomes) {
      const st = statusWord(o);
      add(`${st.word} ${SEVERITY_TAG[o.severity]} ${padR(o.cpu !== undefined ? `cpu${o.cpu}` : '', 5)} ${neutralize(o.title)}`, 19, st.color);
      if (o.detail) add(neutralize(o.detail), 10, undefined, 10);
    }
    for (const n of s.report.notes) add(`note: ${neutralize(n)}`, 6);
  }
  return lines;
}
