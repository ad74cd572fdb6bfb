// Ingest benchmark: analyzeText throughput on a large generated `::cpuinfo -v` +
// `::walk thread | ::findstack -v` transcript, next to a plain line-split-plus-regex scan of the
// same file in the same run; and peak memory (maxRSS of a child process that only reads and
// analyses). Each measured part runs in its own child so one's heap does not inflate the other's.
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchRow } from './types.ts';
import { runJsonChild } from './child.ts';
import { writeTranscript } from './gen/write.ts';
import { readInputLines } from '../src/input/index.ts';
import { emptyResult, type SectionParser } from '../grammar/common/source.ts';

const MiB = 1024 * 1024;
const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * analyze: analyzeText; lean: analyzeText with lean; compact: analyzeText lean with shared stacks;
 * scan: the regex baseline; stream: what `analyze --stream` runs (readInputLines + analyzeStream,
 * lean, shared stacks). split, read, build: full detail stopped after a stage (see STAGES).
 */
type Mode = 'analyze' | 'lean' | 'compact' | 'scan' | 'stream' | Stage;
type Stage = 'split' | 'read' | 'build';

interface ChildReport {
  mode: Mode;
  bytes: number;
  /** Wall time of each repetition, ms. */
  times: number[];
  /** Paired children: the scan's wall time at each repetition, run alternately with the path; else null. */
  scanTimes: number[] | null;
  /** CPU time (user + system, every thread of the process) of each repetition, ms: less swayed by other load than wall time. */
  cpuTimes: number[];
  /** Paired children: the scan's CPU time at each repetition; else null. */
  scanCpuTimes: number[] | null;
  /** Peak resident set of the child, bytes. */
  maxRss: number;
  /** RSS after start-up and module loading, before the input was read, bytes. */
  startRss: number;
  /** Something from the result, so the work cannot be skipped and runs can be compared. */
  check: string;
  /** Stream mode: heap the result holds after a full GC, above the heap before reading, bytes. */
  liveHeap: number | null;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

// The baseline: what a quick hand-written scan of the same text costs. Anchored, no nested quantifiers.
const STACK_PTR = /^stack pointer for thread ([0-9a-f]+)(?: \((.*)\))?: ([0-9a-f]+)$/;
const FRAME = /^ {2}([0-9a-f]+) ([A-Za-z_][\w.`$]*)(?:\+(0x[0-9a-f]+|\d+))?\(([^)]*)\)$/;
const CPU_ROW = /^ *(\d+) ([0-9a-f]+) +([0-9a-f]+) +(\d+) +(\d+) +(-?\d+) +(yes|no) +(yes|no) (t-\d+ *|-) +([0-9a-f]+) ?(.*)$/;
const RUNQ = /^[ A-Z|<+-]{28}(?:\|| ) *(\d+) ([0-9a-f]{16}) (.*)$/;

export function regexScan(text: string): { threads: number; frames: number; withArgs: number; cpus: number; queued: number } {
  const lines = text.split('\n');
  const r = { threads: 0, frames: 0, withArgs: 0, cpus: 0, queued: 0 };
  for (const l of lines) {
    let m: RegExpExecArray | null;
    if ((m = FRAME.exec(l)) !== null) {
      r.frames++;
      if (m[4]!.length > 0) r.withArgs++;
    }
    else if ((m = STACK_PTR.exec(l)) !== null) r.threads++;
    else if ((m = CPU_ROW.exec(l)) !== null) r.cpus++;
    else if ((m = RUNQ.exec(l)) !== null) r.queued++;
  }
  return r;
}

/** One analysis of the path `mode` (not the scan), timed; returns its wall time in ms and a check string. */
async function timePath(mode: Exclude<Mode, 'scan'>, api: typeof import('../src/analyze.ts'), file: string, text: string | null): Promise<{ ms: number; cpuMs: number; check: string; findings: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let a: import('../src/analysis.ts').Analysis;
  if (mode === 'stream') {
    // What `playfair analyze` does with a large file: read it in chunks, lean, stacks shared.
    const input = await readInputLines(file, { stdin: process.stdin }, { maxInput: Number.MAX_SAFE_INTEGER });
    if (!input.ok) throw new Error(input.message);
    a = await api.analyzeStream(input.batches, { source: file, lean: true, sharedStacks: true });
  } else if (mode === 'split' || mode === 'read' || mode === 'build') {
    a = api.analyzeText(text!, { source: file, ...(await stageOptions(mode)) });
  } else {
    a = api.analyzeText(text!, { source: file, lean: mode === 'lean' || mode === 'compact', sharedStacks: mode === 'compact' });
  }
  const ms = performance.now() - t0;
  return { ms, cpuMs: cpuMs(c0), check: `${a.accounting.lines} lines, ${a.accounting.parsed} parsed, ${a.snapshot.cpus.length} cpus, ${a.snapshot.threads.length} threads`, findings: a.findings.length };
}

/**
 * Full detail, stopped after a stage, through the options tests use to swap grammars and rules:
 * `split`, every grammar reads nothing (each line is split into its section, then unrecognized);
 * `read`, the grammars read every line and their records are dropped; `build`, the snapshot is
 * built and no rule runs. Timed one after another against the scan, they show what each stage
 * adds, and so how much of a ratio's budget is gone before the next one starts.
 */
async function stageOptions(stage: Stage): Promise<import('../src/analyze.ts').AnalyzeOptions> {
  if (stage === 'build') return { ruleSet: [] };
  const { GRAMMARS } = await import('../src/read/registry.ts');
  const grammars: Partial<Record<string, SectionParser>> = {};
  for (const [kind, read] of Object.entries(GRAMMARS)) {
    grammars[kind] = stage === 'split' ? () => emptyResult() : (lines, ctx) => ({ records: [], unrecognized: read(lines, ctx).unrecognized });
  }
  return { grammars, ruleSet: [] };
}

/** CPU time since `c0`, ms. */
function cpuMs(c0: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1000;
}

/** The first eighth of the file, cut at a line end, read on its own (a stream's peak must not hold it all). */
function warmSlice(file: string): string {
  const head = Buffer.alloc(Math.min(statSync(file).size >> 3, 8 << 20));
  const fd = openSync(file, 'r');
  readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const warm = head.toString('latin1');
  return warm.slice(0, warm.lastIndexOf('\n') + 1);
}

/**
 * `paired`: the scan and the path run alternately in this one process, `reps` times each (the
 * order swapped every repetition so drift from other load falls on both alike), and the ratio is
 * of their medians. Not paired: the path alone, for its peak memory.
 */
async function child(mode: Mode, file: string, reps: number, paired: boolean): Promise<ChildReport> {
  const api = mode === 'scan' ? null : ((await import(pathToFileURL(join(ROOT, 'src/analyze.ts')).href)) as typeof import('../src/analyze.ts'));
  const startRss = process.memoryUsage().rss;
  const times: number[] = [];
  const scanTimes: number[] = [];
  const cpuTimes: number[] = [];
  const scanCpuTimes: number[] = [];
  let check = '';
  let liveHeap: number | null = null;
  // Exposed for stream children only: what the result holds, as against what the GC let pile up.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const startHeap = process.memoryUsage().heapUsed;
  // Warm the JIT on a slice first, so the first measured repetition is not charged for compiling.
  const warm = warmSlice(file);
  const needText = mode !== 'stream' || paired;
  const text = needText ? readFileSync(file, 'utf8') : null;
  if (mode === 'scan' || paired) regexScan(warm);
  if (mode === 'split' || mode === 'read' || mode === 'build') api!.analyzeText(warm, await stageOptions(mode));
  else if (api !== null) api.analyzeText(warm, { lean: mode !== 'analyze', sharedStacks: mode === 'compact' || mode === 'stream' });
  // The scan is far shorter than a path: one scan samples a moment of the machine's load, the
  // path seconds of it. So a paired scan repeats until it has run about as long as the last path
  // (at most 20 times) and counts the mean, and both see the same stretch of load.
  let scanReps = 1;
  const scanOnce = () => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let s = regexScan(text!);
    for (let k = 1; k < scanReps; k++) s = regexScan(text!);
    scanTimes.push((performance.now() - t0) / scanReps);
    scanCpuTimes.push(cpuMs(c0) / scanReps);
    return `${s.cpus} cpus, ${s.threads} threads, ${s.frames} frames, ${s.queued} queued`;
  };
  for (let i = 0; i < reps; i++) {
    if (mode === 'scan') {
      check = scanOnce();
      times.push(scanTimes[scanTimes.length - 1]!);
      cpuTimes.push(scanCpuTimes[scanCpuTimes.length - 1]!);
      continue;
    }
    if (paired && i % 2 === 0) scanOnce();
    const r = await timePath(mode, api!, file, text);
    if (paired) scanReps = Math.max(1, Math.min(20, Math.round(r.ms / Math.max(1, median(scanTimes.length > 0 ? scanTimes : [r.ms])))));
    times.push(r.ms);
    cpuTimes.push(r.cpuMs);
    check = r.check;
    if (paired && i % 2 === 1) scanOnce();
    if (gc !== undefined && mode === 'stream' && i === reps - 1) {
      gc();
      liveHeap = process.memoryUsage().heapUsed - startHeap;
      check += ` (${r.findings} findings)`;
    }
  }
  return { mode, bytes: statSync(file).size, times, scanTimes: paired ? scanTimes : null, cpuTimes, scanCpuTimes: paired ? scanCpuTimes : null, maxRss: process.resourceUsage().maxRSS * 1024, startRss, check, liveHeap };
}

function runChild(mode: Mode, file: string, reps: number, heapMb: number, paired = false): Promise<ChildReport> {
  const flags = [`--max-old-space-size=${heapMb}`, ...(mode === 'stream' && !paired && reps === 1 ? ['--expose-gc'] : [])];
  return runJsonChild<ChildReport>(`ingest child (${mode}${paired ? ', paired' : ''})`, SELF, ['--child', mode, file, String(reps), paired ? 'paired' : 'alone'], ROOT, flags);
}

/** The paths timed against the scan, each with the ratio it should reach (issue 15). */
export const PATHS = [
  { mode: 'analyze', goal: 0.5, label: 'analyzeText, full detail' },
  { mode: 'lean', goal: 0.5, label: 'analyzeText, lean' },
  { mode: 'compact', goal: 0.5, label: 'analyzeText, lean + shared stacks, text in memory' },
  { mode: 'stream', goal: 0.75, label: 'analyze --stream, reading the file included' },
] as const satisfies readonly { mode: Exclude<Mode, 'scan'>; goal: number; label: string }[];

/** Full detail cut after each stage (stageOptions), timed like the paths; no goal of their own. */
export const STAGES = [
  { mode: 'split', label: 'full detail, the split into sections only' },
  { mode: 'read', label: 'full detail, split and grammars (records dropped)' },
  { mode: 'build', label: 'full detail, split, grammars and snapshot (no rules)' },
] as const satisfies readonly { mode: Stage; label: string }[];

export interface IngestFigures {
  bytes: number;
  /** One paired child per path: its times and the scan's, alternating, in the same process. */
  paired: ChildReport[];
  /** Peak memory of a full-detail analyzeText, alone; null when not measured. */
  memory: ChildReport | null;
  /** Peak memory of a lean analyzeText, alone. */
  leanMemory: ChildReport | null;
  /** Peak memory of the stream path, alone (read in chunks, the text never whole). */
  streamMemory: ChildReport | null;
  /** The scan alone: its peak memory, the baseline of the memory rows. */
  scanMemory: ChildReport | null;
  /** Full runs: streaming the same transcript four times over (the same threads, 4x the text). */
  streamRepeated: ChildReport | null;
}

export interface MeasureOptions {
  bytes: number;
  reps: number;
  /** Also run the memory children (each path alone, once). */
  memory: boolean;
  /** The paths to time (default all); quick runs leave out lean, which full detail brackets. */
  paths?: readonly Exclude<Mode, 'scan' | Stage>[];
  /** Also time full detail stopped after each stage (STAGES); default false. */
  stages?: boolean;
  /** Also stream the transcript four times over (full runs). */
  repeated: boolean;
  log?: (s: string) => void;
}

/** Generates the input, then measures. */
export async function measureIngest(o: MeasureOptions): Promise<IngestFigures> {
  const log = o.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'playfair-bench-'));
  try {
    const file = join(dir, 'transcript.txt');
    const n = await writeTranscript(file, o.bytes, 1532);
    log(`ingest: generated ${(n / MiB).toFixed(1)} MiB`);
    const heap = Math.max(2048, Math.ceil((n / MiB) * 16));
    // Memory first, in children that read and analyse once and do nothing else.
    const memory = o.memory ? await runChild('analyze', file, 1, heap) : null;
    const want = (m: Exclude<Mode, 'scan' | Stage>) => o.paths === undefined || o.paths.includes(m);
    const leanMemory = o.memory && want('lean') ? await runChild('lean', file, 1, heap) : null;
    const streamMemory = o.memory ? await runChild('stream', file, 1, heap) : null;
    const scanMemory = o.memory ? await runChild('scan', file, 1, heap) : null;
    // Memory should follow the threads, not the text: four copies of the dump add no thread.
    let streamRepeated: ChildReport | null = null;
    if (o.repeated) {
      const four = join(dir, 'transcript-4x.txt');
      const text = readFileSync(file);
      writeFileSync(four, Buffer.concat([text, text, text, text]));
      streamRepeated = await runChild('stream', four, 1, heap * 4);
      rmSync(four);
    }
    const paired: ChildReport[] = [];
    for (const p of PATHS) {
      if (!want(p.mode)) continue;
      paired.push(await runChild(p.mode, file, o.reps, heap, true));
      log(`ingest: ${p.mode}: ${paired[paired.length - 1]!.check}`);
    }
    for (const st of o.stages === true ? STAGES : []) {
      paired.push(await runChild(st.mode, file, o.reps, heap, true));
      log(`ingest: ${st.mode}: ${paired[paired.length - 1]!.check}`);
    }
    return { bytes: n, paired, memory, leanMemory, streamMemory, scanMemory, streamRepeated };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Streams a generated file of `bytes` through analyzeStream in a child; returns its report. */
export async function measureStream(bytes: number, log: (s: string) => void = () => undefined): Promise<ChildReport> {
  const dir = mkdtempSync(join(tmpdir(), 'playfair-bench-'));
  try {
    const file = join(dir, 'transcript.txt');
    const n = await writeTranscript(file, bytes, 1532);
    log(`ingest: generated ${(n / MiB).toFixed(0)} MiB for streaming`);
    return await runChild('stream', file, 1, Math.max(4096, Math.ceil((n / MiB) * 12)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes `bytes` of short prose lines (`idle 123`, ~9 bytes each): the worst case for a store of kept lines. */
function writeProse(file: string, bytes: number): number {
  const words = ['the', 'cpu', 'was', 'idle', 'and', 'then', 'busy', 'again'];
  const fd = openSync(file, 'w');
  let total = 0;
  let i = 0;
  try {
    while (total < bytes) {
      const batch: string[] = [];
      for (let k = 0; k < 100_000 && total < bytes; k++, i++) {
        const l = `${words[i % words.length]!} ${i % 1000}\n`;
        batch.push(l);
        total += l.length;
      }
      writeSync(fd, batch.join(''));
    }
  } finally {
    closeSync(fd);
  }
  return total;
}

/** The SIZE after `flag` in bytes, or null after printing how to give it. */
async function sizeArg(flag: string, size: string | undefined, example: string): Promise<number | null> {
  const { parseByteSize } = await import('../src/input/index.ts');
  const bytes = parseByteSize(size ?? '');
  if (bytes === null) process.stderr.write(`usage: tsx bench/ingest.ts ${flag} SIZE (e.g. ${example})\n`);
  return bytes;
}

/** `tsx bench/ingest.ts --prose 256M`: streams that much of short prose lines, every one kept (issue 13). */
async function proseMain(size: string | undefined): Promise<number> {
  const bytes = await sizeArg('--prose', size, '256M');
  if (bytes === null) return 2;
  const dir = mkdtempSync(join(tmpdir(), 'playfair-bench-'));
  try {
    const file = join(dir, 'prose.txt');
    const n = writeProse(file, bytes);
    const r = await runChild('stream', file, 1, Math.max(4096, Math.ceil((n / MiB) * 8)));
    const mib = (x: number) => (x / MiB).toFixed(0);
    process.stdout.write(
      `analyze --stream of ${mib(n)} MiB of short prose lines: ${(r.times[0]! / 1000).toFixed(1)} s, peak RSS ${mib(r.maxRss)} MiB ` +
        `(${mib(r.startRss)} MiB at start)${r.liveHeap === null ? '' : `, ${mib(r.liveHeap)} MiB of heap held after a full GC`}; ${r.check}\n`,
    );
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Heap held by the result after a full GC: the 4x dump against the dump once. */
function liveRow(once: ChildReport, four: ChildReport): BenchRow[] {
  if (once.liveHeap === null || four.liveHeap === null) return [];
  const m = (b: number) => b / MiB;
  return [{ name: `ingest: --stream heap held after a full GC, the dump 4x over (same threads)`, value: m(four.liveHeap), unit: 'MiB', baseline: m(once.liveHeap), ratio: four.liveHeap / Math.max(1, once.liveHeap) }];
}

export function rowsOf(f: IngestFigures): BenchRow[] {
  const size = `${Math.round(f.bytes / MiB)} MiB`;
  const mbps = (ms: number) => f.bytes / MiB / (ms / 1000);
  const rows: BenchRow[] = [];
  for (const r of f.paired) {
    const p: { label: string; goal?: number } = [...PATHS, ...STAGES].find((x) => x.mode === r.mode)!;
    const path = median(r.times);
    const scan = median(r.scanTimes ?? []);
    // Throughputs: higher is better, so the ratio is the scan's time over the path's.
    rows.push({ name: `ingest: ${p.label} (${size}, ${r.times.length} paired runs)`, value: mbps(path), unit: 'MiB/s', baseline: mbps(scan), ratio: scan / path, goal: p.goal ?? null });
    // The same by CPU time: on a loaded machine a steadier figure than wall time (no goal: GC threads count too).
    const cpu = median(r.cpuTimes);
    const scanCpu = median(r.scanCpuTimes ?? []);
    rows.push({ name: `ingest: ${p.label}, by CPU time (${size})`, value: mbps(cpu), unit: 'MiB/cpu-s', baseline: mbps(scanCpu), ratio: scanCpu / cpu });
  }
  const scan = f.scanMemory;
  if (scan === null) return rows;
  const above = (r: ChildReport) => (r.maxRss - r.startRss) / f.bytes;
  const mem = (label: string, r: ChildReport | null): BenchRow[] =>
    r === null
      ? []
      : [
          { name: `ingest: peak RSS / input size, ${label} (${size})`, value: r.maxRss / f.bytes, unit: 'x', baseline: scan.maxRss / f.bytes, ratio: r.maxRss / scan.maxRss },
          { name: `ingest: peak RSS above start-up / input size, ${label} (${size})`, value: above(r), unit: 'x', baseline: above(scan), ratio: above(r) / Math.max(1e-9, above(scan)) },
        ];
  rows.push(...mem('full detail', f.memory), ...mem('lean', f.leanMemory), ...mem('--stream', f.streamMemory));
  if (f.streamRepeated !== null && f.streamMemory !== null) {
    const mib = (r: ChildReport) => (r.maxRss - r.startRss) / MiB;
    rows.push(
      { name: `ingest: --stream peak RSS above start-up, the dump 4x over (${Math.round(f.streamRepeated.bytes / MiB)} MiB, same threads)`, value: mib(f.streamRepeated), unit: 'MiB', baseline: mib(f.streamMemory), ratio: mib(f.streamRepeated) / Math.max(1e-9, mib(f.streamMemory)) },
      ...liveRow(f.streamMemory, f.streamRepeated),
    );
  }
  return rows;
}

/** Quick: 16 MiB (large enough that JIT warm-up is not the figure), 5 paired runs (3 left medians 0.03 apart run to run), no lean path, no stages, no 4x stream. */
export const run: BenchModule = async ({ quick }) => {
  const log = (s: string) => process.stderr.write(s + '\n');
  const paths = quick ? (['analyze', 'compact', 'stream'] as const) : undefined;
  const f = await measureIngest({ bytes: quick ? 16 * MiB : 64 * MiB, reps: quick ? 5 : 7, memory: true, repeated: !quick, stages: !quick, paths, log });
  return rowsOf(f);
};

async function childMain(argv: string[]): Promise<void> {
  const [mode, file, reps, paired] = argv;
  const r = await child(mode as Mode, file!, Number(reps), paired === 'paired');
  process.stdout.write(JSON.stringify(r) + '\n');
}

/** `tsx bench/ingest.ts --stream 1G`: the bounded-memory figure for a streamed input of that size. */
async function streamMain(size: string | undefined): Promise<number> {
  const bytes = await sizeArg('--stream', size, '1G');
  if (bytes === null) return 2;
  const r = await measureStream(bytes, (s) => process.stderr.write(s + '\n'));
  const mib = (n: number) => (n / MiB).toFixed(0);
  process.stdout.write(
    `analyze --stream (lean, shared stacks) of ${mib(r.bytes)} MiB: ${(r.times[0]! / 1000).toFixed(1)} s, ` +
      `${(r.bytes / MiB / (r.times[0]! / 1000)).toFixed(2)} MiB/s, peak RSS ${mib(r.maxRss)} MiB ` +
      `(${mib(r.startRss)} MiB at start; ${((r.maxRss - r.startRss) / r.bytes).toFixed(3)}x the input above start)` +
      `${r.liveHeap === null ? '' : `, ${mib(r.liveHeap)} MiB held after a full GC`}; ${r.check}\n`,
  );
  return 0;
}

/** `tsx bench/ingest.ts --stages 16M`: full detail and each stage of it against the scan, without the rest of the bench. */
async function stagesMain(size: string | undefined): Promise<number> {
  const bytes = await sizeArg('--stages', size, '16M');
  if (bytes === null) return 2;
  const log = (s: string) => process.stderr.write(s + '\n');
  const f = await measureIngest({ bytes, reps: 5, memory: false, repeated: false, paths: ['analyze'], stages: true, log });
  for (const r of rowsOf(f)) process.stdout.write(`${r.ratio!.toFixed(3)}x  ${r.value.toFixed(1)} ${r.unit} (scan ${r.baseline!.toFixed(1)})  ${r.name}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === '--child') await childMain(process.argv.slice(3));
  else if (process.argv[2] === '--stream') process.exitCode = await streamMain(process.argv[3]);
  else if (process.argv[2] === '--prose') process.exitCode = await proseMain(process.argv[3]);
  else if (process.argv[2] === '--stages') process.exitCode = await stagesMain(process.argv[3]);
}
