// `::cpuinfo -v` from the shell reads back to the same snapshot: a run queue the input did not show
// stays "not shown" (null) through render -> parse, so no finding changes severity on the way.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { renderCpuinfo } from '../../src/render/cpuinfo.ts';
import { runMdbCommand } from '../../src/shell/commands.ts';
import { renderersFor } from '../../src/shell/renderers.ts';

const SEED = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8').split('\n');
// Seed lines 51-75 (1-based) are its `::cpuinfo -v` section.
const swap = (section: string[]) => [...SEED.slice(0, 50), ...section, ...SEED.slice(75)].join('\n');
const verdict = (x: ReturnType<typeof analyzeText>) => x.findings.map((f) => `${f.rule}:${f.severity}`).sort();

describe('::cpuinfo -v over a plain ::cpuinfo', () => {
  const seedV = analyzeText(SEED.join('\n'));
  const plainText = renderCpuinfo(seedV.snapshot.cpus, { verbose: false }).trimEnd().split('\n');
  const plain = analyzeText(swap(['> ::cpuinfo', ...plainText]));
  const shellV = runMdbCommand(plain, '::cpuinfo -v', renderersFor());
  const back = analyzeText(swap(['> ::cpuinfo -v', ...shellV.lines]));

  it('the plain section shows no queue: runq null with NRUN 5 and 4', () => {
    expect(plain.snapshot.cpus.map((c) => [c.nrun, c.runq])).toEqual([[5, null], [4, null]]);
  });

  it('the shell prints no run-queue block, and the read-back keeps the queues not shown', () => {
    expect(shellV.error).toBeUndefined();
    expect(shellV.lines.some((l) => l.includes('PRI THREAD'))).toBe(false);
    expect(back.accounting.unrecognized).toBe(0);
    expect(back.snapshot.cpus.map((c) => [c.nrun, c.runq])).toEqual([[5, null], [4, null]]);
  });

  it('no finding changes severity through the round trip', () => {
    expect(verdict(back)).toEqual(verdict(plain));
  });

  it('a CPU with NRUN 0 and no block reads back as an empty queue ([]), not unknown', () => {
    const idle = ['> ::cpuinfo -v', ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC',
      '  0 fffffffffbc3e000  1b    0    0  -1   no    no t-40   fffffe000fe05c20 (idle)', '                       |    ',
      '            RUNNING <--+    ', '              READY         ', ''].join('\n');
    expect(analyzeText(idle).snapshot.cpus.map((c) => c.runq)).toEqual([[]]);
  });
});
