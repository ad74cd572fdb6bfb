// The JSON output of `analyze --format json`: a stable public contract (see README).
// Keys are listed explicitly so an internal rename cannot silently change the contract.
// Data-sized arrays are LazyArrays: written element by element (jsonPieces), never copied whole.
import type { Analysis } from '../analysis.ts';
import type { Diagnostic } from '../../grammar/common/source.ts';
import type { Cpu, Thread } from '../model/snapshot.ts';
import { jsonPieces, LazyArray } from './json-stream.ts';
import { internalErrorCount } from '../analysis.ts';
import type { ReportExtras } from './extras.ts';

export const JSON_SCHEMA_VERSION = 1;

function cpuJson(c: Cpu) {
  return {
    id: c.id,
    addr: c.addr,
    flags: c.flags,
    flagNames: c.flagNames,
    nrun: c.nrun,
    bspl: c.bspl,
    pri: c.pri,
    runrun: c.runrun,
    kprunrun: c.kprunrun,
    switchTicks: c.switchTicks,
    thread: c.thread,
    proc: c.proc,
    pil: c.pil.map((p) => ({ pil: p.pil, thread: p.thread, line: p.line })),
    pinned: c.pinned,
    runq: c.runq === null ? null : new LazyArray(c.runq, (q) => ({ pri: q.pri, thread: q.thread, proc: q.proc, line: q.line })),
    lines: c.lines,
  };
}

function threadJson(t: Thread) {
  return {
    addr: t.addr,
    proc: t.proc,
    procAddr: t.procAddr,
    pri: t.pri,
    epri: t.epri,
    state: t.state,
    cls: t.cls,
    cid: t.cid,
    desc: t.desc,
    stack:
      t.stack === null
        ? null
        : new LazyArray(t.stack, (f) => ({ func: f.func, offset: f.offset, args: f.args, fp: f.fp, saved: f.saved === true, line: f.line })),
    stackFailure: t.stackFailure,
    sobj: t.sobj,
    groupCount: t.groupCount,
    wchan: t.wchan,
    onCpu: t.onCpu,
    queuedOn: t.queuedOn,
    boundCpu: t.boundCpu,
    dispTime: t.dispTime,
    cldata: t.cldata,
    tsTimeleft: t.tsTimeleft,
    tsDispwait: t.tsDispwait,
    tsFlags: t.tsFlags,
    lines: t.lines,
  };
}

function diagnosticJson(d: Diagnostic) {
  // Internal errors keep their kind and stack: a bug report needs both.
  return d.kind === 'internal' ? { line: d.line, col: d.col, message: d.message, kind: d.kind, stack: d.stack } : { line: d.line, col: d.col, message: d.message };
}

/**
 * The document, with LazyArrays where the data is large. `JSON.stringify` gives the same text as
 * jsonPieces (LazyArray has toJSON). `extras.known` adds the known issues triage matches.
 */
export function toJson(a: Analysis, extras: ReportExtras = {}) {
  const s = a.snapshot;
  return {
    version: JSON_SCHEMA_VERSION,
    source: a.source,
    accounting: a.accounting,
    internalErrors: internalErrorCount(a),
    sections: new LazyArray(a.sections, (x) => ({
      command: x.command,
      kind: x.kind,
      startLine: x.startLine,
      endLine: x.endLine,
      status: x.status,
    })),
    snapshot: {
      cpus: new LazyArray(s.cpus, cpuJson),
      threads: new LazyArray(s.threads, threadJson),
      tunables: s.tunables,
      tunableLines: s.tunableLines,
      panic: s.panic === null ? null : { message: s.panic.message, cpu: s.panic.cpu, thread: s.panic.thread, lines: s.panic.lines },
      system: s.system,
    },
    findings: a.findings,
    ...(extras.known !== undefined ? { knownIssues: extras.known } : {}),
    notes: a.notes,
    diagnostics: new LazyArray(a.diagnostics, diagnosticJson),
  };
}

/** The JSON document in pieces, for pump(). */
export function jsonReport(a: Analysis, extras: ReportExtras = {}): Iterable<string> {
  return jsonPieces(toJson(a, extras));
}

export function renderJson(a: Analysis, extras: ReportExtras = {}): string {
  const parts: string[] = [];
  for (const p of jsonReport(a, extras)) parts.push(p);
  return parts.join('');
}
