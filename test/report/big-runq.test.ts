// A run queue of 200,000 threads in every output format: no spread over a data-sized array (which
// overflows the stack near 10^5 arguments), every entry written, JSON and SARIF still parse, and
// the stream is written in bounded chunks. The Analysis is built by hand so the test is of the
// writers alone: one CPU whose queue holds every thread, and one finding citing every queue line.
import { asAddr } from '../model/loose.ts';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analysis.ts';
import { blankThread, emptySnapshot, type Cpu } from '../../src/model/snapshot.ts';
import type { Finding } from '../../src/rules/types.ts';
import { textReport } from '../../src/report/text.ts';
import { markdownReport } from '../../src/report/markdown.ts';
import { jsonReport } from '../../src/report/json.ts';
import { sarifReport } from '../../src/report/sarif.ts';
import { pump, type Sink } from '../../src/report/sink.ts';

const N = 200_000;
const FIRST_QUEUE_LINE = 4;
const addr = (i: number) => asAddr((0xffffff0007000000 + i * 0x40).toString(16));

function bigAnalysis(): Analysis {
  const lines = ['> ::cpuinfo -v', ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC', '  1 ffffff01d3e32580  1f 200000  0   0  yes    no t-6620600 ffffff01d5a600c0 qemu'];
  const s = emptySnapshot();
  const runq: NonNullable<Cpu['runq']> = [];
  for (let i = 0; i < N; i++) {
    lines.push(`                   |    ${99 - (i % 40)} ${addr(i)} sched`);
    runq.push({ pri: 99 - (i % 40), thread: addr(i), proc: 'sched', line: FIRST_QUEUE_LINE + i });
    s.threads.push({ ...blankThread(addr(i)), proc: 'sched', pri: 99 - (i % 40), state: 'run', queuedOn: 1 });
  }
  s.cpus.push({
    id: 1, addr: asAddr('ffffff01d3e32580'), flags: 0x1f, flagNames: ['RUNNING'], nrun: N, bspl: 0, pri: 0, runrun: true, kprunrun: false,
    switchTicks: 6620600, thread: asAddr('ffffff01d5a600c0'), proc: 'qemu', pil: [], pinned: null, runq, lines: { id: 3 },
  });
  const evidence = runq.map((q) => ({ line: q.line, text: lines[q.line - 1]! }));
  const finding: Finding = {
    rule: 'runq-starvation', severity: 'critical', confidence: 'certain', cpu: 1,
    title: `CPU 1: ${N} runnable threads starved`, message: 'every queued thread waits.',
    evidence: evidence.reverse(), threads: runq.map((q) => q.thread), fix: 'none', confirm: ['::cpuinfo -v'], references: [],
  };
  return {
    source: 'big.txt', lines, accounting: { lines: lines.length, parsed: lines.length, prose: 0, unrecognized: 0 },
    sections: [{ command: '::cpuinfo -v', parsedCommand: null, kind: 'cpuinfo', startLine: 1, endLine: lines.length, status: 'ok' }],
    records: [], snapshot: s, findings: [finding], notes: [], diagnostics: [],
  };
}

/** Writes the pieces through pump and keeps the output and the largest chunk handed over. */
async function written(pieces: Iterable<string>): Promise<{ text: string; largest: number; chunks: number }> {
  const parts: string[] = [];
  let largest = 0;
  const sink: Sink = {
    write: (s) => {
      parts.push(s);
      largest = Math.max(largest, s.length);
      return true;
    },
  };
  await pump(pieces, sink);
  return { text: parts.join(''), largest, chunks: parts.length };
}

describe(`a run queue of ${N} threads`, () => {
  const a = bigAnalysis();
  const lastLine = FIRST_QUEUE_LINE + N - 1;

  it('text: every evidence line in file order, in bounded chunks', async () => {
    const { text, largest, chunks } = await written(textReport(a, { width: 100 }));
    const ev = text.split('\n').filter((l) => /^ +\d+ \| /.test(l));
    expect(ev).toHaveLength(N);
    expect(ev[0]).toBe(`        4 | ${a.lines[3]}`);
    expect(ev[N - 1]).toBe(`   ${String(lastLine)} | ${a.lines[lastLine - 1]}`);
    expect(chunks).toBeGreaterThan(100);
    // A chunk closes at the first piece past 64 KiB; no piece here is longer than a wrapped line.
    expect(largest).toBeLessThan(65536 + 200);
  }, 60_000);

  it('Markdown: one fenced block with every evidence line, the line numbers padded to the widest', async () => {
    const { text, largest } = await written(markdownReport(a));
    const ev = text.split('\n').filter((l) => /^ *\d+: /.test(l) && l.endsWith(' sched'));
    expect(ev).toHaveLength(N);
    expect(ev[0]).toBe(`     4: ${a.lines[3]}`);
    expect(ev[N - 1]).toBe(`${lastLine}: ${a.lines[lastLine - 1]}`);
    expect(largest).toBeLessThan(65536 + 200);
  }, 60_000);

  it('JSON: parses, with the whole queue, every thread and every piece of evidence', async () => {
    const { text, largest } = await written(jsonReport(a));
    const j = JSON.parse(text);
    expect(j.snapshot.cpus[0].runq).toHaveLength(N);
    expect(j.snapshot.cpus[0].runq[N - 1]).toEqual({ pri: 99 - ((N - 1) % 40), thread: addr(N - 1), proc: 'sched', line: lastLine });
    expect(j.snapshot.threads).toHaveLength(N);
    expect(j.findings[0].evidence).toHaveLength(N);
    expect(j.findings[0].threads).toHaveLength(N);
    expect(j.internalErrors).toBe(0);
    expect(largest).toBeLessThan(65536 + 2000);
  }, 60_000);

  it('SARIF: parses; the first evidence line is the location, the other 199,999 related locations', async () => {
    const { text } = await written(sarifReport(a));
    const s = JSON.parse(text);
    const r = s.runs[0].results[0];
    expect(r.locations[0].physicalLocation.region.startLine).toBe(lastLine); // the finding's first evidence
    expect(r.relatedLocations).toHaveLength(N - 1);
    expect(r.relatedLocations[N - 2].id).toBe(N - 1);
    expect(r.relatedLocations[N - 2].physicalLocation.region.startLine).toBe(FIRST_QUEUE_LINE);
    expect(r.properties.threads).toHaveLength(N);
  }, 60_000);
});
