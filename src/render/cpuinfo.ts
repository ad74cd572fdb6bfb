// Byte-exact `::cpuinfo [-v]` text for snapshot CPUs, as mdb prints it: the same printf calls in
// the same order, through an emulation of mdb's output buffer so that pre-2019 auto-wrap (a
// chunk that does not fit moves to the next line) comes out where mdb put it.
//
// Values the Cpu does not know (null) print as mdb prints what it could not read, where mdb has
// such a form: PRI `-`, PROC `?`, SWITCH `-` (mdb's "never switched"), THREAD and ADDR as a NULL
// pointer (zeros). Fields mdb always reads from the cpu_t itself have no such form and print
// their zero value: FLG 0, NRUN 0 (or the run queue's length when one is given), BSPL 0,
// RNRN/KRNRN `no`.
import { cpuFlagNames, MAXCOMLEN, toAddr } from '../../illumos/index.ts';
import {
  type AddrWidth,
  COL,
  CPUINFO_FLAGDELT,
  CPUINFO_FLAGWIDTH,
  CPUINFO_IDWIDTH,
  CPUINFO_ITHRDELT,
  CPUINFO_THRDELT,
} from '../../grammar/cpuinfo/layout.ts';
import type { Cpu } from '../model/snapshot.ts';

export interface RenderCpuinfoOptions {
  verbose: boolean;
  /** ADDR/THREAD width in hex digits: 16 (amd64 mdb, default), 11 (other LP64 mdb), 8 (32-bit mdb). */
  addrWidth?: AddrWidth;
  /** Line width of pre-2019 mdb's auto-wrap (80 when mdb did not know the terminal), or null for none (default). */
  autowrap?: number | null;
}

/** mdb's output buffer, reduced to what decides line breaks (`mdb_io.c`: IOB_WRAPNOW, nputs, fill, ws). */
class OutputBuffer {
  private done = '';
  private line = '';
  constructor(private readonly cols: number | null) {}

  private wrapNow(n: number): boolean {
    return this.cols !== null && this.line.length !== 0 && n + this.line.length > this.cols;
  }

  nl(): void {
    this.done += this.line + '\n';
    this.line = '';
  }

  /** Text without newlines; with auto-wrap, a run longer than the room left is cut at the line width. */
  private put(s: string): void {
    if (this.cols === null) {
      this.line += s;
      return;
    }
    let rest = s;
    while (rest.length > 0) {
      const room = this.cols - this.line.length;
      const m = Math.min(rest.length, room);
      this.line += rest.slice(0, m);
      rest = rest.slice(m);
      if (m === room && rest.length > 0) this.nl();
    }
  }

  private puts(s: string): void {
    const parts = s.split('\n');
    parts.forEach((p, i) => {
      if (i > 0) this.nl();
      this.put(p);
    });
  }

  /** Left-alignment padding: mdb breaks the line instead when the pad would reach the width. */
  private ws(n: number): void {
    if (this.cols === null || this.line.length + n < this.cols) this.put(' '.repeat(n));
    else this.nl();
  }

  /** Literal format text between two directives; wraps as one chunk unless it starts with a newline. */
  lit(s: string): void {
    if (s.length === 0) return;
    if (this.wrapNow(s.length) && s[0] !== '\n') this.nl();
    this.puts(s);
  }

  /** One converted directive (`%3d`, `%-*s`, `%0*p`...): its whole padded width wraps as one chunk. */
  conv(value: string, width = 0, opt: { left?: boolean; zero?: boolean } = {}): void {
    const w = Math.max(width, value.length);
    if (this.wrapNow(w)) this.nl();
    if (opt.left !== true && value.length < w) this.put((opt.zero === true ? '0' : ' ').repeat(w - value.length));
    this.put(value);
    if (opt.left === true && value.length < w) this.ws(w - value.length);
  }

  text(): string {
    return this.done + this.line;
  }
}

/** `%p` of an address: hex without leading zeros (zero-padding is the directive's job). */
function ptr(a: string | null): string {
  return a === null ? '0' : (toAddr(a) ?? a);
}

function comm(name: string): string {
  return name.length > MAXCOMLEN ? name.slice(0, MAXCOMLEN) : name;
}

function header(io: OutputBuffer, w: AddrWidth): void {
  io.conv('ID', CPUINFO_IDWIDTH);
  io.lit(' ');
  io.conv('ADDR', w, { left: true });
  io.lit(' ');
  io.conv('FLG', COL.flg);
  io.lit(' ');
  io.conv('NRUN', COL.nrun);
  io.lit(' ');
  io.conv('BSPL', COL.bspl);
  io.lit(' ');
  io.conv('PRI', COL.pri);
  io.lit(' ');
  io.conv('RNRN', COL.rnrn);
  io.lit(' ');
  io.conv('KRNRN', COL.krnrn);
  io.lit(' ');
  io.conv('SWITCH', COL.switch, { left: true });
  io.lit(' ');
  io.conv('THREAD', w, { left: true });
  io.lit(' ');
  io.conv('PROC');
  io.lit('\n');
}

function nrunnable(cpu: Cpu): number {
  return cpu.nrun ?? cpu.runq?.length ?? 0;
}

function row(io: OutputBuffer, cpu: Cpu, w: AddrWidth): void {
  io.conv(String(cpu.id), CPUINFO_IDWIDTH);
  io.lit(' ');
  io.conv(ptr(cpu.addr), w, { zero: true });
  io.lit(' ');
  io.conv((cpu.flags ?? 0).toString(16), COL.flg);
  io.lit(' ');
  io.conv(String(nrunnable(cpu)), COL.nrun);
  io.lit(' ');
  io.conv(String(cpu.bspl ?? 0), COL.bspl);
  io.lit(' ');
  io.conv(cpu.pri === null ? '-' : String(cpu.pri), COL.pri);
  io.lit(' ');
  io.conv(cpu.runrun === true ? 'yes' : 'no', COL.rnrn);
  io.lit(' ');
  io.conv(cpu.kprunrun === true ? 'yes' : 'no', COL.krnrn);
  io.lit(' ');
  if (cpu.switchTicks === null) {
    io.conv('-', COL.switch, { left: true });
  } else {
    io.lit('t-');
    io.conv(String(cpu.switchTicks), COL.switchTicks, { left: true });
  }
  io.lit(' ');
  io.conv(ptr(cpu.thread), w, { zero: true });
  // `(idle)`, `-` and `?` are literals of the format (one chunk with their space and newline).
  const proc = cpu.proc ?? '?';
  if (proc === '(idle)' || proc === '-' || proc === '?') io.lit(` ${proc}\n`);
  else {
    io.lit(' ');
    io.conv(comm(proc));
    io.lit('\n');
  }
}

/** The `-v` margin: the bar line, then one line per flag name, each THRDELT wide. */
function marginLines(cpu: Cpu, w: AddrWidth): string[] {
  const names = cpu.flagNames.length > 0 ? cpu.flagNames : cpuFlagNames(cpu.flags ?? 0);
  if (names.length === 0) return [];
  const width = CPUINFO_THRDELT(w);
  const bar = ' '.repeat(CPUINFO_FLAGDELT(w)) + '|';
  const out = [bar.padEnd(width)];
  names.forEach((n, i) => {
    const s = ' '.repeat(CPUINFO_IDWIDTH + w - CPUINFO_FLAGWIDTH) + n.padStart(CPUINFO_FLAGWIDTH) + ' ' + (i === 0 ? '<--+' : '');
    out.push(s.slice(0, width).padEnd(width));
  });
  return out;
}

function verboseBlocks(io: OutputBuffer, cpu: Cpu, w: AddrWidth): void {
  const margin = marginLines(cpu, w);
  let next = 0;
  const indent = () => io.conv(margin[next++] ?? '', CPUINFO_THRDELT(w));
  // A queue the input did not show (runq null) prints no block: an empty one would read back as shown.
  const printThr = nrunnable(cpu) > 0 && cpu.runq !== null;
  const gap = () => io.conv('', CPUINFO_ITHRDELT);

  if (cpu.pil.length > 0) {
    const b = printThr ? '|' : ' ';
    const pils = [...cpu.pil].sort((x, y) => y.pil - x.pil);
    indent();
    io.conv(b);
    gap();
    io.lit('|\n');
    indent();
    io.conv(b);
    gap();
    io.lit('+--> ');
    io.conv('PIL', COL.blockPri);
    io.lit(' ');
    io.conv('THREAD');
    io.lit('\n');
    for (const p of pils) {
      indent();
      io.conv(b);
      gap();
      io.lit('     ');
      io.conv(String(p.pil), COL.blockPri);
      io.lit(' ');
      io.conv(ptr(p.thread), w, { zero: true });
      io.lit('\n');
    }
    if (cpu.pinned !== null) {
      indent();
      io.conv(b);
      gap();
      io.lit('     ');
      io.conv('-', COL.blockPri);
      io.lit(' ');
      io.conv(ptr(cpu.pinned.thread), w, { zero: true });
      io.lit(' ');
      io.conv(comm(cpu.pinned.proc));
      io.lit('\n');
    }
  }

  if (printThr) {
    indent();
    io.lit('|\n');
    indent();
    io.lit('+-->  ');
    io.conv('PRI', COL.blockPri);
    io.lit(' ');
    io.conv('THREAD', w, { left: true });
    io.lit(' ');
    io.conv('PROC');
    io.lit('\n');
    for (const q of cpu.runq ?? []) {
      indent();
      io.lit('      ');
      io.conv(String(q.pri), COL.blockPri);
      io.lit(' ');
      io.conv(ptr(q.thread), w, { zero: true });
      io.lit(' ');
      io.conv(comm(q.proc));
      io.lit('\n');
    }
  }

  while (next < margin.length) {
    io.conv(margin[next++]!);
    io.lit('\n');
  }
  io.lit('\n');
}

/**
 * The text of `::cpuinfo` (or `-v`) for these CPUs, in the order given (mdb prints by id), every
 * line ending in a newline. Run queues print in the order given (mdb: highest priority first).
 */
export function renderCpuinfo(cpus: readonly Cpu[], opts: RenderCpuinfoOptions): string {
  const w = opts.addrWidth ?? 16;
  const io = new OutputBuffer(opts.autowrap ?? null);
  cpus.forEach((cpu, i) => {
    if (opts.verbose || i === 0) header(io, w);
    row(io, cpu, w);
    if (opts.verbose) verboseBlocks(io, cpu, w);
  });
  return io.text();
}
