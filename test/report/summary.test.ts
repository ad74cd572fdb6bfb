// The summary's wording of the facts every view leads with: why there is nothing to judge, the
// panic line, the ::status essentials, and the internal-error count.
import { asAddr } from '../model/loose.ts';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analysis.ts';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { internalErrors, nothingToJudge, panicLine, statusEssentials } from '../../src/report/summary.ts';
import { internalErrorCount } from '../../src/analysis.ts';

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
