// The JSON output of `analyze --format json`: a stable public contract (see README).
// Keys are listed explicitly so an internal rename cannot silently change the contract.
// Data-sized arrays are LazyArrays: written element by element (jsonPieces), never copied whole.
// `compact` gives schema v2 (see README): stacks shared by id, no indentation.
import type { Analysis } from '../analysis.ts';
import type { Diagnostic } from '../../grammar/common/source.ts';
import type { Cpu, StackFrame, Thread } from '../model/snapshot.ts';
import { reportOrder } from '../rules/policy.ts';
import { jsonPieces, LazyArray } from './json-stream.ts';
import { internalErrorCount } from '../analysis.ts';
import type { ReportExtras } from './extras.ts';

export const JSON_SCHEMA_VERSION = 1;
/** `--compact`: threads point at shared stacks instead of carrying their frames. */
export const JSON_COMPACT_SCHEMA_VERSION = 2;

export interface JsonOptions {
  compact?: boolean;
}

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

// Thread objects are written as literals, not spreads of shared parts: one is made per thread,
// and on a dump of 10^5 threads the spreads cost more than the repetition (a test keeps the two
// schemas' keys in step).
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

/**
 * Stack groups for schema v2: threads whose frames have the same functions and offsets (as
 * `::stacks` groups them) and the same saved-PC frames share one id; `stacks[id]` is that list.
 */
export class StackTable {
  readonly stacks: (readonly StackFrame[])[] = [];
  private readonly byThread = new Map<Thread, number>();

  constructor(threads: readonly Thread[]) {
    // Grouped by a hash of the frames, each bucket's stacks compared frame by frame: no key
    // string is built per thread (that was a fifth of a --compact render of 34,000 threads).
    const funcIds = new Map<string, number>();
    const buckets = new Map<number, Bucket>();
    for (const t of threads) {
      const stack = t.stack;
      if (stack === null) continue;
      let h = stack.length;
      for (const f of stack) {
        let fid = funcIds.get(f.func);
        if (fid === undefined) funcIds.set(f.func, (fid = funcIds.size));
        h = Math.imul(h ^ fid, 0x9e3779b1) ^ ((f.offset ?? -1) | 0) ^ (f.saved === true ? 0x40000000 : 0);
      }
      let bucket = buckets.get(h);
      if (bucket === undefined) buckets.set(h, (bucket = { ids: [], byKey: null }));
      let id = bucket.byKey !== null ? bucket.byKey.get(groupKey(stack)) : bucket.ids.find((k) => sameGroup(this.stacks[k]!, stack));
      if (id === undefined) {
        id = this.stacks.length;
        this.stacks.push(stack);
        bucket.ids.push(id);
        if (bucket.byKey !== null) bucket.byKey.set(groupKey(stack), id);
        else if (bucket.ids.length > MAX_SCANNED) bucket.byKey = new Map(bucket.ids.map((k) => [groupKey(this.stacks[k]!), k]));
      }
      this.byThread.set(t, id);
    }
  }

  idOf(t: Thread): number | null {
    return this.byThread.get(t) ?? null;
  }
}

/** The stack ids whose frames hash alike; past MAX_SCANNED of them, found by a key string instead. */
interface Bucket {
  ids: number[];
  byKey: Map<string, number> | null;
}

/** Stacks compared one by one in a bucket before it switches to key strings: colliding hashes (hostile input) stay linear. */
const MAX_SCANNED = 8;

/** The group as one string: functions, offsets and saved-PC marks. */
function groupKey(stack: readonly StackFrame[]): string {
  let key = '';
  for (const f of stack) key += `${f.saved === true ? '[' : ''}${f.func}+${f.offset ?? ''}\n`;
  return key;
}

/** Same functions, offsets and saved-PC marks, frame by frame (what `::stacks` groups by). */
function sameGroup(a: readonly StackFrame[], b: readonly StackFrame[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.func !== y.func || x.offset !== y.offset || (x.saved === true) !== (y.saved === true)) return false;
  }
  return true;
}

type OwnFrame = { line?: number; fp?: string; args?: string[] };

/** What a frame has of its own beyond the group's function, offset and saved flag; absent keys are null/0. */
function ownFrame(f: StackFrame): OwnFrame | null {
  const own: OwnFrame = {};
  if (f.line !== 0) own.line = f.line;
  if (f.fp !== null) own.fp = f.fp;
  if (f.args !== null) own.args = f.args;
  return Object.keys(own).length > 0 ? own : null;
}

function threadJsonV2(t: Thread, table: StackTable) {
  let frames: OwnFrame[] | undefined;
  if (t.stack !== null) {
    const own = t.stack.map(ownFrame);
    if (own.some((o) => o !== null)) frames = own.map((o) => o ?? {});
  }
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
    stackId: table.idOf(t),
    frames,
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
export function toJson(a: Analysis, extras: ReportExtras = {}, opts: JsonOptions = {}) {
  const s = a.snapshot;
  const table = opts.compact === true ? new StackTable(s.threads) : null;
  return {
    version: table !== null ? JSON_COMPACT_SCHEMA_VERSION : JSON_SCHEMA_VERSION,
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
      ...(table !== null
        ? {
            stacks: new LazyArray(table.stacks, (st) => new LazyArray(st, (f) => (f.saved === true ? { func: f.func, offset: f.offset, saved: true } : { func: f.func, offset: f.offset }))),
            threads: new LazyArray(s.threads, (t) => threadJsonV2(t, table)),
          }
        : { threads: new LazyArray(s.threads, threadJson) }),
      tunables: s.tunables,
      tunableLines: s.tunableLines,
      panic: s.panic === null ? null : { message: s.panic.message, cpu: s.panic.cpu, thread: s.panic.thread, lines: s.panic.lines },
      system: s.system,
      ...(s.otherDumps !== undefined ? { otherDumps: s.otherDumps } : {}),
    },
    findings: reportOrder(a.findings),
    ...(extras.known !== undefined ? { knownIssues: extras.known } : {}),
    notes: a.notes,
    diagnostics: new LazyArray(a.diagnostics, diagnosticJson),
  };
}

/** The JSON document in pieces, for pump(). */
export function jsonReport(a: Analysis, extras: ReportExtras = {}, opts: JsonOptions = {}): Iterable<string> {
  return jsonPieces(toJson(a, extras, opts), opts.compact === true);
}

export function renderJson(a: Analysis, extras: ReportExtras = {}, opts: JsonOptions = {}): string {
  const parts: string[] = [];
  for (const p of jsonReport(a, extras, opts)) parts.push(p);
  return parts.join('');
}
