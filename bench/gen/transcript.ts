// Large, realistic mdb transcripts for benchmarks and scale tests:
// `::status`, `::cpuinfo -v` over many CPUs, then `::walk thread | ::findstack -v` over many threads,
// byte-exact to the formats in the reference (amd64, W = 16). Deterministic for a seed.
import { cpuFlagNames } from '../../illumos/index.ts';
import { rng, type Rng } from './rng.ts';
import { SHAPE_WEIGHTS, type StackShape } from './stacks.ts';

export interface TranscriptOptions {
  /** Stop after the first thread block that reaches this many bytes (the output is ASCII). */
  bytes: number;
  seed?: number;
  /** CPU count; default grows with size (16 to 256). */
  cpus?: number;
  /** Pre-2018 mdb: no thread descriptions in `stack pointer for thread` lines. */
  legacy?: boolean;
}

const W = 16;
const CHUNK = 1 << 16;

/** The transcript in pieces of about 64 KiB, each ending at a line end; for inputs too big to hold. */
export function* transcriptChunks(opts: TranscriptOptions): Generator<string> {
  const r = rng(opts.seed ?? 1532);
  const cpus = opts.cpus ?? Math.max(16, Math.min(256, 2 ** Math.round(Math.log2(opts.bytes / 200_000 + 1)) * 4));
  // Run queues name threads that the walk prints later; keep them among the first few thousand.
  const pool = Math.max(64, Math.min(4096, Math.floor(opts.bytes / 600)));
  let buf = statusSection(r, cpus) + cpuinfoSection(r, cpus, pool) + '> ::walk thread | ::findstack -v\n';
  let written = 0;
  for (let i = 0; written + buf.length < opts.bytes; i++) {
    buf += threadBlock(r, i, !!opts.legacy);
    if (buf.length >= CHUNK) {
      written += buf.length;
      yield buf;
      buf = '';
    }
  }
  buf += '> \n';
  yield buf;
}

export function generateTranscript(opts: TranscriptOptions): string {
  let s = '';
  for (const c of transcriptChunks(opts)) s += c;
  return s;
}

export function threadAddr(i: number): string {
  // Kernel threads live in segkp at a fixed stride; user threads are scattered kmem allocations.
  if (i % 3 !== 2) return hex(0xffffff0007e01c40n + BigInt(i) * 0x6000n);
  // An odd multiplier permutes 32-bit values, so addresses stay unique for any realistic count.
  return hex(0xfffffe1000000000n + BigInt(Math.imul(i, 0x9e3779b1) >>> 0) * 0x40n + 0xc0n);
}

function hex(n: bigint): string {
  return n.toString(16).padStart(W, '0');
}

function randAddr(r: Rng): string {
  return 'ffffff0' + (0x100000000 + r.int(0, 0x0fffffff) * 16).toString(16).padStart(9, '0');
}

function statusSection(r: Rng, cpus: number): string {
  const host = r.pick(['headnode', 'cn-07', 'build-zone', 'omnios-r151046']);
  return (
    'Generated transcript (benchmark input); the dump below is synthetic.\n' +
    `The machine has ${cpus} CPUs.\n\n` +
    '> ::status\n' +
    `debugging crash dump vmcore.${r.int(0, 9)} (64-bit) from ${host}\n` +
    'operating system: 5.11 joyent_20240101T000000Z (i86pc)\n' +
    'image uuid: (not set)\npanic message: forced crash dump initiated at user request\n' +
    'dump content: kernel pages only\n'
  );
}

const HEADER = ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC';
const MARGIN = 3 + W + 9;

function cpuinfoSection(r: Rng, cpus: number, pool: number): string {
  let out = '> ::cpuinfo -v\n';
  for (let id = 0; id < cpus; id++) out += cpuBlock(r, id, pool);
  return out;
}

function cpuBlock(r: Rng, id: number, pool: number): string {
  const addr = id === 0 ? 'fffffffffbc486e0' : hex(0xffffff01d3e32580n + BigInt(id) * 0x3000n);
  const flags = r.weighted([
    [90, 0x1b],
    [6, 0x1f],
    [2, 0x3a], // OFFLINE, not RUNNING
    [2, 0x19], // not READY
  ] as const);
  const idle = (flags & 0x20) !== 0 || r.chance(0.4);
  const nrun = idle ? 0 : r.weighted([
    [40, 0],
    [30, 1],
    [15, 2],
    [10, r.int(3, 6)],
    [5, r.int(7, 20)],
  ] as const);
  const threadIdx = r.int(0, pool - 1);
  const thread = idle ? hex(0xfffffc0000000c20n + BigInt(id) * 0x1000n) : threadAddr(threadIdx);
  const proc = idle ? '(idle)' : r.pick(['sched', 'qemu-system-x86_', 'java', 'node', 'postgres', 'zpool-zones']);
  const pri = idle ? -1 : r.pick([59, 60, 99, 29, 1, 0, 109]);
  const runrun = !idle && r.chance(0.2);
  const kprunrun = runrun && r.chance(0.3);
  const sw = r.chance(0.02) ? '-' : 't-' + String(r.chance(0.05) ? r.int(1000, 9_000_000) : r.int(0, 300)).padEnd(4);
  let out =
    HEADER +
    '\n' +
    `${pad(id, 3)} ${addr} ${pad(flags.toString(16), 3)} ${pad(nrun, 4)} ${pad(0, 4)} ${pad(pri, 3)} ${pad(runrun ? 'yes' : 'no', 4)} ${pad(kprunrun ? 'yes' : 'no', 5)} ${sw.padEnd(6)} ${thread} ${proc}\n`;

  // Content column: PIL block (sometimes), then run queue (when NRUN > 0).
  const content: string[] = [];
  const pils = !idle && r.chance(0.08) ? r.int(1, 2) : 0;
  const conn = nrun > 0 ? '|' : ' ';
  if (pils > 0) {
    content.push(`${conn}    |`, `${conn}    +--> PIL THREAD`);
    let pil = r.int(9, 14);
    for (let k = 0; k < pils; k++, pil -= r.int(1, 3)) content.push(`${conn}         ${pad(Math.max(pil, 1), 3)} ${hex(0xfffffc0000100c40n + BigInt(id * 16 + k) * 0x1000n)}`);
    content.push(`${conn}           - ${threadAddr(r.int(0, pool - 1))} ${r.pick(['sched', '(idle)', 'java'])}`);
  }
  if (nrun > 0) {
    content.push('|', '+-->  PRI THREAD           PROC');
    const pris: number[] = [];
    for (let k = 0; k < nrun; k++) pris.push(r.pick([99, 99, 98, 60, 60, 59, 59, 58, 40, 29, 0]));
    pris.sort((a, b) => b - a);
    for (const p of pris) content.push(`      ${pad(p, 3)} ${threadAddr(r.int(0, pool - 1))} ${p >= 60 && p < 100 ? 'sched' : r.pick(['java', 'node', 'qemu-system-x86_', 'postgres'])}`);
  }

  const margin: string[] = [' '.repeat(3 + W + 4) + '|'];
  let first = true;
  for (const name of cpuFlagNames(flags)) {
    margin.push(pad(name, 3 + W) + (first ? ' <--+' : ''));
    first = false;
  }
  const n = Math.max(margin.length, content.length);
  for (let k = 0; k < n; k++) {
    const m = (margin[k] ?? '').padEnd(MARGIN);
    out += m + (content[k] ?? '') + '\n';
  }
  return out + '\n';
}

function threadBlock(r: Rng, i: number, legacy: boolean): string {
  const addr = threadAddr(i);
  if (r.chance(0.002)) return `mdb: thread ${addr} isn't in memory\n`;
  if (r.chance(0.001)) return `Possible stack pointers for thread ${addr}:\n  ${randAddr(r)} (${r.int(1, 9)})\n`;
  const shape: StackShape = r.weighted(SHAPE_WEIGHTS);
  const desc = legacy ? '' : ` (${shape.desc(r, r.int(1, 64))})`;
  let fp = BigInt('0x' + addr) - BigInt(r.int(0x100, 0x400) & ~0xf);
  const sp = hex(fp);
  let out = `stack pointer for thread ${addr}${desc}: ${sp}\n`;
  if (shape.saved) out += `[ ${sp} _resume_from_idle+0xf1() ]\n`;
  // Occasionally a deeper or shallower stack: skip or repeat a middle frame.
  const frames = shape.frames.slice();
  if (frames.length > 3 && r.chance(0.1)) frames.splice(r.int(1, frames.length - 2), 1);
  for (const [func, off, nargs] of frames) {
    fp += BigInt(r.int(2, 12) * 0x10);
    const args: string[] = [];
    for (let a = 0; a < nargs; a++) args.push(r.chance(0.15) ? r.int(0, 9).toString(16) : randAddr(r));
    out += `  ${hex(fp)} ${func}${formatOff(off)}(${args.join(', ')})\n`;
  }
  return out;
}

function formatOff(off: number | null): string {
  if (off === null || off === 0) return '';
  return off <= 9 ? `+${off}` : `+0x${off.toString(16)}`;
}

function pad(v: string | number, w: number): string {
  return String(v).padStart(w);
}
