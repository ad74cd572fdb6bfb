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

const MiB = 1024 * 1024;
const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** analyze: analyzeText; lean: analyzeText with lean; compact: analyzeText lean with shared stacks; scan: the regex baseline; stream: what `analyze --stream` runs (readInputLines + analyzeStream, lean, shared stacks). */
type Mode = 'analyze' | 'lean' | 'compact' | 'scan' | 'stream';

interface ChildReport {
  mode: Mode;
  bytes: number;
  /** Wall time of each repetition, ms. */
  times: number[];
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

async function child(mode: Mode, file: string, reps: number): Promise<ChildReport> {
  const api = mode === 'scan' ? null : ((await import(pathToFileURL(join(ROOT, 'src/analyze.ts')).href)) as typeof import('../src/analyze.ts'));
  const startRss = process.memoryUsage().rss;
  const times: number[] = [];
  let check = '';
  let liveHeap: number | null = null;
  // Exposed for stream children only: what the result holds, as against what the GC let pile up.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const startHeap = process.memoryUsage().heapUsed;
  if (mode === 'stream') {
    // What `playfair analyze` does with a large file: read it in chunks, lean, stacks shared.
    const { analyzeStream, analyzeText } = api!;
    // Warm the JIT on the first eighth of the file (read on its own: the peak must not hold it all).
    const head = Buffer.alloc(Math.min(statSync(file).size >> 3, 8 << 20));
    const fd = openSync(file, 'r');
    readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    const warm = head.toString('latin1');
    analyzeText(warm.slice(0, warm.lastIndexOf('\n') + 1), { lean: true, sharedStacks: true });
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      const input = await readInputLines(file, { stdin: process.stdin }, { maxInput: Number.MAX_SAFE_INTEGER });
      if (!input.ok) throw new Error(input.message);
      const a = await analyzeStream(input.batches, { source: file, lean: true, sharedStacks: true });
      times.push(performance.now() - t0);
      check = `${a.accounting.lines} lines, ${a.accounting.parsed} parsed, ${a.snapshot.cpus.length} cpus, ${a.snapshot.threads.length} threads`;
      if (gc !== undefined && i === reps - 1) {
        gc();
        liveHeap = process.memoryUsage().heapUsed - startHeap;
        check += ` (${a.findings.length} findings)`; // keeps the result alive past the measurement
      }
    }
  } else {
    const opts = { lean: mode === 'lean' || mode === 'compact', sharedStacks: mode === 'compact' };
    const analyzeText = api?.analyzeText ?? null;
    const text = readFileSync(file, 'utf8');
    // Warm the JIT on a slice first, so the first measured repetition is not charged for compiling.
    const warm = text.slice(0, text.indexOf('\n', Math.min(text.length - 1, text.length >> 3)) + 1);
    if (analyzeText) analyzeText(warm, { source: file, ...opts });
    else regexScan(warm);
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      if (analyzeText) {
        const a = analyzeText(text, { source: file, ...opts });
        times.push(performance.now() - t0);
        check = `${a.accounting.lines} lines, ${a.accounting.parsed} parsed, ${a.snapshot.cpus.length} cpus, ${a.snapshot.threads.length} threads`;
      } else {
        const s = regexScan(text);
        times.push(performance.now() - t0);
        check = `${s.cpus} cpus, ${s.threads} threads, ${s.frames} frames, ${s.queued} queued`;
      }
    }
  }
  return { mode, bytes: statSync(file).size, times, maxRss: process.resourceUsage().maxRSS * 1024, startRss, check, liveHeap };
}

function runChild(mode: Mode, file: string, reps: number, heapMb: number): Promise<ChildReport> {
  const flags = [`--max-old-space-size=${heapMb}`, ...(mode === 'stream' && reps === 1 ? ['--expose-gc'] : [])];
  return runJsonChild<ChildReport>(`ingest child (${mode})`, SELF, ['--child', mode, file, String(reps)], ROOT, flags);
}

export interface IngestFigures {
  bytes: number;
  analyze: ChildReport;
  scan: ChildReport;
  memory: ChildReport;
  /** Peak memory of a lean analyzeText (full runs only). */
  leanMemory: ChildReport | null;
  /** The CLI's path for large files (analyzeStream, lean, shared stacks): timing. */
  stream: ChildReport;
  /** The same work on the text already in memory, as the scan has it. */
  compact: ChildReport;
  /** Its peak memory, from a child that streams once (full runs), else the timing child's. */
  streamMemory: ChildReport;
  /** Full runs: streaming the same transcript four times over (the same threads, 4x the text). */
  streamRepeated: ChildReport | null;
}

/** Generates the input, then measures; `log` gets progress. */
export async function measureIngest(bytes: number, reps: number, log: (s: string) => void = () => undefined, separateMemoryRun = true): Promise<IngestFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'playfair-bench-'));
  try {
    const file = join(dir, 'transcript.txt');
    const n = await writeTranscript(file, bytes, 1532);
    log(`ingest: generated ${(n / MiB).toFixed(1)} MiB`);
    const heap = Math.max(2048, Math.ceil((n / MiB) * 16));
    // Memory first, in a child that reads and analyses once and does nothing else.
    const memory = separateMemoryRun ? await runChild('analyze', file, 1, heap) : null;
    const leanMemory = separateMemoryRun ? await runChild('lean', file, 1, heap) : null;
    const streamMemory = separateMemoryRun ? await runChild('stream', file, 1, heap) : null;
    // Memory should follow the threads, not the text: four copies of the dump add no thread.
    let streamRepeated: ChildReport | null = null;
    if (separateMemoryRun) {
      const four = join(dir, 'transcript-4x.txt');
      const text = readFileSync(file);
      writeFileSync(four, Buffer.concat([text, text, text, text]));
      streamRepeated = await runChild('stream', four, 1, heap * 4);
      rmSync(four);
    }
    const scan = await runChild('scan', file, reps, heap);
    const analyze = await runChild('analyze', file, reps, heap);
    const stream = await runChild('stream', file, reps, heap);
    const compact = await runChild('compact', file, reps, heap);
    return { bytes: n, analyze, scan, memory: memory ?? analyze, leanMemory, stream, compact, streamMemory: streamMemory ?? stream, streamRepeated };
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

/** `tsx bench/ingest.ts --prose 256M`: streams that much of short prose lines, every one kept (issue 13). */
async function proseMain(size: string | undefined): Promise<number> {
  const { parseByteSize } = await import('../src/input/index.ts');
  const bytes = parseByteSize(size ?? '');
  if (bytes === null) {
    process.stderr.write('usage: tsx bench/ingest.ts --prose SIZE (e.g. 256M)\n');
    return 2;
  }
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
  const mbps = (r: ChildReport) => r.bytes / MiB / (median(r.times) / 1000);
  const a = mbps(f.analyze);
  const s = mbps(f.scan);
  const memX = f.memory.maxRss / f.bytes;
  const scanX = f.scan.maxRss / f.bytes;
  const size = `${Math.round(f.bytes / MiB)} MiB`;
  const above = (r: ChildReport) => (r.maxRss - r.startRss) / f.bytes;
  const lean: BenchRow[] =
    f.leanMemory === null
      ? []
      : [{ name: `ingest: peak RSS above start-up / input size, lean (${size})`, value: above(f.leanMemory), unit: 'x', baseline: above(f.scan), ratio: above(f.leanMemory) / above(f.scan) }];
  const st = mbps(f.stream);
  const mib = (r: ChildReport) => (r.maxRss - r.startRss) / MiB;
  const repeated: BenchRow[] =
    f.streamRepeated === null
      ? []
      : [
          { name: `ingest: --stream peak RSS above start-up, the dump 4x over (${Math.round(f.streamRepeated.bytes / MiB)} MiB, same threads)`, value: mib(f.streamRepeated), unit: 'MiB', baseline: mib(f.streamMemory), ratio: mib(f.streamRepeated) / Math.max(1e-9, mib(f.streamMemory)) },
          ...liveRow(f.streamMemory, f.streamRepeated),
        ];
  const streamX = f.streamMemory.maxRss / f.bytes;
  return [
    { name: `ingest: analyzeText throughput, full detail (${size})`, value: a, unit: 'MiB/s', baseline: s, ratio: a / s },
    { name: `ingest: analyze --stream throughput, reading the file included (${size})`, value: st, unit: 'MiB/s', baseline: s, ratio: st / s },
    { name: `ingest: analyzeText lean + shared stacks, text in memory (${size})`, value: mbps(f.compact), unit: 'MiB/s', baseline: s, ratio: mbps(f.compact) / s },
    { name: `ingest: peak RSS / input size, --stream (${size})`, value: streamX, unit: 'x', baseline: scanX, ratio: streamX / scanX },
    { name: `ingest: peak RSS above start-up / input size, --stream (${size})`, value: above(f.streamMemory), unit: 'x', baseline: above(f.scan), ratio: above(f.streamMemory) / Math.max(1e-9, above(f.scan)) },
    { name: `ingest: peak RSS / input size (${size})`, value: memX, unit: 'x', baseline: scanX, ratio: memX / scanX },
    {
      name: `ingest: peak RSS above start-up / input size (${size})`,
      value: (f.memory.maxRss - f.memory.startRss) / f.bytes,
      unit: 'x',
      baseline: (f.scan.maxRss - f.scan.startRss) / f.bytes,
      ratio: (f.memory.maxRss - f.memory.startRss) / Math.max(1, f.scan.maxRss - f.scan.startRss),
    },
    ...lean,
    ...repeated,
  ];
}

export const run: BenchModule = async ({ quick }) => {
  const log = (s: string) => process.stderr.write(s + '\n');
  // Quick: a smaller input, and peak memory taken from the timing child (one child fewer).
  const f = await measureIngest(quick ? 2 * MiB : 64 * MiB, quick ? 3 : 5, log, !quick);
  log(`ingest: analyze ${f.analyze.check}; stream ${f.stream.check}; scan ${f.scan.check}`);
  return rowsOf(f);
};

async function childMain(argv: string[]): Promise<void> {
  const [mode, file, reps] = argv;
  const r = await child(mode as Mode, file!, Number(reps));
  process.stdout.write(JSON.stringify(r) + '\n');
}

/** `tsx bench/ingest.ts --stream 1G`: the bounded-memory figure for a streamed input of that size. */
async function streamMain(size: string | undefined): Promise<number> {
  const { parseByteSize } = await import('../src/input/index.ts');
  const bytes = parseByteSize(size ?? '');
  if (bytes === null) {
    process.stderr.write('usage: tsx bench/ingest.ts --stream SIZE (e.g. 1G)\n');
    return 2;
  }
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === '--child') await childMain(process.argv.slice(3));
  else if (process.argv[2] === '--stream') process.exitCode = await streamMain(process.argv[3]);
  else if (process.argv[2] === '--prose') process.exitCode = await proseMain(process.argv[3]);
}
