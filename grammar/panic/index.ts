// Section reader for console panic text (console paste, `::msgbuf`, syslog-forwarded): a
// PanicRecord per `panic[cpuN]/thread=ADDR:` header (the message may continue on following lines,
// or stand alone on the next one), a RegistersRecord for the register rows after it (read with the
// registers grammar), and a StackRecord for the console stack trace when one is shown.
import type { ISerializedGast } from '../common/chevrotain.ts';
import { lastStage } from '../common/command-types.ts';
import { one, tokenEnd } from '../common/cst.ts';
import { firstProblem, guarded, tooLong } from '../common/diagnostics.ts';
import { isBlank } from '../common/lines.ts';
import { normalizeAddr, parseMdbInt, parseOffset } from '../common/numbers.ts';
import { blankStackRecord } from '../common/stack-record.ts';
import { emptyResult, type Diagnostic, type GrammarResult, type SectionParser } from '../common/source.ts';
import type { Frame, MdbRecord, PanicRecord, StackRecord } from '../records.ts';
import type { PanicLineCstNode, TraceFrameCstNode } from './cst-types.ts';
import { parseRegistersLine } from '../registers/api.ts';
import { RegisterCollector } from '../registers/index.ts';
import { badValue, rowFromCst } from '../registers/rows.ts';
import { parsePanicLine } from './api.ts';
import { panicParser } from './parser.ts';
import { consoleLines } from './syslog.ts';

export { parsePanicLine } from './api.ts';
export { consoleLines, decodeSyslog, stripSyslogPrefix } from './syslog.ts';

function frameOf(node: TraceFrameCstNode, no: number): Frame {
  const c = node.children;
  const func = one(c.func).image;
  const plus = func.indexOf('+');
  const fp = one(c.fp).image;
  if (c.module === undefined && plus < 0) {
    // A pc with no symbol (`ffffff003d0073b0 fffffffff7a1b2c3 ()`): an address, as frames keep one.
    const pc = normalizeAddr(func);
    return { fp: normalizeAddr(fp) ?? fp, func: pc === null ? func : '0x' + pc, offset: null, args: (c.arg ?? []).map((a) => a.image), line: no };
  }
  return {
    fp: normalizeAddr(fp) ?? fp,
    func: plus < 0 ? func : func.slice(0, plus),
    // The console prints offsets in hex without a prefix (`die+10f`).
    offset: plus < 0 ? null : parseOffset('+0x' + func.slice(plus + 1)),
    args: (c.arg ?? []).map((a) => a.image),
    line: no,
  };
}

class PanicReader {
  readonly records: MdbRecord[] = [];
  readonly regs = new RegisterCollector();
  private panic: PanicRecord | null = null;
  private stack: StackRecord | null = null;
  /** Lines after a header may continue its message until a blank line or a structured line. */
  private messageOpen = false;

  constructor(private readonly msgbuf: boolean) {}

  blank(): void {
    this.messageOpen = false;
  }

  /** Reads one console line; returns a diagnostic when it cannot. */
  line(text: string, no: number): Diagnostic | null {
    const long = tooLong('panic', no, text);
    if (long) return long;
    const p = this.panic;
    if (this.messageOpen && p !== null && p.message === '') {
      p.message = text.trim();
      return null;
    }
    // Register rows first: they are most of a panic dump, and a failed parse costs more than a good one.
    const regParse = parseRegistersLine(text);
    if (firstProblem('registers', text, no, regParse) === null) {
      const row = rowFromCst(regParse.cst, text);
      if (row.kind === 'registers' && badValue(row) === null) {
        this.messageOpen = false;
        for (const e of row.entries) this.regs.add(e.name, e.value, no);
        return null;
      }
    }
    const parse = parsePanicLine(text);
    const problem = firstProblem('panic', text, no, parse);
    if (!problem) {
      this.structured(parse.cst, text, no);
      return null;
    }
    if (this.messageOpen && p !== null) {
      p.message += ' ' + text.trim();
      return null;
    }
    if (this.msgbuf || text.trim() === 'MESSAGE') return null; // other console messages, or the ::msgbuf header
    return problem;
  }

  private structured(cst: PanicLineCstNode, text: string, no: number): void {
    const c = cst.children;
    this.messageOpen = false;
    if (c.panicHeader) {
      const h = one(c.panicHeader).children;
      const cpu = one(h.CpuRef).image.slice(3);
      const colon = one(h.Colon);
      this.panic = {
        kind: 'panic',
        line: no,
        cpu: parseMdbInt(cpu, 10),
        thread: normalizeAddr(one(h.thread).image),
        message: text.slice(tokenEnd(colon)).trim(),
      };
      this.records.push(this.panic);
      this.regs.cut();
      this.stack = null;
      this.messageOpen = true;
    } else if (c.badTrap) {
      // Under a header whose message was given already, the trap line repeats it: only a trap
      // with no header (or after a finished dump) is a panic of its own.
      const message = text.trim();
      if (this.panic === null || this.stack !== null || this.regs.records.some((r) => r.line > this.panic!.line)) {
        this.panic = { kind: 'panic', line: no, cpu: null, thread: null, message };
        this.records.push(this.panic);
        this.regs.cut();
        this.stack = null;
      } else if (this.panic.message === '') this.panic.message = message;
      this.messageOpen = true;
    } else if (c.traceFrame) {
      if (this.stack === null) {
        this.stack = blankStackRecord(no, 'frames', this.panic?.thread ?? null);
        this.records.push(this.stack);
      }
      this.stack.frames.push(frameOf(one(c.traceFrame), no));
    }
    // panicNotice, trapName, processName: read, nothing to keep.
  }
}

/**
 * Whether a line is console panic text the reader takes as structured: a panic header, the trap
 * line, a register row, a trace frame (also inside a syslog prefix). The splitter asks this so that
 * a sentence-like console line (`Bad kernel fault at addr=0x0`) does not end a panic as prose.
 */
export function isConsolePanicLine(text: string): boolean {
  let any = false;
  for (const piece of consoleLines(text)) {
    if (isBlank(piece)) continue;
    const marked = hasPanicMark(piece);
    if (!marked && !piece.includes('%') && !hasTwoWords(piece)) return false;
    const reg = parseRegistersLine(piece);
    if (firstProblem('registers', piece, 0, reg) === null) {
      const row = rowFromCst(reg.cst, piece);
      if (row.kind === 'registers' && badValue(row) === null) {
        any = true;
        continue;
      }
    }
    if (!marked || firstProblem('panic', piece, 0, parsePanicLine(piece)) !== null) return false;
    any = true;
  }
  return any;
}

/**
 * Looks that turn away, cheaply, lines neither grammar reads: every alternative of the panic grammar
 * consumes a `:`, `=`, `(` or `#`, and a register row is two words at least (`rdi ffff...`) or holds
 * one of those or a `%`. A parse that fails costs far more than a look (Chevrotain works out what it
 * expected, for its message), and the splitter asks about lines that may be pieces a wrap cut
 * (ingest/console-wrap.ts) more than once.
 */
function hasPanicMark(piece: string): boolean {
  for (let i = 0; i < piece.length; i++) {
    const c = piece.charCodeAt(i);
    if (c === 58 /* : */ || c === 61 /* = */ || c === 40 /* ( */ || c === 35 /* # */) return true;
  }
  return false;
}

function hasTwoWords(piece: string): boolean {
  const t = piece.trim();
  return t.includes(' ') || t.includes('\t');
}

export const parsePanic: SectionParser = (lines, ctx): GrammarResult => {
  const result = emptyResult();
  const st = lastStage(ctx.command);
  const msgbuf = st !== null && st.verb === 'dcmd' && st.name === 'msgbuf';
  const reader = new PanicReader(msgbuf);
  for (const { no, text } of lines) {
    guarded(result.unrecognized, no, 'panic', () => {
      let problem: Diagnostic | null = null;
      for (const piece of consoleLines(text)) {
        if (isBlank(piece)) {
          reader.blank();
          continue;
        }
        const d = reader.line(piece, no);
        problem ??= d;
      }
      if (problem) result.unrecognized.push(problem);
    });
  }
  const regs = reader.regs.records;
  // Registers follow the panic they belong to in reading order; keep records in input order.
  result.records = [...reader.records, ...regs].sort((a, b) => a.line - b.line);
  return result;
};

/** Serialized grammar of one console panic line, for railroad diagrams. */
export function panicProductions(): ISerializedGast[] {
  return panicParser.getSerializedGastProductions();
}
