// Untrusted text: input that carries escape sequences, control characters, bidi overrides, HTML,
// Markdown links and fence breakers in the fields reports echo (process names, thread
// descriptions, prose, evidence lines) reaches no terminal intact, cannot inject Markdown, and
// comes out of JSON and SARIF exactly as it went in.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import React from 'react';
import { cleanup, render } from 'ink-testing-library';
import { analyzeText } from '../../src/analyze.ts';
import type { Analysis } from '../../src/analysis.ts';
import { renderText } from '../../src/report/text.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { renderSarif } from '../../src/report/sarif.ts';
import { renderJson } from '../../src/report/json.ts';
import { App } from '../../src/tui/App.tsx';
import type { TuiServices } from '../../src/tui/services.ts';
import { firstControlChar, markdownInjection } from '../fuzz/check.ts';

const HOSTILE = readFileSync(new URL('../../fixtures/handwritten/limits/hostile-seed.txt', import.meta.url), 'utf8');
const PROC = 'qemu\x1b[31m<img src=x onerror=alert(1)>[x](javascript:alert(1))\x1b]0;owned\x07';

const analysis = analyzeText(HOSTILE, { source: 'hostile\x1b[2J.txt' });
const hostileLines = analysis.lines.filter((l) => firstControlChar(l) !== null || /[<`[]/.test(l));

const noControl = (s: string) => {
  const cc = firstControlChar(s);
  return cc === null ? null : `U+${cc.code.toString(16).padStart(4, '0')} near ${JSON.stringify(s.slice(Math.max(0, cc.index - 40), cc.index + 10))}`;
};

describe('the hostile fixture reaches the reports', () => {
  it('still yields the #1532 findings, with the hostile lines as evidence', () => {
    expect(analysis.findings.length).toBeGreaterThan(0);
    const evidence = analysis.findings.flatMap((f) => f.evidence.map((e) => e.text));
    expect(evidence.some((t) => t.includes(PROC))).toBe(true);
    expect(hostileLines.length).toBeGreaterThan(5);
  });

  it('keeps the hostile process name in the snapshot as given', () => {
    expect(analysis.snapshot.cpus.find((c) => c.id === 1)?.proc).toBe(PROC);
  });
});

describe('terminal text report', () => {
  const out = renderText(analysis, { width: 100 });
  it('has no control characters, escape sequences or bidi overrides', () => expect(noControl(out)).toBeNull());
  it('shows the hostile text visibly escaped rather than dropping it', () => {
    expect(out).toContain('qemu\\x1b[31m<img');
    expect(out).toContain('hostile\\x1b[2J.txt');
  });
});

describe('Markdown report', () => {
  const md = renderMarkdown(analysis);
  it('has no control characters', () => expect(noControl(md)).toBeNull());
  it('lets no HTML, link or fence break out of the input', () => expect(markdownInjection(md)).toBeNull());
  it('still shows the evidence line', () => expect(md).toContain('qemu\\x1b[31m<img src=x onerror=alert(1)>'));
});

describe('JSON report', () => {
  const json = renderJson(analysis);
  const parsed = JSON.parse(json) as { source: string; snapshot: { cpus: { id: number; proc: string | null }[] }; findings: { evidence: { text: string }[] }[] };
  it('escapes every control character (no raw C0 in the text)', () => {
    expect(noControl(json.replace(/\n/g, ' ').replace(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g, ' '))).toBeNull();
  });
  it('round-trips input strings exactly', () => {
    expect(parsed.source).toBe('hostile\x1b[2J.txt');
    expect(parsed.snapshot.cpus.find((c) => c.id === 1)?.proc).toBe(PROC);
    const ev = parsed.findings.flatMap((f) => f.evidence.map((e) => e.text));
    for (const e of analysis.findings.flatMap((f) => f.evidence.map((x) => x.text))) expect(ev).toContain(e);
  });
});

describe('SARIF report', () => {
  const text = JSON.stringify(renderSarif(analysis), null, 2);
  const sarif = JSON.parse(text) as {
    version: string;
    runs: { results: { message: { text: string }; locations: { physicalLocation: { region?: { snippet?: { text: string } } } }[] }[] }[];
  };
  it('is valid JSON with no raw C0 characters', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(noControl(text.replace(/\n/g, ' ').replace(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g, ' '))).toBeNull();
  });
  it('carries evidence snippets exactly as the input had them', () => {
    const snippets = sarif.runs[0]!.results.flatMap((r) => r.locations.map((l) => l.physicalLocation.region?.snippet?.text));
    expect(snippets.some((s) => s?.includes(PROC))).toBe(true);
  });
});

describe('TUI', () => {
  afterEach(() => cleanup());
  const services: TuiServices = {
    analyze: async () => analysis,
    readFile: async () => HOSTILE,
    runCommand: async (_a, line) => ({ lines: [`(output of ${line})`] }),
    whatIf: async () => ({ outcomes: [], notes: [] }),
  };

  async function settle(frame: () => string): Promise<string> {
    let last = '';
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 10));
      const f = frame();
      if (f === last && f.length > 0) return f;
      last = f;
    }
    return last;
  }

  it('shows no control characters on the summary, CPU, findings and finding views', async () => {
    const r = render(<App services={services} initial={{ kind: 'analysis', analysis: analysis as Analysis }} />);
    const frame = () => r.lastFrame() ?? '';
    const seen: string[] = [];
    const step = async (keys: string[]) => {
      for (const k of keys) {
        r.stdin.write(k);
        await new Promise((res) => setTimeout(res, 5));
      }
      seen.push(await settle(frame));
    };
    await step([]);
    await step(['\x1b[B', '\r']); // CPU 1: its run queue with the hostile process names
    await step(['\x1b']);
    await step(['f']);
    await step(['\r']); // the first finding's detail, with evidence lines
    const all = seen.join('\n');
    expect(all).toContain('qemu\\x1b[31m<img');
    expect(all).toContain('sched\\u202e\\x1b[2J');
    for (const f of seen) expect(noControl(f)).toBeNull();
  });
});
