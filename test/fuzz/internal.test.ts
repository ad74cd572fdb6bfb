// Internal errors cannot hide: a grammar or rule that throws is caught by its net, but the
// analysis says so (kind 'internal', stack kept), `analyze` earns exit code 4, and the fuzzer
// fails. Proved by planting a throw, without touching any module: AnalyzeOptions take the
// grammars and rules to run.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { internalErrorCount, verdictOf } from '../../src/analysis.ts';
import { GRAMMARS } from '../../src/read/registry.ts';
import { RULES } from '../../src/rules/index.ts';
import { EXIT_INTERNAL, EXIT_OK, exitCodeFor } from '../../src/rules/policy.ts';
import type { Rule } from '../../src/rules/types.ts';
import type { SectionParser } from '../../grammar/common/source.ts';
import type { MdbRecord } from '../../grammar/records.ts';
import { checkInternal, checkText, type Targets } from './check.ts';
import { FuzzPool } from './pool.ts';
import { makeCase } from './cases.ts';
import { loadCorpus } from './corpus.ts';

const seed = readFileSync(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url), 'utf8');

function throwingGrammar(): never {
  throw new Error('planted grammar fault');
}
const throwingRule: Rule = {
  id: 'planted-fault',
  title: 'A rule that always throws',
  run: () => {
    throw new RangeError('planted rule fault');
  },
};
const withBadFindstack = { grammars: { ...GRAMMARS, findstack: throwingGrammar } };
const withBadRule = { ruleSet: [...RULES, throwingRule] };

describe('a grammar that throws', () => {
  const a = analyzeText(seed, withBadFindstack);

  it('leaves its lines unread with an internal diagnostic each, stack kept', () => {
    // The seed's two ::findstack sections (lines 106 and 113) have 6 output lines each.
    const internal = a.diagnostics.filter((d) => d.kind === 'internal');
    expect(internal.map((d) => d.line)).toEqual([107, 108, 109, 110, 111, 112, 114, 115, 116, 117, 118, 119]);
    expect(internal[0]!.message).toBe('internal error in the findstack grammar: planted grammar fault');
    expect(internal[0]!.stack).toContain('throwingGrammar');
    expect(a.accounting).toEqual({ lines: 275, parsed: 31, prose: 232, unrecognized: 12 });
    expect(internalErrorCount(a)).toBe(12);
  });

  it('makes analyze exit with the internal-error code, findings or not', () => {
    expect(exitCodeFor(verdictOf(a), 'critical')).toBe(EXIT_INTERNAL);
    expect(exitCodeFor(verdictOf(analyzeText(seed)), 'info')).not.toBe(EXIT_INTERNAL);
  });

  it('is not excused as prose when the unread lines read like sentences', () => {
    const b = analyzeText('> ::findstack -v\nThis line reads like a sentence written here.\n', withBadFindstack);
    expect(b.accounting).toEqual({ lines: 2, parsed: 1, prose: 0, unrecognized: 1 });
    expect(b.diagnostics).toMatchObject([{ line: 2, kind: 'internal' }]);
  });

  it('owns up even when its section has no output line, on the prompt', () => {
    // The blank line 2 goes to prose when the next prompt closes the section: both bodies are empty.
    const b = analyzeText('> ::findstack -v\n   \n> ::status\n', { grammars: { ...GRAMMARS, findstack: throwingGrammar, status: throwingGrammar } });
    expect(b.diagnostics.map((d) => [d.line, d.kind, d.message])).toEqual([
      [1, 'internal', 'internal error in the findstack grammar: planted grammar fault'],
      [3, 'internal', 'internal error in the status grammar: planted grammar fault'],
    ]);
  });

  it('fails the fuzz check', async () => {
    const targets: Targets = { analyze: (t) => analyzeText(t, withBadFindstack), outputs: [], missing: [] };
    const failures = await checkText(seed, targets);
    // One failure per distinct message, not one per line.
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ stage: 'analyze', kind: 'internal-error' });
    expect(failures[0]!.message).toMatch(/^line 107: internal error in the findstack grammar: planted grammar fault @ throwingGrammar/);
  });
});

describe('a model that throws on a record', () => {
  it('loses that record, not the analysis, and says so with an internal diagnostic on its line', () => {
    // A grammar that hands the model a cpu record with none of its fields: the builder throws.
    const malformed: SectionParser = (lines) => ({ records: [{ kind: 'cpu', line: lines[0]!.no } as unknown as MdbRecord], unrecognized: [], lexErrors: [], parseErrors: [] });
    const a = analyzeText(seed, { grammars: { ...GRAMMARS, cpuinfo: malformed } });
    const internal = a.diagnostics.filter((d) => d.kind === 'internal');
    expect(internal).toHaveLength(1);
    expect(internal[0]!.line).toBe(52);
    expect(internal[0]!.message).toMatch(/^internal error merging a cpu record into the model: /);
    expect(a.snapshot.cpus).toEqual([]);
    // The rest of the dump still counts: the findstack threads are in the snapshot.
    expect(a.snapshot.threads.map((t) => t.addr)).toContain('ffffff0007e01c40');
    expect(exitCodeFor(verdictOf(a), 'critical')).toBe(EXIT_INTERNAL);
  });
});

describe('a rule that throws', () => {
  const a = analyzeText(seed, withBadRule);

  it('becomes an internal note with its stack; the other rules still report', () => {
    const notes = a.notes.filter((n) => n.kind === 'internal');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ rule: 'planted-fault', message: 'internal error, rule skipped: planted rule fault' });
    expect(notes[0]!.stack).toMatch(/^RangeError: planted rule fault/);
    expect(a.findings.map((f) => f.rule)).toEqual(['kpreempt-threshold', 'runq-starvation', 'ts-timeleft-overrun', 'preemption-pending']);
  });

  it('makes analyze exit with the internal-error code and fails the fuzz check', () => {
    expect(exitCodeFor(verdictOf(a), 'critical')).toBe(EXIT_INTERNAL);
    expect(checkInternal(a)).toEqual([{ stage: 'analyze', kind: 'internal-error', message: expect.stringMatching(/^rule planted-fault: internal error, rule skipped: planted rule fault @ /) }]);
  });

  it('an analysis without faults has none', () => {
    const clean = analyzeText('> ::status\nnot much here\n');
    expect(internalErrorCount(clean)).toBe(0);
    expect(exitCodeFor(verdictOf(clean), 'critical')).not.toBe(EXIT_INTERNAL);
    expect(exitCodeFor({ ...verdictOf(clean), parsedLines: 1, dispatcherState: true }, 'critical')).toBe(EXIT_OK);
  });
});

describe('the fuzz pool with a planted fault', () => {
  const grammarPool = new FuzzPool({ jobs: 1, timeoutMs: 30_000, memoryMb: 1024, inject: { kind: 'grammar', section: 'findstack' } });
  const rulePool = new FuzzPool({ jobs: 1, timeoutMs: 30_000, memoryMb: 1024, inject: { kind: 'rule' } });
  afterAll(() => Promise.all([grammarPool.close(), rulePool.close()]));

  it('fails on a findstack grammar that throws, on the full, stream, CLI-stream and triage paths', async () => {
    const r = await grammarPool.run({ type: 'text', text: seed });
    const stages = new Set(r.failures.filter((f) => f.kind === 'internal-error').map((f) => f.stage));
    expect([...stages].sort()).toEqual(['analyze', 'cli-stream', 'stream:analyze', 'triage:lean-analyze']);
  }, 120_000);

  it('fails seeded slice cases that reach the grammar', async () => {
    // The slice (test/fuzz/slice.test.ts) passed with parseFindstack throwing on every call
    // before internal errors were counted. Every seeded case whose text the full analysis reads
    // as a ::findstack section must now fail (the first four such cases, to keep it quick).
    const corpus = loadCorpus();
    const reaching: number[] = [];
    for (let i = 0; reaching.length < 4 && i < 400; i++) {
      const c = makeCase(corpus, 20261126, i);
      if (analyzeText(c.text).sections.some((s) => s.kind === 'findstack')) reaching.push(i);
    }
    expect(reaching).toHaveLength(4);
    for (const i of reaching) {
      const r = await grammarPool.run({ type: 'case', seed: 20261126, index: i });
      expect(r.failures.some((f) => f.kind === 'internal-error')).toBe(true);
    }
  }, 300_000);

  it('fails on a rule that throws, on any input', async () => {
    const r = await rulePool.run({ type: 'text', text: 'plain prose only\n' });
    expect(r.failures.find((f) => f.stage === 'analyze')).toMatchObject({ kind: 'internal-error', message: expect.stringContaining('rule injected-fault') });
  }, 120_000);
});
