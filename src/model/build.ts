// Building one dispatcher snapshot from the records of every section, merged by address.
import type {
  CpuRecord,
  FormatRecord,
  MdbRecord,
  PrintField,
  PrintRecord,
  StackRecord,
  StacksGroupRecord,
  ThreadListRecord,
  ThreadSummaryRecord,
  PsRecord,
} from '../../grammar/records.ts';
import type { ParsedCommand } from '../../grammar/common/command-types.ts';
import { normalizeAddr, parseMdbInt } from '../../grammar/common/numbers.ts';
import { emptySnapshot, type Cpu, type DispatcherSnapshot, type Thread } from './snapshot.ts';
import { ThreadTable, setField } from './threads.ts';
import { cpuFromRecord } from './cpu.ts';
import { SharedStacks, stackFromGroup, stackFromRecord } from './stack.ts';
import { interpretValue } from './ctypes.ts';

/** A record together with the command whose output it was (null when pasted without one). */
export interface CommandedRecord {
  record: MdbRecord;
  command: ParsedCommand | null;
}

/** Tunables of the dispatcher that playfair reads from `/D`, `::print` or `::system`. */
export const DISPATCHER_TUNABLES: ReadonlySet<string> = new Set([
  'kpreemptpri',
  'kpqpri',
  'upreemptpri',
  'hz',
  'hires_tick',
  'maxclsyspri',
  'minclsyspri',
  'nosteal_nsec',
  'rechoose_interval',
  'only_intr_kpreempt',
  'ts_maxupri',
  'ts_maxkmdpri',
  'intr_pri',
  // The dump's clock, for exact waits (lbolt - t_disp_time).
  'panic_lbolt64',
  'panic_lbolt',
  'lbolt64',
  'lbolt',
]);

const STATE_NAMES: Record<number, string> = { 0: 'free', 1: 'sleep', 2: 'run', 4: 'onproc', 8: 'zomb', 16: 'stopped', 32: 'wait' };

/** kthread_t members that map onto Thread fields. */
const KTHREAD_FIELDS: Record<string, keyof Thread> = {
  t_pri: 'pri',
  t_epri: 'epri',
  t_cid: 'cid',
  t_disp_time: 'dispTime',
  t_bind_cpu: 'boundCpu',
};
const TSPROC_FIELDS: Record<string, keyof Thread> = {
  ts_timeleft: 'tsTimeleft',
  ts_dispwait: 'tsDispwait',
  ts_flags: 'tsFlags',
};

export interface BuildOptions {
  /** Share identical stacks between threads, keeping no frame pointers, arguments or frame lines (see SharedStacks). */
  sharedStacks?: boolean;
}

class SnapshotBuilder {
  readonly snap: DispatcherSnapshot = emptySnapshot();
  private readonly shared: SharedStacks | null;
  private readonly threads = new ThreadTable();
  private readonly cpus = new Map<number, Cpu>();
  /** Memory addresses known to hold a thread's class-data field: `/D` of such an address reads it again. */
  private readonly fieldAt = new Map<string, { thread: Thread; field: keyof Thread; member: string }>();
  private readonly pendingAnonymousStacks: StackRecord[] = [];
  /** t_cldata address -> its thread, so class data printed later finds its owner in O(1). */
  private readonly cldataOwner = new Map<string, Thread>();
  /** `::class` rows by slot (`t_cid`). */
  private readonly classSlots = new Map<number, { name: string; line: number }>();

  constructor(opts: BuildOptions = {}) {
    this.shared = opts.sharedStacks === true ? new SharedStacks() : null;
  }

  private setCldata(t: Thread, addr: string | null, line: number): void {
    if (addr === null) return;
    setField(t, 'cldata', addr, line);
    this.cldataOwner.set(addr, t);
  }

  add({ record, command }: CommandedRecord): void {
    switch (record.kind) {
      case 'cpu':
        return this.addCpu(record);
      case 'stack':
        return this.addStack(record, command);
      case 'stacksGroup':
        return this.addGroup(record);
      case 'threadlist':
        return this.addThreadlist(record);
      case 'thread':
        return this.addThreadSummary(record);
      case 'print':
        return this.addPrint(record, command);
      case 'format':
        return this.addFormat(record, command);
      case 'status':
        for (const [k, v] of Object.entries(record.fields)) {
          this.snap.system ??= { fields: {}, lines: {} };
          this.snap.system.fields[k] = v.value;
          this.snap.system.lines[k] = v.line;
          if (k === 'panic message') this.panic().message ??= v.value;
          if (k === 'panic message') this.panic().lines['message'] ??= v.line;
        }
        return;
      case 'panic': {
        const p = this.panic();
        setField(p, 'message', record.message.length > 0 ? record.message : null, record.line);
        setField(p, 'cpu', record.cpu, record.line);
        setField(p, 'thread', record.thread === null ? null : normalizeAddr(record.thread), record.line);
        return;
      }
      case 'system':
        for (const s of record.settings) {
          if (!DISPATCHER_TUNABLES.has(s.name)) continue;
          const v = parseMdbInt(s.value.split(/\s+/)[0] ?? '', 16);
          if (v !== null) this.tunable(s.name, v, s.line);
        }
        return;
      case 'registers':
      case 'addresses':
        return;
      case 'ps':
        return this.addPs(record);
      case 'classes':
        for (const c of record.classes) this.classSlots.set(c.slot, c);
        return;
      case 'mutex':
        // The owner is a thread of the dump; holding and waiters need snapshot fields `rules` may add.
        if (record.owner !== null) this.threads.get(record.owner);
        return;
    }
  }

  /** `::ps -t`: each thread's state and process name; symbol threads (`t0`) have no address to key them by. */
  private addPs(rec: PsRecord): void {
    for (const th of rec.threads) {
      const addr = normalizeAddr(th.thread);
      if (addr === null) continue;
      const t = this.threads.get(addr);
      setField(t, 'state', th.state, th.line);
      setField(t, 'proc', rec.name, rec.line);
      setField(t, 'procAddr', rec.addr, rec.line);
    }
  }

  finish(): DispatcherSnapshot {
    for (const rec of this.pendingAnonymousStacks) {
      const owner = this.snap.panic?.thread ?? null;
      const t = owner !== null ? this.threads.get(owner) : this.threads.addAnonymous();
      if (t.stack === null) this.applyStack(t, rec);
    }
    this.snap.cpus = [...this.cpus.values()].sort((a, b) => a.id - b.id);
    this.snap.threads = this.threads.all();
    // `::class` says which class each slot holds on this system.
    for (const t of this.snap.threads) {
      const c = t.cid === null ? undefined : this.classSlots.get(t.cid);
      if (c !== undefined && t.cls === null) setField(t, 'cls', c.name, c.line);
    }
    // Class slot 0 is SYS on every boot; the other slots depend on load order (read ::class for them).
    for (const t of this.snap.threads) if (t.cid === 0 && t.cls === null) setField(t, 'cls', 'SYS', t.lines['cid']!);
    return this.snap;
  }

  private panic() {
    this.snap.panic ??= { message: null, cpu: null, thread: null, lines: {} };
    return this.snap.panic;
  }

  private tunable(name: string, value: number, line: number): void {
    this.snap.tunables[name] = value;
    this.snap.tunableLines[name] = line;
  }

  private addCpu(rec: CpuRecord): void {
    const cpu = cpuFromRecord(rec);
    const prev = this.cpus.get(cpu.id);
    this.cpus.set(cpu.id, prev === undefined ? cpu : { ...prev, ...cpu, lines: { ...prev.lines, ...cpu.lines } });
    // A NULL cpu_thread prints as zeros: there is no thread to record.
    if (cpu.thread !== null && cpu.thread !== '0') {
      const t = this.threads.get(cpu.thread);
      setField(t, 'onCpu', cpu.id, rec.line);
      setField(t, 'state', 'onproc', rec.line);
      setField(t, 'pri', cpu.pri, rec.line);
      if (cpu.proc !== null && cpu.proc !== '(idle)' && cpu.proc !== '-' && cpu.proc !== '?')
        setField(t, 'proc', cpu.proc, rec.procLine ?? rec.line);
    }
    for (const q of cpu.runq ?? []) {
      const t = this.threads.get(q.thread);
      setField(t, 'pri', q.pri, q.line);
      setField(t, 'proc', q.proc, q.line);
      setField(t, 'queuedOn', cpu.id, q.line);
      // A thread on a dispatch queue is TS_RUN: that is what being queued means.
      setField(t, 'state', 'run', q.line);
    }
    for (const p of cpu.pil) this.threads.get(p.thread);
    if (cpu.pinned !== null) {
      const t = this.threads.get(cpu.pinned.thread);
      if (cpu.pinned.proc !== '(idle)') setField(t, 'proc', cpu.pinned.proc, cpu.pinned.line);
    }
  }

  private applyStack(t: Thread, rec: StackRecord): void {
    if (rec.failure !== null) setField(t, 'stackFailure', rec.failure, rec.line);
    if (rec.frames.length > 0 || rec.savedPc !== null) {
      setField(t, 'stack', this.shared === null ? stackFromRecord(rec) : this.shared.shareRecord(rec), rec.line);
    }
    setField(t, 'desc', rec.threadDesc, rec.line);
    if (rec.free) setField(t, 'state', 'free', rec.line);
  }

  private addStack(rec: StackRecord, command: ParsedCommand | null): void {
    let addr = rec.thread === null ? null : normalizeAddr(rec.thread);
    if (addr === null && command !== null) {
      const a = command.stages[0]!.addr;
      addr = a === null ? null : normalizeAddr(a);
    }
    if (addr === null) {
      this.pendingAnonymousStacks.push(rec);
      return;
    }
    this.applyStack(this.threads.get(addr), rec);
  }

  private addGroup(rec: StacksGroupRecord): void {
    const members = [...(rec.thread === null ? [] : [{ thread: rec.thread, line: rec.line }]), ...rec.members];
    for (const m of members) {
      const addr = normalizeAddr(m.thread);
      if (addr === null) continue;
      const t = this.threads.get(addr);
      if (rec.state !== null) setField(t, 'state', rec.state.toLowerCase(), m.line);
      setField(t, 'sobj', rec.sobj, m.line);
      setField(t, 'groupCount', rec.count, m.line);
      if (t.stack === null && rec.frames.length > 0) {
        const frames = stackFromGroup(rec);
        setField(t, 'stack', this.shared === null ? frames : this.shared.share(frames), rec.line);
      }
      if (rec.failure !== null) setField(t, 'stackFailure', rec.failure, rec.line);
    }
  }

  private addThreadlist(rec: ThreadListRecord): void {
    const addr = normalizeAddr(rec.addr);
    if (addr === null) return;
    const t = this.threads.get(addr);
    setField(t, 'procAddr', normalizeAddr(rec.proc), rec.line);
    setField(t, 'desc', rec.desc, rec.line);
    setField(t, 'cid', rec.cid, rec.line);
    setField(t, 'pri', rec.pri, rec.line);
    const w = rec.wchan === null ? null : normalizeAddr(rec.wchan);
    setField(t, 'wchan', w === '0' ? null : w, rec.line);
    if (rec.stack !== null) this.applyStack(t, rec.stack);
  }

  private addThreadSummary(rec: ThreadSummaryRecord): void {
    const addr = normalizeAddr(rec.addr);
    if (addr === null) return;
    const t = this.threads.get(addr);
    const c = rec.columns;
    const num = (k: string, radix: 10 | 16) => (c[k] === undefined ? null : parseMdbInt(c[k]!, radix));
    if (c['STATE'] !== undefined) setField(t, 'state', c['STATE'].toLowerCase(), rec.line);
    setField(t, 'pri', num('PRI', 10), rec.line);
    setField(t, 'epri', num('EPRI', 10), rec.line);
    setField(t, 'dispTime', num('DISPTIME', 16), rec.line);
    setField(t, 'boundCpu', num('BOUND', 10), rec.line);
    const w = c['WCHAN'] === undefined ? null : normalizeAddr(c['WCHAN']);
    setField(t, 'wchan', w === '0' ? null : w, rec.line);
  }

  /** Applies one member of a struct of a known type at a known address. */
  private applyMember(type: string, base: string | null, f: PrintField): void {
    const member = f.name.split('.').pop()!;
    const value = f.value === null ? null : interpretValue(member, f.value);
    if (type === 'kthread_t' && base !== null) {
      const t = this.threads.get(base);
      const key = KTHREAD_FIELDS[member];
      if (key !== undefined) setField(t, key, value as never, f.line);
      if (member === 't_state' && value !== null) setField(t, 'state', STATE_NAMES[value] ?? `inval/${value.toString(16)}`, f.line);
      if (member === 't_bound_cpu' && f.value !== null) {
        // A pointer to the cpu_t the thread is bound to (kernel affinity); NULL when unbound.
        const p = normalizeAddr(f.value);
        const bound = p === '0' ? -1 : [...this.cpus.values()].find((c) => c.addr === p)?.id;
        if (bound !== undefined) setField(t, 'boundCpu', bound, f.line);
      }
      if (member === 't_cldata' && f.value !== null) this.setCldata(t, normalizeAddr(f.value), f.line);
      if (member === 't_wchan' && f.value !== null) {
        const w = normalizeAddr(f.value);
        setField(t, 'wchan', w === '0' ? null : w, f.line);
      }
    } else if (type === 'tsproc_t') {
      const t = this.threadOfClassData(base);
      const key = TSPROC_FIELDS[member];
      if (t !== undefined && key !== undefined) {
        setField(t, key, value as never, f.line);
        if (f.addr !== null) this.fieldAt.set(normalizeAddr(f.addr)!, { thread: t, field: key, member });
      }
    } else if (type === 'cpu_t' && base !== null) {
      const cpu = [...this.cpus.values()].find((c) => c.addr === base);
      if (cpu === undefined) return;
      if (member === 'cpu_runrun' && value !== null) setField(cpu, 'runrun', value !== 0, f.line);
      if (member === 'cpu_kprunrun' && value !== null) setField(cpu, 'kprunrun', value !== 0, f.line);
    }
  }

  /** The thread a tsproc_t belongs to: by the chain that led to it, by its `ts_tp`, or by a known `t_cldata`. */
  private threadOfClassData(base: string | null): Thread | undefined {
    if (this.chainThread !== null) return this.threads.get(this.chainThread);
    return base === null ? undefined : this.cldataOwner.get(base);
  }

  private chainThread: string | null = null;

  private addPrint(rec: PrintRecord, command: ParsedCommand | null): void {
    const type = rec.type;
    if (type === null) return;
    const stages = command?.stages ?? [];
    const first = stages[0];
    // `A::print kthread_t t_cldata | ::print tsproc_t ...`: the struct printed is A's class data.
    const chained =
      stages.length === 2 && first?.name === 'print' && first.args.includes('kthread_t') && first.args.includes('t_cldata');
    const firstAddr = first?.addr === null || first?.addr === undefined ? null : normalizeAddr(first.addr);
    const base = rec.addr !== null ? normalizeAddr(rec.addr) : chained ? null : firstAddr;
    if (type === 'tsproc_t' && !chained && base !== null) {
      // ts_tp names the owning thread: read it first so the other members know where they go.
      const tp = rec.fields.find((f) => f.name === 'ts_tp');
      const owner = tp?.value ? normalizeAddr(tp.value) : null;
      if (owner !== null) this.setCldata(this.threads.get(owner), base, tp!.line);
    }
    this.chainThread = chained ? firstAddr : null;
    for (const f of rec.fields) this.applyMember(type, base, f);
    this.chainThread = null;
    if (chained && firstAddr !== null) {
      const ts = rec.fields.find((f) => f.name === 'ts_timeleft');
      // ts_timeleft is tsproc_t's first member (sys/ts.h), so its address is the class data's.
      if (ts?.addr) this.setCldata(this.threads.get(firstAddr), normalizeAddr(ts.addr), ts.line);
    }
  }

  private addFormat(rec: FormatRecord, command: ParsedCommand | null): void {
    const stage = command?.stages[command.stages.length - 1];
    const fmt = rec.format ?? (stage?.verb === 'format' ? stage.name : null);
    const first = rec.values[0];
    if (first === undefined) return;
    const symbol = rec.symbol ?? (stage?.addr !== null && stage?.addr !== undefined && !/^(0x)?[0-9a-fA-F]+$/.test(stage.addr) ? stage.addr : null);
    const decimal = fmt !== null && /^[DUdueE]$/.test(fmt);
    const hexBits = fmt === 'X' ? 32 : fmt === 'J' || fmt === 'K' ? 64 : null;
    const value = decimal ? parseMdbInt(first.text, 10) : hexBits !== null ? parseMdbInt(first.text, 16, hexBits) : null;
    if (symbol !== null && DISPATCHER_TUNABLES.has(symbol) && value !== null) {
      this.tunable(symbol, value, first.line);
      return;
    }
    const addr = rec.addr !== null ? normalizeAddr(rec.addr) : stage?.addr ? normalizeAddr(stage.addr) : null;
    if (addr === null || value === null) return;
    const known = this.fieldAt.get(addr) ?? this.classDataAt(addr);
    if (known !== undefined && (fmt === 'D' || fmt === 'X')) setField(known.thread, known.field, value as never, first.line);
  }

  /** `/D` of a thread's t_cldata address reads ts_timeleft (offset 0 of tsproc_t). */
  private classDataAt(addr: string) {
    const t = this.cldataOwner.get(addr);
    return t === undefined ? undefined : { thread: t, field: 'tsTimeleft' as keyof Thread, member: 'ts_timeleft' };
  }
}

export function buildSnapshot(records: Iterable<CommandedRecord>): DispatcherSnapshot {
  const b = new SnapshotBuilder();
  for (const r of records) b.add(r);
  return b.finish();
}

export { SnapshotBuilder };
