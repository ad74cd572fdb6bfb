// The JSON output of `analyze --format json`: a stable public contract (see README).
// Keys are listed explicitly so an internal rename cannot silently change the contract.
import type { Analysis } from '../analysis.ts';
import type { Cpu, Thread } from '../model/snapshot.ts';

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
    runq: c.runq === null ? null : c.runq.map((q) => ({ pri: q.pri, thread: q.thread, proc: q.proc, line: q.line })),
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
        : t.stack.map((f) => ({ func: f.func, offset: f.offset, args: f.args, fp: f.fp, saved: f.saved === true, line: f.line })),
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

export function toJson(a: Analysis) {
  const s = a.snapshot;
  return {
    version: JSON_SCHEMA_VERSION,
    source: a.source,
    accounting: a.accounting,
    sections: a.sections.map((x) => ({
      command: x.command,
      kind: x.kind,
      startLine: x.startLine,
      endLine: x.endLine,
      status: x.status,
    })),
    snapshot: {
      cpus: s.cpus.map(cpuJson),
      threads: s.threads.map(threadJson),
      tunables: s.tunables,
      tunableLines: s.tunableLines,
      panic: s.panic === null ? null : { message: s.panic.message, cpu: s.panic.cpu, thread: s.panic.thread, lines: s.panic.lines },
      system: s.system,
    },
    findings: a.findings,
    notes: a.notes,
    diagnostics: a.diagnostics.map((d) => ({ line: d.line, col: d.col, message: d.message })),
  };
}

export function renderJson(a: Analysis): string {
  return JSON.stringify(toJson(a), null, 2) + '\n';
}
