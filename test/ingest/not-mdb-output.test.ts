// Output of other illumos tools that dispatcher bug reports paste beside mdb output
// (fixtures/handwritten/not-mdb: pstack, prstat, mpstat, lockstat, DTrace, kstat, psrinfo,
// intrstat, truss, vmstat, a diff and a C excerpt, laid out from their source; and Linux kernel
// text, which a triage batch meets beside illumos reports) must make no
// thread, CPU, tunable or finding, alone or after the seed, and must not change the seed's verdict.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { internalErrorCount, type Analysis } from '../../src/analysis.ts';
import { LINUX_KERNEL_TEXT } from '../../src/ingest/linux.ts';
import { nothingToJudge } from '../../src/report/summary.ts';
import { rateQuality } from '../../src/triage/quality.ts';

const DIR = new URL('../../fixtures/handwritten/not-mdb/', import.meta.url);
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
const summary = (a: Analysis) => ({
  findings: a.findings.map((f) => [f.rule, f.severity, f.title]),
  threads: a.snapshot.threads.map((t) => [t.addr, t.pri, t.state, t.stack?.length ?? null]),
  cpus: a.snapshot.cpus.map((c) => [c.id, c.addr, c.runq?.length ?? null]),
  tunables: a.snapshot.tunables,
});

describe('output of tools other than mdb', () => {
  it('has its fixtures (15 files)', () => {
    expect(FILES).toHaveLength(15);
  });

  it('Linux kernel text is said to be Linux\'s: every unread line, and the report\'s first line', () => {
    const a = analyzeText(readFileSync(new URL('linux-hung-task.txt', DIR), 'utf8'));
    // The sysrq-t task (lines 4-15 with the sched_debug lines that follow it) and the hung task's trace (28-33).
    expect(a.diagnostics.map((d) => d.line)).toEqual([4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 28, 29, 30, 31, 32, 33]);
    expect(new Set(a.diagnostics.map((d) => d.message))).toEqual(new Set([LINUX_KERNEL_TEXT]));
    // Before: "28 lines look like mdb output but could not be read: no grammar reads output of this shape".
    expect(nothingToJudge(a)).toBe('Nothing to judge: the input is Linux kernel text (17 lines from line 4), not illumos mdb output.');
    // Beside mdb output that was read, the Linux lines are said, and the verdict is the mdb output's.
    const both = analyzeText(seed + '\n' + readFileSync(new URL('linux-hung-task.txt', DIR), 'utf8'));
    const seedOnly = analyzeText(seed);
    expect(nothingToJudge(both)).toBeNull();
    expect(both.diagnostics.every((d) => d.message === LINUX_KERNEL_TEXT)).toBe(true);
    // Triage says it too: alone a fragment that holds Linux text, beside the seed a report as good as the seed's.
    expect(rateQuality(a)).toMatchObject({ rating: 'fragment', reasons: [expect.stringContaining('no dispatcher state'), '17 lines of Linux kernel text, not illumos mdb output'] });
    const q = rateQuality(both);
    expect(q.rating).toBe(rateQuality(seedOnly).rating);
    expect(q.reasons).toEqual([...rateQuality(seedOnly).reasons, '17 lines of Linux kernel text, not illumos mdb output']);
  });

  it("C a person quoted (a function, a diff of disp.c) is prose: its '{' lines used to open ::print sections that failed line by line", () => {
    for (const f of ['c-excerpt-dispatcher.txt', 'diff-disp-kpreemptpri.txt']) {
      const a = analyzeText(readFileSync(new URL(f, DIR), 'utf8'));
      expect([f, a.sections.length, a.accounting.prose, a.accounting.lines]).toEqual([f, 0, a.accounting.lines, a.accounting.lines]);
    }
    // ::print output keeps its shape: a '{' then members, pasted without the command.
    const p = analyzeText('{\n    ts_timeleft = 0xff9b0253\n    ts_dispwait = 0x2\n}\n');
    expect([p.sections.map((s) => s.kind), p.accounting.parsed]).toEqual([['print'], 4]);
  });

  describe.each(FILES)('%s', (file) => {
    const text = readFileSync(new URL(file, DIR), 'utf8');

    it('alone: no thread, CPU, tunable or finding, and no internal error', () => {
      const a = analyzeText(text);
      expect(summary(a)).toEqual({ findings: [], threads: [], cpus: [], tunables: {} });
      expect(internalErrorCount(a)).toBe(0);
      expect(a.accounting.lines).toBe(a.accounting.parsed + a.accounting.prose + a.accounting.unrecognized);
    });

    it("after the seed: the seed's verdict and dispatcher state, unchanged", () => {
      expect(summary(analyzeText(seed + '\n' + text))).toEqual(summary(analyzeText(seed)));
    });
  });
});
