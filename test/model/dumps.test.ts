// A report that pastes two dumps (`::status` naming another host or vmcore): the snapshot is the
// first dump's, the other's sections are read but not judged, and every face says so.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { verdictOf } from '../../src/analysis.ts';
import { renderJson } from '../../src/report/json.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { mdText } from '../../src/report/md-escape.ts';
import { renderText } from '../../src/report/text.ts';
import { rateQuality } from '../../src/triage/quality.ts';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const seed = read('fixtures/seed/illumos-1532.txt');
const real017 = read('fixtures/real/017-omnios-632-status-stackregs-two-hosts.txt');
const status = (target: string, host: string, ...more: string[]) => ['> ::status', `debugging crash dump ${target} (64-bit) from ${host}`, ...more].join('\n') + '\n';
/** One idle CPU 0 (another address than the seed's CPU 0), nothing queued. */
const idleCpu0 = [
  '> ::cpuinfo',
  ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC',
  '  0 fffffffffbc4a000  1b    0    0  -1   no    no t-5    ffffff0007605c40 (idle)',
].join('\n') + '\n';
const rules = (a: ReturnType<typeof analyzeText>) => a.findings.map((f) => [f.rule, f.severity, f.title]);

describe('two dumps in one input', () => {
  it('017 (two hosts): the status and panic are the first host\'s, not a mix of both', () => {
    const a = analyzeText(real017);
    // Before, host said hvfs2 (line 23) beside chrufs's OS, image uuid and panic (lines 3-5).
    expect(a.snapshot.system?.fields).toMatchObject({ target: 'crash dump vmcore.0', host: 'chrufs', 'image uuid': 'cb6e4932-f2ce-684c-e233-b7c71943edaa' });
    expect(a.snapshot.system?.lines['host']).toBe(2);
    expect(a.snapshot.panic?.message).toMatch(/^BAD TRAP: type=e .* module "usba"/);
    expect(a.snapshot.otherDumps).toEqual([{ name: 'crash dump vmcore.0 from hvfs2', line: 23, records: 1 }]);
    const note = a.notes.find((n) => n.rule === 'model');
    expect(note?.message).toMatch(/^line 23: ::status names another dump \(crash dump vmcore\.0 from hvfs2\) than line 2 \(crash dump vmcore\.0 from chrufs\): its 1 record /);
    // The frames between the two ::status outputs are chrufs's: still read as a thread's stack.
    expect(a.snapshot.threads.filter((t) => t.stack !== null)).toHaveLength(1);
  });

  it('says so in the text and Markdown summaries, and JSON carries the dumps left out', () => {
    const a = analyzeText(real017);
    const text = renderText(a, { width: 200 });
    expect(text).toContain('Not judged: crash dump vmcore.0 from hvfs2 (line 23, 1 record). The input names more than one dump; the findings are for crash dump vmcore.0 from chrufs (line 2) alone.');
    expect(renderMarkdown(a)).toContain(`**${mdText('Not judged: crash dump vmcore.0 from hvfs2 (line 23, 1 record).')}`);
    const json = JSON.parse(renderJson(a)) as { snapshot: { otherDumps?: unknown } };
    expect(json.snapshot.otherDumps).toEqual([{ name: 'crash dump vmcore.0 from hvfs2', line: 23, records: 1 }]);
    // One dump: no such key, no such line.
    const one = analyzeText(seed);
    expect(one.snapshot.otherDumps).toBeUndefined();
    expect((JSON.parse(renderJson(one)) as { snapshot: object }).snapshot).not.toHaveProperty('otherDumps');
    expect(renderText(one)).not.toContain('Not judged');
  });

  it("leaves the second dump's dispatcher state out of the first's, and the notes say where there was none", () => {
    const seedRecords = analyzeText(seed).records.length;
    const a = analyzeText(status('vmcore.0', 'alpha') + status('vmcore.3', 'beta') + seed);
    expect(a.snapshot.cpus).toEqual([]);
    expect(a.snapshot.threads).toEqual([]);
    expect(a.findings).toEqual([]);
    expect(a.snapshot.otherDumps).toEqual([{ name: 'crash dump vmcore.3 from beta', line: 4, records: seedRecords + 1 }]);
    expect(verdictOf(a).dispatcherState).toBe(false);
    // The rules were not shown the beta ::cpuinfo: they do not call it unreadable.
    const cpuNotes = a.notes.filter((n) => n.rule === 'runq-starvation').map((n) => n.message);
    expect(cpuNotes).toEqual(['No ::cpuinfo output in the first dump: cannot check run queues for starvation.']);
    expect(renderText(a, { width: 200 })).toContain('Findings: none; no dispatcher state (no ::cpuinfo, thread priorities or tunables) in the first dump');
    expect(rateQuality(a).reasons[0]).toBe('no dispatcher state (no ::cpuinfo, thread priorities or tunables) in the first dump (the input names more, not judged)');
  });

  it("judges the first dump alone: another host's CPU 0 does not replace it, and back under the first ::status its sections count again", () => {
    const base = analyzeText(seed);
    const a = analyzeText(status('vmcore.0', 'alpha') + status('vmcore.3', 'beta') + idleCpu0 + status('vmcore.0', 'alpha') + seed);
    expect(rules(a)).toEqual(rules(base));
    expect(a.snapshot.cpus.map((c) => [c.id, c.addr])).toEqual(base.snapshot.cpus.map((c) => [c.id, c.addr]));
    // The beta ::status and its ::cpuinfo (one CPU record): 2 records.
    expect(a.snapshot.otherDumps).toEqual([{ name: 'crash dump vmcore.3 from beta', line: 4, records: 2 }]);
    expect(rateQuality(a).reasons).toContain('1 more dump in the input, not judged');
    // Without the separation, beta's idle CPU 0 would have replaced the seed's.
    const merged = analyzeText(status('vmcore.3', 'beta') + idleCpu0 + seed);
    expect(merged.snapshot.otherDumps).toBeUndefined();
  });

  it('the same dump opened by path and by name is one dump; another vmcore of the same host is another', () => {
    const byPath = analyzeText(status('vmcore.3', 'alpha') + status('/var/crash/alpha/vmcore.3', 'alpha') + seed);
    expect(byPath.snapshot.otherDumps).toBeUndefined();
    expect(rules(byPath)).toEqual(rules(analyzeText(seed)));
    const other = analyzeText(status('vmcore.3', 'alpha') + status('vmcore.4', 'alpha'));
    expect(other.snapshot.otherDumps?.map((o) => o.name)).toEqual(['crash dump vmcore.4 from alpha']);
  });

  it('the same dump named twice, once with its host cut off, is one dump', () => {
    const a = analyzeText(status('vmcore.0', 'alpha', 'operating system: 5.11 joyent_20110901T000000Z (i86pc)') + seed + '> ::status\ndebugging crash dump vmcore.0 (64-bit)\n');
    expect(a.snapshot.otherDumps).toBeUndefined();
    expect(a.snapshot.system?.fields['operating system']).toBe('5.11 joyent_20110901T000000Z (i86pc)');
    expect(rules(a)).toEqual(rules(analyzeText(seed)));
  });
});

describe('one CPU at two cpu_t addresses', () => {
  const cpuinfo = (rows: string[]) => ['> ::cpuinfo', ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC', ...rows].join('\n') + '\n';
  const idle = (id: number, addr: string) => `  ${id} ${addr}  1b    0    0  -1   no    no t-5    ffffff0007605c40 (idle)`;

  it('is two boots or two systems: one note names the CPUs and both lines', () => {
    // The seed's CPU 0 is cpu_t fffffffffbc486e0 (line 52) and CPU 1 ffffff01d3e32580 (line 67).
    const text = seed + '\n' + cpuinfo([idle(0, 'fffffffffbc486e0'), idle(1, 'ffffff01d3e40000')]);
    const a = analyzeText(text);
    const row = text.split('\n').findIndex((l) => l.includes('ffffff01d3e40000')) + 1;
    // (Their queues are dropped too, another note: see cpu-merge.test.ts.)
    const notes = a.notes.filter((n) => n.rule === 'model' && n.message.includes('cpu_t')).map((n) => n.message);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(new RegExp(`^line ${row}: CPU 1 is cpu_t ffffff01d3e32580 at line 67 and ffffff01d3e40000 at line ${row}: a CPU keeps its cpu_t until it is removed`));
  });

  it('the same CPUs shown again (a second ::cpuinfo of the same system) say nothing of it', () => {
    const a = analyzeText(seed + '\n' + cpuinfo([idle(0, 'fffffffffbc486e0'), idle(1, 'ffffff01d3e32580')]));
    expect(a.notes.filter((n) => n.message.includes('cpu_t'))).toEqual([]);
  });
});
