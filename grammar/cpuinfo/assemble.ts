// Groups read lines into CPUs: a row opens a CPU; the `-v` lines under it (margin flags, PIL
// block, run queue) and a wrapped PROC line belong to it until the next header or row.
import type { CpuRecord } from '../records.ts';
import { firstCol, shown } from '../common/lines.ts';
import type { Diagnostic, SourceLine } from '../common/source.ts';
import type { AddrWidth } from './layout.ts';
import type { BlockLine, CpuinfoLine, RowLine } from './lines.ts';

type Block = 'none' | 'pil' | 'runq';

function newRecord(row: RowLine, line: number, addrWidth: AddrWidth): CpuRecord {
  return {
    kind: 'cpu',
    line,
    id: row.id,
    addr: row.addr,
    flags: row.flags,
    flagNames: [],
    nrun: row.nrun,
    bspl: row.bspl,
    pri: row.pri,
    runrun: row.runrun,
    kprunrun: row.kprunrun,
    switchTicks: row.switchTicks,
    thread: row.thread,
    proc: row.proc,
    procLine: null,
    pil: [],
    pinned: null,
    runq: null,
    addrWidth,
    verbose: false,
  };
}

export class CpuinfoAssembler {
  readonly records: CpuRecord[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private cur: CpuRecord | null = null;
  /** The last line read was a row without PROC: old mdb may have wrapped the name onto the next line. */
  private procMayFollow = false;
  private block: Block = 'none';
  /** Line of an unreadable row: the `-v` lines after it have no CPU to belong to. */
  private orphanOf: number | null = null;
  private headers = 0;
  private sawVerbose = false;

  /** A line that could not be read. A broken row also cuts off the `-v` lines that follow it. */
  bad(src: SourceLine, col: number, message: string, rowLike: boolean): void {
    this.diagnostics.push({ line: src.no, col, message });
    if (rowLike) {
      this.cur = null;
      this.orphanOf = src.no;
    }
  }

  /** Lines that could not be read do not count: a bad line between a row and its wrapped name costs only itself. */
  add(src: SourceLine, l: CpuinfoLine, width: AddrWidth): void {
    const procMayFollow = this.procMayFollow;
    this.procMayFollow = false;
    switch (l.kind) {
      case 'blank':
        return;
      case 'header':
        this.headers++;
        this.cur = null;
        this.orphanOf = null;
        return;
      case 'row':
        this.cur = newRecord(l, src.no, width);
        this.records.push(this.cur);
        this.procMayFollow = l.proc === null;
        this.block = 'none';
        this.orphanOf = null;
        return;
      case 'wrappedProc':
        if (this.cur !== null && procMayFollow) {
          this.cur.proc = l.proc;
          this.cur.procLine = src.no;
        } else this.reject(src, 'text that is not part of ::cpuinfo output');
        return;
      case 'verbose':
        this.addVerbose(src, l.flag, l.block, width);
        return;
    }
  }

  private reject(src: SourceLine, message: string): void {
    this.diagnostics.push({ line: src.no, col: firstCol(src.text), message });
  }

  private addVerbose(src: SourceLine, flag: string | null, block: BlockLine | null, width: AddrWidth): void {
    const cur = this.cur;
    if (cur === null) {
      const why = this.orphanOf === null ? 'no CPU row above it' : `the unreadable CPU row at line ${this.orphanOf}`;
      this.reject(src, `-v line with ${why}`);
      return;
    }
    // Check the block line against the state first, so a rejected line changes nothing.
    if (block !== null) {
      if ('thread' in block && block.thread.length !== 16 && block.thread.length !== width) {
        // mdb zero-pads these (`%0?p`) to the pointer width, which is the header's or, on a 64-bit
        // target whose header is narrower (aarch64), 16: a shorter one (`ffffff00`, 8 digits under
        // a 16-wide header) is the front of an address a wrap cut, and read as it is it would be a
        // thread of its own.
        this.reject(src, `thread address ${shown(block.thread)} is not as wide as mdb prints one (${width === 16 ? 16 : `${width} or 16`} hex digits): a cut line?`);
        return;
      }
      const need: Block | null =
        block.kind === 'pilRow' || block.kind === 'pinned' ? 'pil' : block.kind === 'queueRow' ? 'runq' : null;
      if (need !== null && need !== this.block) {
        const what = need === 'pil' ? 'interrupt-thread row outside a PIL block' : 'run-queue row outside a run-queue block';
        this.reject(src, what);
        return;
      }
    }
    this.sawVerbose = true;
    if (flag !== null) cur.flagNames.push(flag);
    if (block === null) return;
    switch (block.kind) {
      case 'pilHeader':
        this.block = 'pil';
        return;
      case 'queueHeader':
        this.block = 'runq';
        cur.runq ??= [];
        return;
      case 'pilRow':
        cur.pil.push({ pil: block.pil, thread: block.thread, line: src.no });
        return;
      case 'pinned':
        cur.pinned = { thread: block.thread, proc: block.proc, line: src.no };
        return;
      case 'queueRow':
        (cur.runq ??= []).push({ pri: block.pri, thread: block.thread, proc: block.proc, line: src.no });
        return;
      case 'connector':
        return;
    }
  }

  /**
   * Settles `-v` for the whole section: the command says so, or the text shows `-v` lines or a
   * repeated header. Plain records get `runq: null` (queue not shown). Under `-v` mdb prints a
   * run-queue block exactly when NRUN > 0, so a missing block means "empty" only for NRUN 0; a
   * CPU with runnable threads and no block (cut from the paste) keeps `null`, not shown.
   */
  finish(commandVerbose: boolean | null): CpuRecord[] {
    const verbose = commandVerbose === true || this.sawVerbose || this.headers > 1;
    for (const r of this.records) {
      r.verbose = verbose;
      if (!verbose) r.runq = null;
      else if (r.runq === null && r.nrun === 0) r.runq = [];
    }
    return this.records;
  }
}
