// One screen: every CPU as a row (pri, RNRN/KRNRN, SWITCH as time, run-queue depth and the
// highest waiting pri, CPUs the findings call starved marked), then tunables, panic, and the top
// findings.
import React from 'react';
import { Box, Text } from 'ink';
import type { Analysis } from '../analysis.ts';
import type { Cpu } from '../model/snapshot.ts';
import { useKeys } from './keys.ts';
import { neutralize } from '../report/sanitize.ts';
import { noFindingsLine } from '../report/summary.ts';
import { clip, maxWaitingPri, padL, padR, queueDepth, SEVERITY_COLOR, SEVERITY_TAG } from './format.ts';
import { shortTicks, sortedFindings } from '../rules/policy.ts';
import { hzOf, starvedCpus } from './policy.ts';
import { navKey } from './list-nav.ts';
import { ScrollList } from './ScrollList.tsx';
import type { Nav } from './view-state.ts';

export interface SummaryProps {
  analysis: Analysis;
  width: number;
  height: number;
  active: boolean;
  nav: Nav;
  cursor: number;
  setCursor(n: number): void;
}

const yn = (b: boolean | null): string => (b === null ? '-' : b ? 'yes' : 'no');

/** Column layout; wide terminals get the flag names and per-CPU finding counts too. The NRUN
 * column grows to the longest queue depth, so no count is ever cut. */
export function cpuHeader(width: number, nrunW = 4): string {
  const base = `   CPU PRI RNRN KRNRN   SWITCH ${padL('NRUN', nrunW)} WAITPRI THREAD           PROC`;
  return width >= 120 ? padR(base, 80 + nrunW) + ' FINDINGS FLAGS' : base;
}

/** Width of the NRUN column: 4, or the longest depth shown (a loop: there can be many CPUs). */
export function nrunWidth(cpus: readonly Cpu[]): number {
  let w = 4;
  for (const c of cpus) {
    const d = queueDepth(c);
    if (d !== null) w = Math.max(w, String(d).length);
  }
  return w;
}

/** One CPU's row; `starved` comes from the findings (policy.ts starvedCpus), never from here. */
export function cpuRow(cpu: Cpu, hz: number, width: number, findingCount: number, starved: boolean, nrunW = 4): string {
  const sw = cpu.switchTicks === null ? '-' : shortTicks(cpu.switchTicks, hz);
  const depth = queueDepth(cpu);
  const wait = maxWaitingPri(cpu);
  const thread = cpu.thread ?? '-';
  const proc = neutralize(cpu.proc ?? '-');
  let s =
    (starved ? '!! ' : '   ') +
    padL(String(cpu.id), 3) + ' ' +
    padL(cpu.pri === null ? '-' : String(cpu.pri), 3) + ' ' +
    padR(yn(cpu.runrun), 4) + ' ' +
    padR(yn(cpu.kprunrun), 5) + ' ' +
    padL(sw, 8) + ' ' +
    padL(depth === null ? '-' : String(depth), nrunW) + ' ' +
    padL(wait === null ? '-' : String(wait), 7) + ' ' +
    padR(thread, 16) + ' ' +
    proc;
  if (width >= 120) s = padR(s, 80 + nrunW) + ' ' + padL(findingCount ? String(findingCount) : '', 8) + ' ' + cpu.flagNames.join(',');
  return clip(s, width);
}

export function SummaryView(p: SummaryProps): React.ReactElement {
  const { analysis, width, height } = p;
  const snap = analysis.snapshot;
  const { hz, assumed } = hzOf(analysis);
  const cpus = snap.cpus;
  const sorted = sortedFindings(analysis.findings);
  const perCpu = new Map<number, number>();
  for (const f of analysis.findings) if (f.cpu !== undefined) perCpu.set(f.cpu, (perCpu.get(f.cpu) ?? 0) + 1);
  const starved = starvedCpus(analysis.findings);
  const starvedCount = cpus.filter((c) => starved.has(c.id)).length;
  const nrunW = nrunWidth(cpus);

  // Lines under the table: tunables, panic, legend, then as many findings as fit.
  const tun = ['kpreemptpri', 'maxclsyspri', 'kpqpri'].filter((k) => snap.tunables[k] !== undefined).map((k) => `${k} ${snap.tunables[k]}`);
  const info: string[] = [];
  info.push(`Tunables: ${tun.length ? tun.join('  ') : 'none shown'}   hz ${hz}${assumed ? ' (assumed; dump shows none)' : ''}`);
  if (snap.panic) info.push(`Panic: ${neutralize(snap.panic.message ?? '(no message)')}${snap.panic.cpu !== null ? ` on cpu ${snap.panic.cpu}` : ''}`);
  const others = snap.otherDumps ?? [];
  if (others.length > 0) info.push(`!! not judged: ${neutralize(others.map((o) => `${o.name} (line ${o.line})`).join(', '))}: findings are for the first dump alone`);
  if (starvedCount) info.push(`!! a starvation finding, or one high or worse, names the CPU (${starvedCount} CPU${starvedCount > 1 ? 's' : ''})`);
  const fixedBelow = info.length + 2; // blank + "Findings" heading
  const tableMax = Math.max(2, height - fixedBelow - Math.min(3, sorted.length || 1));
  const tableRows = Math.min(Math.max(1, cpus.length), tableMax - 1);
  const findingRows = Math.max(0, height - (tableRows + 1) - fixedBelow);

  useKeys(
    (input, key) => {
      const n = navKey(input, key, p.cursor, cpus.length, tableRows);
      if (n !== null) p.setCursor(n);
      else if (key.return && cpus[p.cursor]) p.nav.push({ kind: 'cpu', id: cpus[p.cursor]!.id });
    },
    p.active,
  );

  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate">{clip(cpuHeader(width, nrunW), width)}</Text>
      <ScrollList
        count={cpus.length}
        cursor={p.cursor}
        height={tableRows}
        width={width}
        row={(i) => cpuRow(cpus[i]!, hz, width, perCpu.get(cpus[i]!.id) ?? 0, starved.has(cpus[i]!.id), nrunW)}
        color={(i) => (starved.has(cpus[i]!.id) ? 'red' : undefined)}
        empty="No CPUs in this input (it has no ::cpuinfo)."
      />
      {info.map((l, i) => (
        <Text key={`i${i}`} wrap="truncate" dimColor={i === 0 && tun.length === 0}>{clip(l, width)}</Text>
      ))}
      <Text> </Text>
      <Text bold wrap="truncate">{clip(sorted.length ? `Findings (${sorted.length}) — f to list, Enter on a CPU for its queue` : noFindingsLine(analysis), width)}</Text>
      {sorted.slice(0, findingRows).map((f, i) => (
        <Text key={`f${i}`} wrap="truncate">
          <Text color={SEVERITY_COLOR[f.severity]}>{SEVERITY_TAG[f.severity]}</Text>
          {clip(` ${f.cpu !== undefined ? `cpu${f.cpu} ` : ''}${neutralize(f.title)}`, width - 4)}
        </Text>
      ))}
    </Box>
  );
}
