// A report with mdb output but no dispatcher state (registers, a lone ::findstack, playfair's own
// JSON report of a dump) was triaged as "healthy" and printed "Findings: none" as if it had been
// judged. It is now its own signature kind, `fragment`, grouped as "no dispatcher state", and every
// report face says the dispatcher was not judged. Inputs are written here by hand.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { renderSarif } from '../../src/report/sarif.ts';
import { renderText } from '../../src/report/text.ts';
import { groupRecords } from '../../src/triage/group.ts';
import { triageRecord } from '../../src/triage/record.ts';
import { computeSignature, SIGNATURE_VERSION } from '../../src/triage/signature.ts';

const text = (...l: string[]) => l.join('\n') + '\n';

/** One thread's stack and nothing else: read (5 lines parsed), but no priority, state or CPU. */
const STACK_ONLY = text(
  '> ffffff0007e01c40::findstack -v',
  'stack pointer for thread ffffff0007e01c40: ffffff0007e01b50',
  '[ ffffff0007e01b50 _resume_from_idle+0x112() ]',
  '  ffffff0007e01b80 swtch+0x141()',
  '  ffffff0007e01bc0 cv_wait+0x7f(ffffff01d6fd5b60, ffffff01d6fd5ac0)',
);

/** Two CPUs, both running, nothing queued: dispatcher state with nothing wrong in it. */
const QUIET_CPUS = text(
  '> ::cpuinfo',
  ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC',
  '  0 fffffffffbc3e000  1b    0    0  60   no    no t-2    fffffe000f0d5c20 sched',
  '  1 fffffe1d0e2ce000  1b    0    0  59   no    no t-1    fffffe1d0f3a8c20 java',
);

/** The first lines of `analyze --format json` of a dump: what a folder of exported reports holds. */
const OWN_JSON = text('{', '  "version": 1,', '  "source": "vmcore.2.txt",', '  "accounting": {', '    "lines": 275,', '    "parsed": 43,', '  }', '}');

describe('no dispatcher state is not healthy', () => {
  it('a lone ::findstack is a fragment: read, but nothing about the dispatcher in it', () => {
    const a = analyzeText(STACK_ONLY);
    expect(a.accounting).toEqual({ lines: 5, parsed: 5, prose: 0, unrecognized: 0 });
    expect(a.findings).toEqual([]);
    const s = computeSignature(a);
    expect(SIGNATURE_VERSION).toBe(4);
    expect([s.kind, s.rule, s.key]).toEqual(['fragment', 'fragment', 'v4|fragment']);
  });

  it('::cpuinfo with nothing wrong in it is healthy', () => {
    const a = analyzeText(QUIET_CPUS);
    expect(a.snapshot.cpus).toHaveLength(2);
    expect(a.findings).toEqual([]);
    expect(computeSignature(a).key).toBe('v4|healthy');
  });

  it("playfair's own JSON report is a fragment (its braces read as ::print's), never healthy", () => {
    const a = analyzeText(OWN_JSON);
    expect(a.accounting).toEqual({ lines: 8, parsed: 2, prose: 0, unrecognized: 6 });
    expect(computeSignature(a).kind).toBe('fragment');
  });

  it('text with no mdb output in it stays "nothing to judge" (empty), not a fragment', () => {
    expect(computeSignature(analyzeText(text('The machine hung twice today.'))).kind).toBe('empty');
  });

  it('triage groups fragments apart from healthy reports, labelled for what they are', () => {
    const records = [triageRecord('stack.txt', analyzeText(STACK_ONLY)), triageRecord('cpus.txt', analyzeText(QUIET_CPUS))];
    expect(records.map((r) => [r.file, r.signature.kind, r.quality.rating])).toEqual([
      ['stack.txt', 'fragment', 'fragment'],
      ['cpus.txt', 'healthy', 'partial'],
    ]);
    const groups = groupRecords(records).map((g) => [g.kind, g.label, g.files]);
    expect(groups).toContainEqual(['fragment', 'not judged', ['stack.txt']]);
    expect(groups).toContainEqual(['healthy', 'healthy', ['cpus.txt']]);
  });

  it('the reports say the dispatcher was not judged, and only when it was not', () => {
    const t = renderText(analyzeText(STACK_ONLY), { width: 200 });
    expect(t).toContain('Findings: none; no dispatcher state (no ::cpuinfo, thread priorities or tunables) in the input, so the dispatcher was not judged');
    const m = renderMarkdown(analyzeText(STACK_ONLY));
    expect(m).toContain('No findings; no dispatcher state');
    expect(m).toContain('so the dispatcher was not judged.');

    const quiet = analyzeText(QUIET_CPUS);
    expect(quiet.findings).toEqual([]);
    expect(renderText(quiet, { width: 200 })).toMatch(/^Findings: none$/m);
    expect(renderText(quiet, { width: 200 })).not.toContain('not judged');
    expect(renderMarkdown(quiet)).toContain('No findings.');
  });

  it('SARIF, whose empty results read as clean, says first that nothing was judged', () => {
    type Doc = { runs: { invocations: { toolExecutionNotifications?: { level: string; message: { text: string } }[] }[] }[] };
    const first = (t: string) => (renderSarif(analyzeText(t)) as Doc).runs[0]!.invocations[0]!.toolExecutionNotifications?.[0];
    expect(first(STACK_ONLY)).toEqual({
      level: 'warning',
      message: { text: 'No dispatcher state (no ::cpuinfo, thread priorities or tunables) in the input, so the dispatcher was not judged' },
    });
    expect(first(text('The machine hung twice today.'))).toEqual({ level: 'warning', message: { text: 'Nothing to judge: no mdb output recognized in the input.' } });
    // ::cpuinfo alone gives rule notes (no stacks, no kpreemptpri), but no warning of this kind.
    expect(first(QUIET_CPUS)?.level).toBe('note');
  });
});
