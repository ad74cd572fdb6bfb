// One finding: what, why, the fix and how to confirm it, then its evidence lines highlighted in
// the original text. n/N step through the evidence, h/l scroll it sideways; 1-9 open the threads
// it names.
import React, { useState } from 'react';
import { Box, Text } from 'ink';
import type { Finding } from '../rules/types.ts';
import { useKeys } from './keys.ts';
import { neutralize } from '../report/sanitize.ts';
import { clip, SEVERITY_COLOR, wrapText } from './format.ts';
import { SourcePane } from './SourcePane.tsx';
import { navKey } from './list-nav.ts';
import type { Nav } from './view-state.ts';

export interface FindingDetailProps {
  finding: Finding;
  /** The wait chain a deadlock or wait-chain finding draws (thread-waits.ts); empty otherwise. */
  chain: readonly string[];
  lines: readonly string[];
  width: number;
  height: number;
  active: boolean;
  nav: Nav;
}

/** Appends without spreading (a message can be longer than the stack has room for arguments). */
function add(out: string[], lines: readonly string[]): void {
  for (const l of lines) out.push(l);
}

const indent = (lines: readonly string[]): string[] => lines.map((l) => '  ' + l);

/** The text above the evidence pane, wrapped to width: nothing cut (m shows what does not fit). */
export function detailLines(f: Finding, width: number, chain: readonly string[] = []): string[] {
  const out: string[] = [];
  const threads = f.threads ?? [];
  out.push(`${f.severity.toUpperCase()} (${f.confidence})  ${f.rule}${f.cpu !== undefined ? `  cpu ${f.cpu}` : ''}`);
  add(out, wrapText(neutralize(f.message, true), width));
  if (threads.length) {
    const named = threads.slice(0, 9).map((t, i) => `[${i + 1}] ${neutralize(t)}`).join('  ');
    add(out, wrapText('Threads: ' + named + (threads.length > 9 ? `  (+${threads.length - 9} more)` : ''), width));
  }
  for (const c of chain) add(out, wrapText(c, width));
  if (f.fix) add(out, wrapText('Fix: ' + neutralize(f.fix, true), width));
  // Confirm commands and references one to a line, in full: they are meant to be copied.
  if (f.confirm.length) {
    out.push('Confirm:');
    for (const c of f.confirm) add(out, indent(wrapText(neutralize(c), width - 2)));
  }
  if (f.references.length) {
    out.push('References:');
    for (const r of f.references) add(out, indent(wrapText(neutralize(r), width - 2)));
  }
  return out;
}

export function FindingDetailView(p: FindingDetailProps): React.ReactElement {
  const f = p.finding;
  const evLines = [...new Set(f.evidence.map((e) => e.line))].sort((a, b) => a - b);
  const [ev, setEv] = useState(0);
  const [shift, setShift] = useState(0);
  // `m` shows the whole text (message, fix, confirm) when it does not fit above the evidence.
  const [full, setFull] = useState(false);
  const [top, setTop] = useState(0);
  // Evidence lines wider than the screen scroll sideways (h/l or the arrows), 8 columns a step.
  const [offset, setOffset] = useState(0);
  const marked = new Set(evLines);
  const head = detailLines(f, p.width, p.chain);
  // Keep at least half the screen for the evidence.
  const headRows = Math.min(head.length, Math.max(2, Math.floor((p.height - 2) / 2)));
  const paneH = Math.max(1, p.height - headRows - 2);
  const focus = (evLines[ev] ?? 1) + shift;

  const cut = head.length > headRows;
  useKeys(
    (input, key) => {
      if (input === 'm' && (cut || full)) {
        setFull(!full);
        setTop(0);
      } else if (full) {
        const n = navKey(input, key, top, Math.max(1, head.length - (p.height - 2) + 1), p.height - 2);
        if (n !== null) setTop(n);
      } else if (input === 'n' && evLines.length) {
        setEv((ev + 1) % evLines.length);
        setShift(0);
      } else if (input === 'N' && evLines.length) {
        setEv((ev - 1 + evLines.length) % evLines.length);
        setShift(0);
      } else if (key.rightArrow || input === 'l') setOffset(offset + 8);
      else if (key.leftArrow || input === 'h') setOffset(Math.max(0, offset - 8));
      else if (key.downArrow || input === 'j') setShift(shift + 1);
      else if (key.upArrow || input === 'k') setShift(shift - 1);
      else if (key.pageDown) setShift(shift + paneH);
      else if (key.pageUp) setShift(shift - paneH);
      else if (/^[1-9]$/.test(input)) {
        const t = (f.threads ?? [])[Number(input) - 1];
        if (t) p.nav.push({ kind: 'thread', addr: t });
      } else if (key.return && f.threads?.[0]) p.nav.push({ kind: 'thread', addr: f.threads[0] });
    },
    p.active,
  );

  const title = <Text bold color={SEVERITY_COLOR[f.severity]} wrap="truncate">{clip(neutralize(f.title), p.width)}</Text>;
  if (full) {
    return (
      <Box flexDirection="column" height={p.height}>
        {title}
        {head.slice(top, top + p.height - 2).map((l, i) => (
          <Text key={top + i} wrap="truncate">{l || ' '}</Text>
        ))}
        <Box flexGrow={1} />
        <Text dimColor wrap="truncate">{clip('m: back to the evidence   j/k scroll', p.width)}</Text>
      </Box>
    );
  }
  const shown = cut ? [...head.slice(0, headRows - 1), clip(`… ${head.length - headRows + 1} more lines: m shows the whole text`, p.width)] : head;
  return (
    <Box flexDirection="column" height={p.height}>
      {title}
      {shown.map((l, i) => (
        <Text key={i} wrap="truncate" dimColor={cut && i === shown.length - 1}>{l || ' '}</Text>
      ))}
      <Text bold wrap="truncate">
        {clip(
          evLines.length
            ? `Evidence ${ev + 1}/${evLines.length}: line ${evLines[ev]}   (n/N next/prev, j/k scroll, h/l sideways${offset ? `, at column ${offset + 1}` : ''})`
            : 'Evidence: none cited',
          p.width,
        )}
      </Text>
      <SourcePane lines={p.lines} focus={Math.max(1, focus)} marked={marked} width={p.width} height={paneH} offset={offset} />
    </Box>
  );
}
