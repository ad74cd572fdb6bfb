// What the summary shows besides findings: the panic (message, CPU, thread) and the ::status
// essentials when the input has them, and the known issues triage matches, in text and Markdown.
// Worked from fixtures/real/021 (a SmartOS dump's ::status and ::panicinfo) and the seed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { renderText } from '../../src/report/text.ts';
import { renderJson } from '../../src/report/json.ts';
import { knownIssueRefs } from '../../src/triage/known-refs.ts';
import { triageRecord } from '../../src/triage/record.ts';
import { seedAnalysis } from '../seed.ts';

const PANIC_FILE = new URL('../../fixtures/real/021-smartoslive-527-status-panicinfo.txt', import.meta.url);
const panicDump = analyzeText(readFileSync(PANIC_FILE, 'utf8'), { source: '021.txt' });

describe('the panic and ::status in the summary', () => {
  it('text: a Panic line with CPU, thread and message, and a Status line, before the findings', () => {
    const lines = renderText(panicDump, { width: 200 }).split('\n');
    const panic = lines.findIndex((l) => l.startsWith('Panic: '));
    expect(lines[panic]).toBe('Panic: cpu 0, thread ffffff095b369060: BAD TRAP: type=d (#gp General protection) rp=ffffff00413fe670 addr=0');
    expect(lines[panic + 1]).toBe(
      'Status: target: crash dump vmcore.0; host: anto.nym.se; operating system: 5.11 joyent_20151126T062747Z (i86pc); dump content: kernel pages only',
    );
    expect(lines.findIndex((l) => l.startsWith('Findings: '))).toBeGreaterThan(panic + 1);
  });

  it('Markdown: the same facts, escaped', () => {
    const md = renderMarkdown(panicDump);
    expect(md).toContain('**Panic:** cpu 0, thread ffffff095b369060\\: BAD TRAP\\: type\\=d \\(`#gp` General protection\\) rp\\=ffffff00413fe670 addr\\=0');
    expect(md).toContain('**Status:** target\\: crash dump vmcore\\.0; host\\: anto\\.nym\\.se;');
  });

  it('the seed has neither, and says nothing about them', () => {
    const t = renderText(seedAnalysis());
    expect(t).not.toContain('Panic:');
    expect(t).not.toContain('Status:');
  });
});

describe('known issues', () => {
  const seed = seedAnalysis();
  const known = knownIssueRefs(seed);

  it('are the ones triage matches for the same report', () => {
    expect(known.map((k) => k.id)).toEqual(triageRecord('seed', seed).known.map((k) => k.id));
    expect(known.map((k) => k.id)).toEqual(['illumos-1532']);
  });

  it('text, Markdown and JSON name them', () => {
    const t = renderText(seed, { width: 200 }, { known });
    expect(t).toContain(`Known issue: illumos-1532: ${known[0]!.title} (${known[0]!.tickets.join(', ')})`);
    expect(renderMarkdown(seed, { known })).toContain('**Known issue:** illumos\\-1532: ');
    expect(JSON.parse(renderJson(seed, { known })).knownIssues).toEqual(known);
  });

  it("the seed's match is proven: its main finding is critical", () => {
    expect(known.map((k) => k.proven)).toEqual([true]);
  });

  it('on medium findings alone a match is a resemblance, and every format says so (kpreemptpri 100 over a user thread nothing proves stuck)', () => {
    const a = analyzeText(readFileSync(new URL('../../fixtures/handwritten/verdicts/kp100-user-runner.txt', import.meta.url), 'utf8'));
    expect(a.findings.map((f) => f.severity)).toEqual(['medium', 'medium', 'low']);
    const refs = knownIssueRefs(a);
    expect(refs.map((k) => [k.id, k.proven])).toEqual([['illumos-1532', false]]);
    expect(triageRecord('kp100', a).known).toEqual(refs);
    const t = renderText(a, { width: 400 }, { known: refs });
    expect(t).toContain('Resembles known issue: illumos-1532: ');
    expect(t).toContain('(not proven: every finding it rests on is below high)');
    expect(t).not.toContain('Known issue:');
    expect(renderMarkdown(a, { known: refs })).toContain('**Resembles known issue:** illumos\\-1532: ');
    expect(JSON.parse(renderJson(a, { known: refs })).knownIssues[0].proven).toBe(false);
  });

  it('a panic matched by its message is proven whatever the findings', () => {
    // fixtures/real/020: smartos-live#750's #gp panic in zfs_znode_free, with no dispatcher state.
    const lx = analyzeText(readFileSync(new URL('../../fixtures/real/020-smartoslive-750-C-status-panicinfo-lx.txt', import.meta.url), 'utf8'));
    expect(lx.findings).toEqual([]);
    const refs = knownIssueRefs(lx);
    expect(refs.map((k) => [k.id, k.proven])).toEqual([['smartos-live-527', true]]);
  });
});
