// Output benchmark: `analyze FILE --format F` as a user runs it below the stream threshold (full
// detail, then the report written piece by piece), for every format, against the ingest bench's
// regex scan of the same text in the same child. The report goes to a sink that only counts, so
// the figure is the rendering, not the terminal or the disk.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchRow } from './types.ts';
import { runJsonChild } from './child.ts';
import { writeTranscript } from './gen/write.ts';
import { median, regexScan } from './ingest.ts';

const MiB = 1024 * 1024;
const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The formats `analyze` writes, as its flags spell them (issue 15: each at >= 0.5x the scan). */
export const FORMATS = [
  { id: 'text', format: 'text', compact: false },
  { id: 'json', format: 'json', compact: false },
  { id: 'json --compact', format: 'json', compact: true },
  { id: 'markdown', format: 'markdown', compact: false },
  { id: 'sarif', format: 'sarif', compact: false },
] as const;

export interface FormatTimes {
  id: string;
  /** Wall time of the render of each repetition, ms. */
  render: number[];
  /** Characters written (the same every repetition). */
  chars: number;
}

export interface OutputReport {
  bytes: number;
  /** Wall time of the analysis of each repetition, ms (full detail, as `analyze FILE` below 64 MiB). */
  analyze: number[];
  /** The scan's wall time, measured between the repetitions. */
  scan: number[];
  formats: FormatTimes[];
  check: string;
}

type Api = typeof import('../src/analyze.ts');
type Cli = typeof import('../src/cli/analyze.ts');

interface Modules {
  cli: Cli;
  sink: typeof import('../src/report/sink.ts');
  known: typeof import('../src/triage/known-refs.ts');
}

/** Renders `a` in `f` as the CLI does into a pipe (known issues matched, no terminal width), into a sink that counts; returns the characters written. */
async function render(m: Modules, a: import('../src/analysis.ts').Analysis, f: (typeof FORMATS)[number]): Promise<number> {
  let chars = 0;
  const extras = { known: m.known.knownIssueRefs(a) };
  await m.sink.pump(m.cli.reportPieces(a, f.format, undefined, extras, f.compact), { write: (s: string) => (chars += s.length) });
  return chars;
}

async function child(file: string, reps: number): Promise<OutputReport> {
  const api = (await import(pathToFileURL(join(ROOT, 'src/analyze.ts')).href)) as Api;
  const load = async <T>(path: string) => (await import(pathToFileURL(join(ROOT, path)).href)) as T;
  const m: Modules = { cli: await load<Cli>('src/cli/analyze.ts'), sink: await load<Modules['sink']>('src/report/sink.ts'), known: await load<Modules['known']>('src/triage/known-refs.ts') };
  const text = readFileSync(file, 'utf8');
  // Warm the JIT on the first eighth, every format once, so the first repetition is not charged for compiling.
  const warmText = text.slice(0, text.lastIndexOf('\n', text.length >> 3) + 1);
  const warm = api.analyzeText(warmText, { source: file });
  for (const f of FORMATS) await render(m, warm, f);
  regexScan(warmText);
  const out: OutputReport = { bytes: statSync(file).size, analyze: [], scan: [], formats: FORMATS.map((f) => ({ id: f.id, render: [], chars: 0 })), check: '' };
  const scanOnce = () => {
    const t0 = performance.now();
    const s = regexScan(text);
    out.scan.push(performance.now() - t0);
    return s;
  };
  for (let i = 0; i < reps; i++) {
    // The scan before and after alternately, so drift from other load falls on both alike.
    if (i % 2 === 0) scanOnce();
    const t0 = performance.now();
    const a = api.analyzeText(text, { source: file });
    out.analyze.push(performance.now() - t0);
    out.check = `${a.snapshot.threads.length} threads, ${a.findings.length} findings`;
    for (const [k, f] of FORMATS.entries()) {
      const r0 = performance.now();
      const chars = await render(m, a, f);
      out.formats[k]!.render.push(performance.now() - r0);
      out.formats[k]!.chars = chars;
    }
    if (i % 2 === 1) scanOnce();
  }
  return out;
}

export function measureOutput(file: string, reps: number): Promise<OutputReport> {
  const heap = Math.max(2048, Math.ceil((statSync(file).size / MiB) * 16));
  return runJsonChild<OutputReport>('output child', SELF, ['--child', file, String(reps)], ROOT, [`--max-old-space-size=${heap}`]);
}

/**
 * One row per format: the input's MiB over the median of (analysis + render) of each repetition,
 * against the scan's MiB/s; the render alone is in the name, and so is the size of what it wrote.
 */
export function outputRows(r: OutputReport): BenchRow[] {
  const size = `${Math.round(r.bytes / MiB)} MiB`;
  const mbps = (ms: number) => r.bytes / MiB / (ms / 1000);
  const scan = median(r.scan);
  return r.formats.map((f) => {
    const whole = median(f.render.map((ms, i) => ms + r.analyze[i]!));
    const written = `${(f.chars / MiB).toFixed(1)} MiB written, render alone ${median(f.render).toFixed(0)} ms`;
    return { name: `output: analyze --format ${f.id}, full detail (${size}, ${f.render.length} paired runs; ${written})`, value: mbps(whole), unit: 'MiB/s', baseline: mbps(scan), ratio: scan / whole, goal: 0.5 };
  });
}

/** Quick: 16 MiB, 5 repetitions (as the ingest bench); full: 64 MiB, 7. */
export const run: BenchModule = async ({ quick }) => {
  const dir = mkdtempSync(join(tmpdir(), 'playfair-bench-'));
  try {
    const file = join(dir, 'transcript.txt');
    await writeTranscript(file, quick ? 16 * MiB : 64 * MiB, 1532);
    return outputRows(await measureOutput(file, quick ? 5 : 7));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2] === '--child') {
  const r = await child(process.argv[3]!, Number(process.argv[4]));
  process.stdout.write(JSON.stringify(r) + '\n');
}
