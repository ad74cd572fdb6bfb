// Issue 14's TUI features through the whole App: `/` filters threads and findings, links from a
// thread to the findings that name it and back, the Markdown report saved to a file, the help at
// 80 columns with nothing cut, a cue on long lists, evidence scrolled sideways.
import { asAddr } from '../model/loose.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import React from 'react';
import { cleanup, render } from 'ink-testing-library';
import { App } from '../../src/tui/App.tsx';
import type { Analysis } from '../../src/analysis.ts';
import { blankThread } from '../../src/model/snapshot.ts';
import { HELP, helpLines } from '../../src/tui/HelpView.tsx';
import { realServices } from '../../src/tui/wiring.ts';
import { backgroundAnalyzer } from '../../src/tui/analyzer.ts';
import { fakeServices, plain, renderSized, waitFor } from './harness.tsx';
import { seedAnalysis } from '../seed.ts';

afterEach(() => cleanup());

function open(a: Analysis = seedAnalysis(), over = {}) {
  const { services, calls } = fakeServices(a, over);
  const r = render(<App services={services} initial={{ kind: 'analysis', analysis: a }} />);
  const frame = (): string => r.lastFrame() ?? '';
  const has = (s: string) => waitFor(frame, (f) => f.includes(s), JSON.stringify(s));
  const until = (pred: (f: string) => boolean, what: string) => waitFor(frame, pred, what);
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      r.stdin.write(k);
      await new Promise((res) => setTimeout(res, 2));
    }
  };
  return { r, calls, frame, has, until, press };
}

const threadRows = (f: string): string[] => f.split('\n').filter((l) => /^[0-9a-f]{16} /.test(l));

describe('/ filter', () => {
  test('threads by stack function, then by process; Enter keeps the filter, Esc on / clears it', async () => {
    const t = open();
    await t.press('t');
    await t.has('Threads: 12');
    await t.press('/', ...'squeue');
    let f = await t.has('Threads: 1 of 12 match /squeue');
    expect(threadRows(f).map((l) => l.slice(0, 16))).toEqual(['ffffff0007e1fc40']);
    await t.press('\r');
    await t.until((x) => !x.includes('/squeue█') && x.includes('Threads: 1 of 12'), 'the filter kept after Enter');
    await t.press('\r');
    await t.has('thread ffffff0007e1fc40'); // Enter opens the filtered row, not row 1 of the full list
    await t.press('\x1b', '/', '\x15', ...'QEMU'); // Ctrl-U empties the field; case does not matter
    f = await t.has('Threads: 3 of 12 match /QEMU'); // the running qemu thread and the two queued on cpu 1
    expect(threadRows(f).map((l) => l.slice(0, 16))).toEqual(['ffffff01d5a600c0', 'ffffff01cfa6d7c0', 'ffffff01e35b43c0']);
    await t.press('\x1b');
    f = await t.has('Threads: 12   (1/12)');
    expect(threadRows(f)).toHaveLength(12);
  });

  test('threads by address fragment; no match says so', async () => {
    const t = open();
    await t.press('t', '/', ...'e01c');
    const f = await t.has('Threads: 1 of 12 match /e01c');
    expect(threadRows(f)[0]).toMatch(/^ffffff0007e01c40/);
    await t.press(...'zz');
    await t.has('No thread matches /e01czz');
  });

  test('findings by text; Enter opens the right finding of the full list', async () => {
    const t = open();
    // Only the rule id matches: 'quantum' and 'ts_timeleft' are also in other findings' text.
    await t.press('f', '/', ...'ts-timeleft', '\r');
    const f = await t.has('/ts-timeleft: 1 of 4');
    expect(f.split('\n').filter((l) => /^(CRIT|HIGH|INFO)/.test(l)).map((l) => l.slice(0, 4))).toEqual(['HIGH']);
    await t.press('\r'); // the third of the full list (after the critical one and kpreempt-threshold)
    await t.has('Thread ffffff01d5a600c0 has stayed in the kernel 6618541 charged ticks');
    await t.has('Evidence 1/4: line 67'); // evidence in line order: 67, 68, 80, 82
  });

  test('findings by cpu', async () => {
    const t = open();
    // All four seed findings are on cpu 1; none on cpu 0.
    await t.press('f', '/', ...'cpu0');
    await t.has('No finding matches /cpu0');
    await t.press('\x15', ...'cpu1');
    const f = await t.has('/cpu1: 4 of 4');
    expect(f.split('\n').filter((l) => /^(CRIT|HIGH) cpu1/.test(l))).toHaveLength(4);
  });
});

describe('links between threads and findings', () => {
  test('a finding opens a thread it names; that thread lists the findings naming it and opens one', async () => {
    const t = open();
    await t.press('f', '\r', '1'); // the critical finding's first thread, the mac_soft_ring_worker
    let f = await t.has('thread ffffff0007e01c40');
    expect(f).toContain('Named by 2 findings (1-9 open one):');
    expect(f).toContain('[1] CRIT CPU 1: 2 bound pri-99 threads starved');
    expect(f).toContain('[2] HIGH kpreemptpri above maxclsyspri (inferred)');
    await t.press('2');
    // kpreempt-threshold's evidence: 67, 68, 71, 72 and 82 (the ts_timeleft that proves the kernel stay).
    f = await t.has('Evidence 1/5: line 67');
    expect(f).toContain('kpreemptpri above maxclsyspri (inferred)');
  });

  test('a thread no finding names says so', async () => {
    const t = open();
    await t.press('t', 'G', '\r'); // the last thread: a qemu thread queued on cpu 1 at pri 59
    await t.has('thread ffffff01e35b43c0');
    await t.has('Named by no finding.');
  });
});

describe('save the report as Markdown (e)', () => {
  test('offers a name from the input, saves through the services, says where; a failure is shown', async () => {
    let fail = false;
    const t = open(seedAnalysis(), {
      saveMarkdown: async (_a: Analysis, path: string) => {
        if (fail) throw new Error(`EEXIST: file already exists, open '${path}'`);
        return '3.1 KB';
      },
    });
    await t.press('e');
    await t.has('file: playfair-illumos-1532.md');
    await t.press('\r');
    await t.has('report saved to playfair-illumos-1532.md (3.1 KB)');
    expect(t.calls.saveMarkdown).toEqual(['playfair-illumos-1532.md']);
    await t.has('CPU PRI RNRN'); // back where it was
    fail = true;
    await t.press('e', '\x15', ...'x.md', '\r');
    await t.has('cannot save x.md: EEXIST');
    expect(t.calls.saveMarkdown).toEqual(['playfair-illumos-1532.md', 'x.md']);
  });

  test('the real service writes renderMarkdown\'s text and never overwrites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pf-save-'));
    const s = realServices(backgroundAnalyzer());
    try {
      const a = seedAnalysis();
      const path = join(dir, 'r.md');
      const size = await s.saveMarkdown!(a, path);
      const { renderMarkdown } = await import('../../src/report/markdown.ts');
      const text = readFileSync(path, 'utf8');
      expect(text).toBe(renderMarkdown(a));
      expect(size).toBe(Buffer.byteLength(text) >= 1024 ? `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB` : `${Buffer.byteLength(text)} bytes`);
      await expect(s.saveMarkdown!(a, path)).rejects.toThrow(/EEXIST/);
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('nothing cut without a way to see it', () => {
  test('help at 80 columns: every description in full, wrapped, and scrolling reaches the last key', async () => {
    const lines = helpLines(80);
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    expect(words(lines.join(' '))).toEqual(HELP.flatMap(([k, d]) => [...words(k), ...words(d)]));
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    const s = renderSized(<App services={fakeServices(seedAnalysis()).services} initial={{ kind: 'analysis', analysis: seedAnalysis() }} />, 80, 24);
    try {
      await waitFor(s.lastFrame, (f) => f.includes('CPU PRI'), 'summary');
      s.stdin.write('?');
      await waitFor(s.lastFrame, (f) => f.includes('more below  (j/k scroll)'), 'the scroll cue');
      s.stdin.write('G');
      const f = plain(await waitFor(s.lastFrame, (x) => x.includes('q               quit'), 'the last key'));
      expect(f).toContain('above');
    } finally {
      s.unmount();
    }
  });

  test('what-if at 80x24: every detail wrapped, j/k and G reach the last note', async () => {
    const s = renderSized(<App services={fakeServices(seedAnalysis()).services} initial={{ kind: 'analysis', analysis: seedAnalysis() }} />, 80, 24);
    try {
      await waitFor(s.lastFrame, (f) => f.includes('CPU PRI'), 'summary');
      s.stdin.write('w');
      await waitFor(s.lastFrame, (f) => f.includes('kpreemptpri ='), 'the panel');
      s.stdin.write('\r');
      let f = plain(await waitFor(s.lastFrame, (x) => x.includes('findings clear') && x.includes('(j/k scroll)'), 'the result and its scroll cue'));
      expect(f).toMatch(/^lines 1-16 of \d+  \(j\/k scroll\)$/m);
      for (const l of f.split('\n')) expect(l.length).toBeLessThanOrEqual(80);
      s.stdin.write('G');
      // The last note, wrapped: its end is on a hanging line of its own.
      f = plain(await waitFor(s.lastFrame, (x) => x.includes('(--patch live)'), 'the last note'));
      expect(f).toContain('pending for 5995 ticks (59.9s)');
      s.stdin.write('g');
      await waitFor(s.lastFrame, (x) => x.includes('lines 1-16 of'), 'back at the top');
    } finally {
      s.unmount();
    }
  });

  test('a list longer than the screen shows how much is above and below the cursor', async () => {
    const a = seedAnalysis();
    a.snapshot.threads = Array.from({ length: 100 }, (_, i) => ({ ...blankThread(asAddr(i.toString(16).padStart(16, '0'))), pri: 1 }));
    const t = open(a);
    await t.press('t');
    await t.has('↓ 81 below  (row 1 of 100)'); // 20 list lines: 19 rows and the cue
    await t.press('G');
    await t.has('↑ 81 above  (row 100 of 100)');
  });

  test('evidence lines scroll sideways (l, h) with a cue', async () => {
    const a = seedAnalysis();
    const long = 'x'.repeat(150) + 'THE-END';
    a.lines = [...a.lines];
    a.lines[66] = long; // line 67, the critical finding's first evidence line (in line order)
    const t = open(a);
    await t.press('f', '\r');
    let f = await t.has('Evidence 1/9');
    expect(f).not.toContain('THE-END');
    await t.press(...'l'.repeat(10));
    f = await t.has('at column 81');
    expect(f).toContain('THE-END');
    await t.press('h');
    await t.has('at column 73');
  });
});

describe('a first notice', () => {
  test('shows in the header (the bundled example) and goes once the user moves on', async () => {
    const a = seedAnalysis();
    const r = render(<App services={fakeServices(a).services} initial={{ kind: 'analysis', analysis: a }} notice="no FILE given: this is the bundled example" />);
    const frame = (): string => r.lastFrame() ?? '';
    await waitFor(frame, (f) => f.includes('no FILE given: this is the bundled example') && f.includes('CPU PRI'), 'the notice');
    r.stdin.write('f');
    await waitFor(frame, (f) => f.includes('Findings: 1 critical') && !f.includes('bundled example'), 'the notice gone');
  });
});

describe('columns by display width', () => {
  test('a process name of wide characters keeps the thread columns aligned and the rows within the screen', async () => {
    const { threadRow } = await import('../../src/tui/ThreadsView.tsx');
    const { default: stringWidth } = await import('string-width');
    const a = seedAnalysis();
    const at = a.snapshot.threads.findIndex((x) => x.addr === 'ffffff0007e01c40'); // has a stack
    const wide = { ...a.snapshot.threads[at]!, proc: '古'.repeat(12) }; // 24 columns, cut to 16
    const plainRow = threadRow(a.snapshot.threads[at]!);
    const wideRow = threadRow(wide);
    const stackAt = (row: string) => stringWidth(row.slice(0, row.indexOf('mac_soft_ring_worker')));
    expect(stackAt(plainRow)).toBe(56); // 16+1 +3+1 +6+1 +4+1 +5+1 +16+1
    expect(stackAt(wideRow)).toBe(56);
    expect(wideRow).toContain('古'.repeat(7) + '… '); // 14 + 1 columns, padded to 16
    a.snapshot.threads[at] = wide;
    a.snapshot.cpus[1]!.proc = '古'.repeat(40);
    const t = open(a);
    await t.has('CPU PRI');
    for (const l of t.frame().split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(100);
    await t.press('t');
    await t.has('Threads: 12');
    for (const l of t.frame().split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(100);
  });
});

describe('a second dump in the input', () => {
  test('the summary says it was not judged', async () => {
    const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');
    const text = '> ::status\ndebugging crash dump vmcore.0 (64-bit) from alpha\n' + seed + '> ::status\ndebugging crash dump vmcore.3 (64-bit) from beta\n';
    const a = (await import('../../src/analyze.ts')).analyzeText(text);
    const s = renderSized(<App services={fakeServices(a).services} initial={{ kind: 'analysis', analysis: a }} />, 100, 30);
    try {
      const f = plain(await waitFor(s.lastFrame, (x) => x.includes('CPU PRI'), 'summary'));
      const line = text.split('\n').findIndex((l) => l.endsWith('from beta')) + 1;
      expect(f).toContain(`!! not judged: crash dump vmcore.3 from beta (line ${line}): findings are for the first dump alone`);
    } finally {
      s.unmount();
    }
  });
});
