// The summary's wording of the facts every view leads with: why there is nothing to judge, the
// panic line, the ::status essentials, and the internal-error count.
import { asAddr } from '../model/loose.ts';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analysis.ts';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { internalErrors, noFindingsLine, nothingToJudge, panicLine, statusEssentials, unreadOutput } from '../../src/report/summary.ts';
import { analyzeText } from '../../src/analyze.ts';
import { readFileSync } from 'node:fs';
import { internalErrorCount, verdictOf } from '../../src/analysis.ts';
import { EXIT_NOTHING_TO_JUDGE, exitCodeFor } from '../../src/rules/policy.ts';
import { rateQuality } from '../../src/triage/quality.ts';
import { hasDispatcherState } from '../../src/model/coverage.ts';
import { computeSignature } from '../../src/triage/signature.ts';

function analysis(over: Partial<Analysis>): Analysis {
  return {
    source: 't', lines: [], accounting: { lines: 0, parsed: 0, prose: 0, unrecognized: 0 }, sections: [], records: [],
    snapshot: emptySnapshot(), findings: [], notes: [], diagnostics: [], ...over,
  };
}

describe('nothingToJudge', () => {
  it('null once any line was read', () => {
    expect(nothingToJudge(analysis({ accounting: { lines: 5, parsed: 1, prose: 3, unrecognized: 1 } }))).toBeNull();
  });
  it('no mdb output at all', () => {
    expect(nothingToJudge(analysis({ accounting: { lines: 5, parsed: 0, prose: 5, unrecognized: 0 } }))).toBe('Nothing to judge: no mdb output recognized in the input.');
  });
  it('lines that look like mdb output but were not read: how many, and the first reason', () => {
    const a = analysis({
      accounting: { lines: 9, parsed: 0, prose: 2, unrecognized: 7 },
      diagnostics: [{ line: 3, col: 5, message: 'unexpected "zz"' }, { line: 4, col: 1, message: 'later' }],
    });
    expect(nothingToJudge(a)).toBe('Nothing to judge: 7 lines look like mdb output but could not be read: line 3: unexpected "zz"');
    const one = analysis({ accounting: { lines: 1, parsed: 0, prose: 0, unrecognized: 1 }, sections: [{ command: null, parsedCommand: null, kind: 'cpuinfo', startLine: 1, endLine: 1, status: 'partial' }] });
    expect(nothingToJudge(one)).toBe('Nothing to judge: 1 line looks like mdb output but could not be read: 1 section(s) of cpuinfo 1');
  });
});

describe('unreadOutput: lines a grammar refused, which "no findings" does not cover', () => {
  const section = (kind: 'cpuinfo' | 'unknown', command: string | null, startLine: number, endLine: number, elided?: number[]) =>
    ({ command, parsedCommand: null, kind, startLine, endLine, status: kind === 'unknown' ? ('unknown' as const) : ('partial' as const), ...(elided ? { elided } : {}) });
  it('counts the refused lines of sections with a grammar, and names the first', () => {
    const a = analysis({
      sections: [section('unknown', '::kmastat', 1, 4), section('cpuinfo', '::cpuinfo -v', 5, 9, [8])],
      // Line 2 is ::kmastat's (no grammar reads it), 8 a writer's cut mark, 9 an internal error: none counts.
      diagnostics: [
        { line: 2, col: 1, message: 'no grammar reads output of "::kmastat"' },
        { line: 6, col: 4, message: 'unexpected "zz"' },
        { line: 7, col: 1, message: 'unexpected "yy"' },
        { line: 8, col: 1, message: 'the writer cut output out here' },
        { line: 9, col: 1, message: 'internal error', kind: 'internal' },
      ],
    });
    expect(unreadOutput(a)).toBe('2 lines of `::cpuinfo -v` (from line 6) could not be read, so what they show was not judged');
  });
  it('null when every refused line is outside a grammar\'s section', () => {
    const a = analysis({ sections: [section('unknown', '::kmastat', 1, 4)], diagnostics: [{ line: 2, col: 1, message: 'x' }] });
    expect(unreadOutput(a)).toBeNull();
  });
  it('the seed with its ::cpuinfo addresses in capitals: no CPU read, and no finding does not read as clean', () => {
    // Before: "Findings: none", exit 0, the TUI header "clean", triage "healthy" with "no ::cpuinfo".
    // (This used the seed as a table copy, runs of spaces turned into tabs, until that form was
    // read: test/ingest/paste-forms.test.ts. mdb prints hex in lower case, and no grammar reads
    // capitals, so these rows stay unread.)
    const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
    const lines = seed.split('\n');
    const cpuinfo = (l: string, i: number) => (i >= 51 && i <= 74 ? l.replace(/[0-9a-f]{16}/g, (h) => h.toUpperCase()) : l);
    const a = analyzeText(lines.map(cpuinfo).join('\n'));
    expect(a.snapshot.cpus).toEqual([]);
    // What was read is dispatcher state (the print and /D of ts_timeleft), so only the CPUs say it was not judged.
    expect(hasDispatcherState(a.snapshot)).toBe(true);
    expect(noFindingsLine(a)).toBe('Findings: none; no CPU could be read from the ::cpuinfo output at line 51, so the CPUs and their run queues were not judged');
    expect(exitCodeFor(verdictOf(a), 'high')).toBe(EXIT_NOTHING_TO_JUDGE);
    expect(rateQuality(a)).toMatchObject({ rating: 'fragment', reasons: ['no CPU could be read from the ::cpuinfo output at line 51'] });
    expect(computeSignature(a).kind).toBe('fragment');
    // The same input with one queue row unreadable reads the CPUs: the lines are counted instead.
    const one = analyzeText(seed.replace('99 ffffff00076fbc40 sched', '99 ffffff00076fbc40 sched\t(x)'));
    expect(one.snapshot.cpus.length).toBe(2);
  });
  it('a report with findings none and one line a grammar refused says so, and is still judged', () => {
    const seed = readFileSync(new URL('../../fixtures/handwritten/stacks/stacks-a.txt', import.meta.url), 'utf8');
    const a = analyzeText(seed);
    expect(noFindingsLine(a)).toBe('Findings: none; 1 line of stacks output (from line 20) could not be read, so what it shows was not judged');
    expect(exitCodeFor(verdictOf(a), 'high')).toBe(0);
  });
});

describe('panicLine and statusEssentials', () => {
  it('the panic with its CPU and thread; the ::status message when there is no panic record', () => {
    const s = emptySnapshot();
    s.panic = { message: 'deadman timer timeout', cpu: 3, thread: asAddr('ffffff0007ac5c40'), lines: {} };
    expect(panicLine(analysis({ snapshot: s }))).toBe('cpu 3, thread ffffff0007ac5c40: deadman timer timeout');
    const t = emptySnapshot();
    t.system = { fields: { 'panic message': 'BAD TRAP: type=e', host: 'h1', 'image uuid': '(not set)', 'dump content': 'kernel pages only' }, lines: {} };
    expect(panicLine(analysis({ snapshot: t }))).toBe('BAD TRAP: type=e');
    expect(statusEssentials(analysis({ snapshot: t }))).toEqual(['host: h1', 'dump content: kernel pages only']);
    expect(panicLine(analysis({}))).toBeNull();
    expect(statusEssentials(analysis({}))).toEqual([]);
  });
});

describe('internal errors', () => {
  it('counts diagnostics and rule notes of kind internal, and nothing else', () => {
    const a = analysis({
      diagnostics: [{ line: 2, col: 1, message: 'unexpected' }, { line: 7, col: 1, message: 'internal error reading: x', kind: 'internal', stack: 's' }],
      notes: [{ rule: 'hz', message: 'hz assumed' }, { rule: 'runq-starvation', message: 'internal error, rule skipped: y', kind: 'internal', stack: 's' }],
    });
    expect(internalErrorCount(a)).toBe(2);
    expect(internalErrors(a)).toEqual([
      { where: 'line 7:1', message: 'internal error reading: x' },
      { where: 'rule runq-starvation', message: 'internal error, rule skipped: y' },
    ]);
  });
});
