// `npm run fuzz -- --cases N --seed S`: mutated fixtures through analyze and every output, in
// worker threads with a per-case time bound. Exit 1 on any failure; the last line is
// `N cases, N failures (N with internal errors)`. New failures are minimized and saved under fixtures/fuzz/.
import { availableParallelism } from 'node:os';
import { FuzzPool } from './pool.ts';
import { signature, type Failure } from './check.ts';
import { knownSignatures, saveRegression } from './regressions.ts';

interface Args {
  cases: number;
  seed: number;
  start: number;
  jobs: number;
  timeoutMs: number;
  maxSeconds: number;
  memoryMb: number;
  save: boolean;
  selfTest: boolean;
  /** Entries of the long run queue run once before the cases (0: skip). */
  runq: number;
}

const USAGE = `usage: npm run fuzz -- [--cases N] [--seed S|random] [--start I] [--jobs J]
       [--timeout-ms MS] [--max-seconds S] [--memory-mb MB] [--runq N] [--no-save]`;

/** A run queue of this many threads goes through every output once per campaign (issue 13). */
export const RUNQ_ENTRIES = 100_000;
/** Its time bound: it is one huge case, not a hang. */
const RUNQ_TIMEOUT_MS = 600_000;

export function parseArgs(argv: string[]): Args | string {
  const a: Args = {
    cases: 10_000,
    seed: 1,
    start: 0,
    jobs: Math.max(1, availableParallelism()),
    timeoutMs: 10_000,
    maxSeconds: 3600,
    memoryMb: 1024,
    save: true,
    selfTest: false,
    runq: RUNQ_ENTRIES,
  };
  const num = (v: string | undefined, flag: string): number | string => {
    const n = Number(v);
    return v !== undefined && Number.isInteger(n) && n >= 0 ? n : `${flag} needs a whole number, got ${v ?? 'nothing'}`;
  };
  for (let i = 0; i < argv.length; i++) {
    const f = argv[i]!;
    const v = argv[i + 1];
    let n: number | string = 0;
    switch (f) {
      case '--cases':
      case '--start':
      case '--jobs':
      case '--timeout-ms':
      case '--max-seconds':
      case '--memory-mb':
      case '--runq':
        n = num(v, f);
        if (typeof n === 'string') return n;
        i++;
        if (f === '--cases') a.cases = n;
        else if (f === '--start') a.start = n;
        else if (f === '--jobs') a.jobs = Math.max(1, n);
        else if (f === '--timeout-ms') a.timeoutMs = n;
        else if (f === '--max-seconds') a.maxSeconds = n;
        else if (f === '--runq') a.runq = n === 0 ? 0 : Math.max(4, n);
        else a.memoryMb = n;
        break;
      case '--seed':
        i++;
        if (v === 'random') a.seed = Math.floor(Math.random() * 2 ** 31);
        else {
          n = num(v, f);
          if (typeof n === 'string') return n;
          a.seed = n;
        }
        break;
      case '--no-save':
        a.save = false;
        break;
      case '--self-test':
        a.selfTest = true;
        break;
      default:
        return `unknown argument ${f}`;
    }
  }
  return a;
}

export interface FuzzSummary {
  cases: number;
  failures: number;
  /** Cases with at least one internal error (a grammar or rule that threw into a net). */
  internal: number;
  /** Failures of the long run queue case (not saved: `--runq N` regenerates it). */
  runq: number;
  signatures: Map<string, { failure: Failure; count: number; example: string; saved: string | null }>;
  stoppedByTime: boolean;
  missing: string[];
  seconds: number;
  /** CPU time of the process, workers included (user + system), in seconds. */
  cpuSeconds: number;
}

export async function fuzz(a: Args, log: (s: string) => void): Promise<FuzzSummary> {
  const pool = new FuzzPool({ jobs: a.jobs, timeoutMs: a.timeoutMs, memoryMb: a.memoryMb, selfTest: a.selfTest });
  const t0 = Date.now();
  const deadline = t0 + a.maxSeconds * 1000;
  const cpu0 = process.cpuUsage();
  const sum: FuzzSummary = { cases: 0, failures: 0, internal: 0, runq: 0, signatures: new Map(), stoppedByTime: false, missing: [], seconds: 0, cpuSeconds: 0 };
  const known = a.save ? knownSignatures() : new Set<string>();
  let next = a.start;
  const end = a.start + a.cases;
  let lastLog = Date.now();
  const saves: Promise<void>[] = [];

  const record = async (index: number, r: Awaited<ReturnType<FuzzPool['run']>>) => {
    sum.cases++;
    if (r.failures.length === 0) return;
    sum.failures++;
    if (r.failures.some((f) => f.kind === 'internal-error')) sum.internal++;
    for (const f of r.failures) {
      const sig = signature(f);
      const seen = sum.signatures.get(sig);
      if (seen) {
        seen.count++;
        continue;
      }
      const entry = { failure: f, count: 1, example: `--seed ${a.seed} --start ${index} --cases 1`, saved: null as string | null };
      sum.signatures.set(sig, entry);
      log(`FAIL case ${index} [${r.fixture ?? '?'} + ${(r.applied ?? []).join(', ')}] ${f.stage} ${f.kind}: ${f.message}`);
      if (!a.save || known.has(sig)) continue;
      saves.push(saveFailure(pool, a, index, f, sig, r).then((file) => void (entry.saved = file)));
    }
  };

  const worker = async () => {
    for (;;) {
      if (Date.now() > deadline) {
        sum.stoppedByTime = next < end;
        return;
      }
      if (next >= end) return;
      const index = next++;
      const r = await pool.run({ type: 'case', seed: a.seed, index });
      await record(index, r);
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        const s = (Date.now() - t0) / 1000;
        log(`${sum.cases}/${a.cases} cases, ${sum.failures} failures, ${(sum.cases / s).toFixed(0)} cases/s`);
      }
    }
  };
  try {
    if (a.runq > 0 && !a.selfTest) {
      const t = Date.now();
      const r = await pool.run({ type: 'runq', entries: a.runq }, Math.max(a.timeoutMs, RUNQ_TIMEOUT_MS));
      log(`run queue of ${a.runq} entries: ${r.failures.length} failures, ${((Date.now() - t) / 1000).toFixed(1)} s`);
      sum.runq = r.failures.length;
      for (const f of r.failures) {
        const sig = signature(f);
        log(`FAIL run queue of ${a.runq} entries: ${f.stage} ${f.kind}: ${f.message}`);
        const seen = sum.signatures.get(sig);
        if (seen) seen.count++;
        else sum.signatures.set(sig, { failure: f, count: 1, example: `--runq ${a.runq} --cases 0`, saved: null });
      }
      if (r.failures.length > 0) sum.failures++;
    }
    await Promise.all(Array.from({ length: a.jobs }, worker));
    await Promise.all(saves);
    sum.missing = pool.missing;
  } finally {
    await pool.close();
  }
  sum.seconds = (Date.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  sum.cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return sum;
}

/** Regenerates the failing text if the worker could not send it (hang, death), shrinks it, saves it. */
async function saveFailure(pool: FuzzPool, a: Args, index: number, f: Failure, sig: string, r: { text?: string; fixture?: string; applied?: string[] }): Promise<string | null> {
  let text = r.text;
  let fixture = r.fixture ?? '?';
  let applied = r.applied ?? [];
  if (text === undefined) {
    const { loadCorpus } = await import('./corpus.ts');
    const { makeCase } = await import('./cases.ts');
    const c = makeCase(loadCorpus(), a.seed, index);
    ({ text, fixture, applied } = c);
  }
  // Hangs and memory blow-ups are not shrunk: every try would cost a full time bound.
  if (f.kind !== 'hang' && f.kind !== 'out-of-memory' && f.stage !== 'any') {
    const m = await pool.run({ type: 'minimize', text, signature: sig, budget: { checks: 400, ms: 20_000 } }, 60_000);
    if (m.text !== undefined && m.failures.length === 0) text = m.text;
  }
  return saveRegression(f, text, { seed: a.seed, index, fixture, mutations: applied });
}

async function main(argv: string[]): Promise<number> {
  const a = parseArgs(argv);
  if (typeof a === 'string') {
    process.stderr.write(`${a}\n${USAGE}\n`);
    return 2;
  }
  const log = (s: string) => process.stderr.write(s + '\n');
  log(`fuzz: seed ${a.seed}, cases ${a.start}..${a.start + a.cases - 1}, ${a.jobs} workers, ${a.timeoutMs} ms per case`);
  let sum: FuzzSummary;
  try {
    sum = await fuzz(a, log);
  } catch (e) {
    log(`fuzz: cannot run: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  for (const m of sum.missing) log(`note: not fuzzed (module missing): ${m}`);
  for (const [sig, s] of sum.signatures)
    log(`${s.count} x ${sig}\n    replay: npm run fuzz -- ${s.example}${s.saved ? `\n    saved: fixtures/fuzz/${s.saved}` : ''}`);
  if (sum.stoppedByTime) log(`stopped by --max-seconds ${a.maxSeconds} before all ${a.cases} cases`);
  log(`${sum.seconds.toFixed(1)} s wall, ${sum.cpuSeconds.toFixed(1)} s CPU (workers included), ${(sum.cases / sum.seconds).toFixed(0)} cases/s`);
  process.stdout.write(`${sum.cases} cases, ${sum.failures} failures (${sum.internal} with internal errors)\n`);
  return sum.failures > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
