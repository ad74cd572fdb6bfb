// The code under fuzz, loaded by path so the harness runs while parts of the tree are still being
// written: a module that does not exist yet is skipped and named in `missing`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Analysis } from '../../src/analysis.ts';
import { ROOT } from './corpus.ts';
import { checkAccounting, checkInternal, checkOutput, type Failure, type OutputTarget, type Targets } from './check.ts';
import type { Injection } from './protocol.ts';

type Mod = Record<string, unknown>;

async function load(rel: string): Promise<Mod | null> {
  const p = join(ROOT, rel);
  if (!existsSync(p)) return null;
  return (await import(pathToFileURL(p).href)) as Mod;
}

/** The named export as a function, or null (module missing or not yet exporting it). */
function fn<F>(mod: Mod | null, name: string): F | null {
  return mod && typeof mod[name] === 'function' ? (mod[name] as F) : null;
}

// Each output: module, export, how it reaches the user, and how to call it on an Analysis.
// Signatures are those of the modules as written; src/render output is mdb text handed to callers
// that neutralize it, so it is only required not to throw.
interface OutputProbe {
  name: string;
  kind: OutputTarget['kind'];
  module: string;
  export: string;
  call(f: never, a: Analysis): unknown;
}

type R = typeof import('../../src/render/cpuinfo.ts');
type F = typeof import('../../src/render/findstack.ts');
type S = typeof import('../../src/render/stacks.ts');
type T = typeof import('../../src/render/thread.ts');

/** Renderers run on at most this many items per case, so a case with 100k threads stays cheap. */
const MAX_ITEMS = 200;

const PROBES: OutputProbe[] = [
  { name: 'report:text', kind: 'terminal', module: 'src/report/text.ts', export: 'renderText', call: (f: (a: Analysis, o: object) => string, a) => f(a, { width: 80 }) },
  { name: 'report:text-narrow', kind: 'terminal', module: 'src/report/text.ts', export: 'renderText', call: (f: (a: Analysis, o: object) => string, a) => f(a, { width: 20 }) },
  { name: 'report:markdown', kind: 'markdown', module: 'src/report/markdown.ts', export: 'renderMarkdown', call: (f: (a: Analysis) => string, a) => f(a) },
  { name: 'report:sarif', kind: 'json', module: 'src/report/sarif.ts', export: 'renderSarif', call: (f: (a: Analysis) => object, a) => JSON.stringify(f(a)) },
  { name: 'report:json', kind: 'json', module: 'src/report/json.ts', export: 'renderJson', call: (f: (a: Analysis) => string, a) => f(a) },
  {
    name: 'render:cpuinfo',
    kind: 'raw',
    module: 'src/render/cpuinfo.ts',
    export: 'renderCpuinfo',
    call: (f: R['renderCpuinfo'], a) => {
      const cpus = a.snapshot.cpus.slice(0, MAX_ITEMS);
      return f(cpus, { verbose: true }) + f(cpus, { verbose: false, autowrap: 80 }) + f(cpus, { verbose: true, addrWidth: 8, autowrap: 80 });
    },
  },
  {
    name: 'render:findstack',
    kind: 'raw',
    module: 'src/render/findstack.ts',
    export: 'renderFindstack',
    call: (f: F['renderFindstack'], a) =>
      a.snapshot.threads
        .filter((t) => t.stack !== null)
        .slice(0, MAX_ITEMS)
        .map((t) => f({ addr: t.addr ?? '0', desc: t.desc, free: t.state === 'free', sp: null, stack: t.stack ?? [] }, { verbose: true }))
        .join(''),
  },
  {
    name: 'render:stacks',
    kind: 'raw',
    module: 'src/render/stacks.ts',
    export: 'renderStacks',
    call: (f: S['renderStacks'], a) => {
      const groups = a.records.flatMap((r) => (r.kind === 'stacksGroup' ? [r] : [])).slice(0, MAX_ITEMS);
      return f(groups.map((g) => stacksView!(g)), { header: 'each' });
    },
  },
  {
    name: 'render:thread',
    kind: 'raw',
    module: 'src/render/thread.ts',
    export: 'renderThread',
    call: (f: T['renderThread'], a) => {
      const rows = a.records.flatMap((r) => (r.kind === 'thread' ? [{ addr: r.addr, columns: r.columns }] : [])).slice(0, MAX_ITEMS);
      return f(rows, { groups: ['i', 'd'] }) + f(rows, { groups: ['p', 'i', 'b', 's', 'd'], merge: true, addrWidth: 8 });
    },
  },
];

let stacksView: S['stacksView'] | null = null;

type AnalyzeOpts = import('../../src/analyze.ts').AnalyzeOptions;

/** A fault planted in the code under fuzz, to prove the fuzzer notices it (see Injection). */
async function injected(inject: Injection | undefined): Promise<AnalyzeOpts> {
  if (inject === undefined) return {};
  const boom = (): never => {
    throw new Error(`injected fault (${inject.kind})`);
  };
  if (inject.kind === 'grammar') {
    const { GRAMMARS } = await import('../../src/read/registry.ts');
    return { grammars: { ...GRAMMARS, [inject.section]: boom } };
  }
  const { RULES } = await import('../../src/rules/index.ts');
  return { ruleSet: [...RULES, { id: 'injected-fault', title: 'A rule that always throws', run: boom }] };
}

export async function loadTargets(inject?: Injection): Promise<Targets> {
  const missing: string[] = [];
  const real = fn<(t: string, o: AnalyzeOpts) => Analysis>(await load('src/analyze.ts'), 'analyzeText');
  if (!real) throw new Error('src/analyze.ts has no analyzeText yet: nothing to fuzz');
  const fault = await injected(inject);
  const analyzeText = (t: string, o: AnalyzeOpts): Analysis => real(t, { ...o, ...fault });
  stacksView = fn<S['stacksView']>(await load('src/render/stacks.ts'), 'stacksView');
  const outputs: OutputTarget[] = [];
  for (const p of PROBES) {
    const f = fn<never>(await load(p.module), p.export);
    if (!f) {
      missing.push(`${p.module} (${p.export})`);
      continue;
    }
    outputs.push({ name: p.name, kind: p.kind, render: (a) => p.call(f, a) as string });
  }
  const extra = await triageCheck(analyzeText as (t: string, o: { source: string; lean?: boolean }) => Analysis, missing);
  const stream = streamCheck(analyzeText as StreamAnalyze);
  const checks = [stream, ...(extra ? [extra] : [])];
  const realStream = fn<AnalyzeStream>(await load('src/analyze.ts'), 'analyzeStream');
  const cli = realStream ? await cliStreamCheck(analyzeText, (b, o) => realStream(b, { ...o, ...fault }), missing) : null;
  if (cli) checks.push(cli);
  return { analyze: (text) => analyzeText(text, { source: 'fuzz.txt' }), outputs, extra: checks, missing };
}

type StreamAnalyze = (t: string, o: { source: string; lean: boolean; sharedStacks: boolean; partLines: number }) => Analysis;

/**
 * What `analyze --stream` keeps (lean, stacks shared), with sections cut into parts of three lines
 * so that every cut is tried: the same lines, sections and threads as the full analysis.
 */
function streamCheck(analyzeText: StreamAnalyze): NonNullable<Targets['extra']>[number] {
  return {
    name: 'stream',
    check: (text, full) => {
      const s = analyzeText(text, { source: 'fuzz.txt', lean: true, sharedStacks: true, partLines: 3 });
      const failures: Failure[] = [...checkInternal(s), ...checkAccounting(text, s)].map((f) => ({ ...f, stage: 'stream:analyze' }));
      const same = (what: string, a: unknown, b: unknown): void => {
        if (JSON.stringify(a) !== JSON.stringify(b)) failures.push({ stage: 'stream:analyze', kind: 'accounting', message: `${what} differ from the full analysis` });
      };
      same('accounting', s.accounting, full.accounting);
      same('sections', s.sections, full.sections);
      same('diagnostics', s.diagnostics, full.diagnostics);
      same('thread addresses', s.snapshot.threads.map((t) => t.addr), full.snapshot.threads.map((t) => t.addr));
      return failures;
    },
  };
}

type AnalyzeStream = (b: AsyncIterable<readonly string[]>, o: AnalyzeOpts) => Promise<Analysis>;
type ReadInput = (path: string, io: { stdin: AsyncIterable<unknown> }, o: { maxInput: number }) => Promise<{ ok: true; text: string } | { ok: false; message: string }>;
type ReadInputLines = (path: string, io: { stdin: AsyncIterable<unknown> }, o: { maxInput: number }) => Promise<{ ok: true; batches: AsyncIterable<string[]> } | { ok: false; message: string }>;

/** Where the CLI's input readers live: src/input/ once moved out of src/cli (issue 10), else src/cli/input.ts. */
const INPUT_MODULES = ['src/input/index.ts', 'src/input/read.ts', 'src/input/input.ts', 'src/cli/input.ts'];

/** The input as stdin gives it: its UTF-8 bytes in chunks of an odd size, so lines and characters straddle chunks. */
async function* chunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/**
 * `analyze -` against `analyze --stream -`: the CLI's two readers (whole text, chunked lines) and
 * the two analyses behind them must agree on every line's fate, the sections, the diagnostics,
 * the threads and the findings, or both refuse the input with the same message.
 */
async function cliStreamCheck(analyzeText: (t: string, o: AnalyzeOpts) => Analysis, analyzeStream: AnalyzeStream, missing: string[]): Promise<NonNullable<Targets['extra']>[number] | null> {
  let readInput: ReadInput | null = null;
  let readInputLines: ReadInputLines | null = null;
  for (const m of INPUT_MODULES) {
    const mod = await load(m);
    readInput = fn<ReadInput>(mod, 'readInput');
    readInputLines = fn<ReadInputLines>(mod, 'readInputLines');
    if (readInput && readInputLines) break;
  }
  if (!readInput || !readInputLines) {
    missing.push(`readInput/readInputLines in ${INPUT_MODULES.join(' or ')}`);
    return null;
  }
  const whole = readInput;
  const streamed = readInputLines;
  return {
    name: 'cli-stream',
    check: async (text) => {
      const bytes = Buffer.from(text, 'utf8');
      const size = 1 + (bytes.length % 61) + (bytes.length > 20_000 ? 4096 : 0);
      const opts = { maxInput: 1 << 30 };
      const w = await whole('-', { stdin: chunks(bytes, size) }, opts);
      const l = await streamed('-', { stdin: chunks(bytes, size) }, opts);
      const stage = 'cli-stream';
      if (!w.ok || !l.ok) {
        // The reason must agree; the name the two readers give stdin (`-`, `stdin`) may not.
        const why = (m: string) => m.slice(m.indexOf(': ') + 2);
        const a = w.ok ? 'read' : why(w.message);
        const b = l.ok ? 'read' : why(l.message);
        return a === b ? [] : [{ stage, kind: 'accounting', message: `whole reader: ${a}; stream reader: ${b}` }];
      }
      const full = analyzeText(w.text, { source: '-' });
      const s = await analyzeStream(l.batches, { source: '-', lean: true, sharedStacks: true });
      const failures: Failure[] = checkInternal(s, stage);
      const same = (what: string, a: unknown, b: unknown): void => {
        const x = JSON.stringify(a);
        const y = JSON.stringify(b);
        if (x !== y) failures.push({ stage, kind: 'accounting', message: `${what} differ: stream ${x.slice(0, 150)} / whole ${y.slice(0, 150)}` });
      };
      same('accounting', s.accounting, full.accounting);
      same('sections', s.sections, full.sections);
      same('diagnostics', s.diagnostics.map((d) => [d.line, d.col, d.message]), full.diagnostics.map((d) => [d.line, d.col, d.message]));
      same('thread addresses', s.snapshot.threads.map((t) => t.addr), full.snapshot.threads.map((t) => t.addr));
      same('findings', s.findings.map((f) => [f.rule, f.severity, f.cpu ?? null]), full.findings.map((f) => [f.rule, f.severity, f.cpu ?? null]));
      return failures;
    },
  };
}

type Rec = typeof import('../../src/triage/record.ts');
type Out = typeof import('../../src/triage/output.ts');
type Grp = typeof import('../../src/triage/group.ts');

/**
 * What `playfair triage` does with one report, minus the file reading: a lean analysis (whose
 * accounting must match the full one), its record, the NDJSON line and the Markdown table.
 */
async function triageCheck(
  analyzeText: (t: string, o: { source: string; lean?: boolean }) => Analysis,
  missing: string[],
): Promise<NonNullable<Targets['extra']>[number] | null> {
  const triageRecord = fn<Rec['triageRecord']>(await load('src/triage/record.ts'), 'triageRecord');
  const out = await load('src/triage/output.ts');
  const ndjsonLine = fn<Out['ndjsonLine']>(out, 'ndjsonLine');
  const markdownReport = fn<Out['markdownReport']>(out, 'markdownReport');
  const summarize = fn<Out['summarize']>(out, 'summarize');
  const groupRecords = fn<Grp['groupRecords']>(await load('src/triage/group.ts'), 'groupRecords');
  if (!triageRecord || !ndjsonLine || !markdownReport || !summarize || !groupRecords) {
    missing.push('src/triage/{record,output,group}.ts');
    return null;
  }
  return {
    name: 'triage',
    check: (text, full) => {
      const lean = analyzeText(text, { source: 'fuzz.txt', lean: true });
      const failures: Failure[] = [...checkInternal(lean), ...checkAccounting(text, lean)].map((f) => ({ ...f, stage: 'triage:lean-analyze' }));
      if (JSON.stringify(lean.accounting) !== JSON.stringify(full.accounting))
        failures.push({ stage: 'triage:lean-analyze', kind: 'accounting', message: `lean ${JSON.stringify(lean.accounting)} != full ${JSON.stringify(full.accounting)}` });
      const rec = triageRecord('fuzz.txt', lean);
      const records = [rec, triageRecord('fuzz-full.txt', full)];
      failures.push(...checkOutput('json', 'triage:ndjson', ndjsonLine(rec)));
      failures.push(...checkOutput('markdown', 'triage:markdown', markdownReport(records, summarize(records, groupRecords(records)))));
      return failures;
    },
  };
}

/**
 * A stand-in for the real code, used to test the harness itself: it hangs on `FUZZ-HANG`, throws
 * on `FUZZ-CRASH`, miscounts on `FUZZ-MISCOUNT` and echoes escapes on `FUZZ-ESCAPE`.
 */
export function selfTestTargets(): Targets {
  const analyze = (text: string): Analysis => {
    if (text.includes('FUZZ-HANG')) for (;;);
    if (text.includes('FUZZ-CRASH')) throw new TypeError('self-test crash');
    // Lines cut as the contract counts them (expectedLineCount): LF, CRLF or a lone CR.
    const lines = text.length === 0 ? [] : text.split(/\r\n|\n|\r/);
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    const n = lines.length + (text.includes('FUZZ-MISCOUNT') ? 1 : 0);
    return {
      source: 'self-test',
      lines,
      accounting: { lines: n, parsed: 0, prose: n, unrecognized: 0 },
      sections: [],
      records: [],
      snapshot: { cpus: [], threads: [], tunables: {}, tunableLines: {}, panic: null, system: null },
      findings: [],
      notes: [],
      diagnostics: [],
    };
  };
  const echo: OutputTarget = {
    name: 'report:self-test',
    kind: 'terminal',
    render: (_a, text) => (text.includes('FUZZ-ESCAPE') ? 'x\x1b[31m' : 'ok\n'),
  };
  return { analyze, outputs: [echo], missing: [] };
}
