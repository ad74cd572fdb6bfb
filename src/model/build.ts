// Building one dispatcher snapshot from the records of every section, merged by address.
import type {
  CpuRecord,
  FormatRecord,
  MdbRecord,
  MutexRecord,
  RwlockRecord,
  TurnstileRecord,
  WchanRecord,
  PrintField,
  PrintRecord,
  StackRecord,
  StacksGroupRecord,
  ThreadListRecord,
  ThreadSummaryRecord,
  PsRecord,
} from '../../grammar/records.ts';
import { isSymbolName, lastStage, type ParsedCommand } from '../../grammar/common/command-types.ts';
import type { Diagnostic } from '../../grammar/common/source.ts';
import { parseMdbBigInt, parseMdbInt } from '../../grammar/common/numbers.ts';
import { WRITE_BYTES } from '../../grammar/format/write.ts';
import { ctypeNamed, isStructMember, KEPT_TUNABLES, stateFromCode, stateFromName, STRUCT_MEMBERS, toAddr, tunableType, type Addr, type ThreadState } from '../../illumos/index.ts';
import { emptySnapshot, type Cpu, type DispatcherSnapshot, type Thread } from './snapshot.ts';
import { ThreadTable, setField } from './threads.ts';
import { seedThreadIndex } from './thread-index.ts';
import { mergeCpu, readCpu, shortQueueNote } from './cpu.ts';
import { Moments } from './moments.ts';
import { SharedStacks, stackFromGroup, stackFromRecord } from './stack.ts';
import { exactNumber, fieldType, fits, interpretRaw, readCValue, sizeOf, type CType } from './ctypes.ts';
import { implausibleHz, implausibleSwitch } from './plausible.ts';
import { buildWaits, framesWait, type LockWord, type WaitEdge } from './waits.ts';
import { DumpSeparator } from './dumps.ts';

/** A record together with the command whose output it was (null when pasted without one). */
export interface CommandedRecord {
  record: MdbRecord;
  command: ParsedCommand | null;
  /**
   * Whose prompt the command was typed at. `kmdb` (`[N]> `) is also what a bhyve guest's debugger
   * prints, so a stack read there may be a guest kernel's, not a thread of this system.
   */
  prompt?: 'mdb' | 'kmdb' | 'shell' | 'bare';
}

/** A model remark that is neither a finding nor a refused value: it says what the model left out and why. */
export interface ModelNote {
  line: number;
  message: string;
}

/** kthread_t members that map onto Thread fields. */
const KTHREAD_FIELDS: Record<string, keyof Thread> = {
  t_pri: 'pri',
  t_epri: 'epri',
  t_cid: 'cid',
  t_disp_time: 'dispTime',
  // processor_bind's value only: the dispatcher binds by t_bound_cpu / t_weakbound_cpu (below).
  t_bind_cpu: 'bindCpu',
  t_waitrq: 'waitrq',
};
/** `::thread` columns and the kthread_t members they print. */
const THREAD_COLUMNS: Readonly<Record<string, string>> = { PRI: 't_pri', EPRI: 't_epri', DISPTIME: 't_disp_time', BOUND: 't_bind_cpu' };
const TSPROC_FIELDS: Record<string, keyof Thread> = {
  ts_timeleft: 'tsTimeleft',
  ts_dispwait: 'tsDispwait',
  ts_flags: 'tsFlags',
};

/** What each format dcmd reads and prints (mdb-formats.md): its width in bytes and its radix. */
const FORMAT_READS: Readonly<Record<string, { bytes: number; radix: 10 | 16 }>> = {
  d: { bytes: 2, radix: 10 },
  u: { bytes: 2, radix: 10 },
  x: { bytes: 2, radix: 16 },
  D: { bytes: 4, radix: 10 },
  U: { bytes: 4, radix: 10 },
  X: { bytes: 4, radix: 16 },
  e: { bytes: 8, radix: 10 },
  E: { bytes: 8, radix: 10 },
  J: { bytes: 8, radix: 16 },
  K: { bytes: 8, radix: 16 },
};

/** Input text quoted in a diagnostic: short, so a huge value does not make a huge message. */
function clip(text: string): string {
  return text.length > 40 ? text.slice(0, 37) + '...' : text;
}

export interface BuildOptions {
  /** Share identical stacks between threads, keeping no frame pointers, arguments or frame lines (see SharedStacks). */
  sharedStacks?: boolean;
}

/** The one word of a kmutex_t or krwlock_t as `::print` shows `_opaque`: `[ 0x... ]`; null when not that. */
function lockWord(text: string): bigint | null {
  const t = text.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return null;
  const inner = t.slice(1, -1).trim();
  if (inner.includes(',') || inner.includes(' ')) return null;
  const v = parseMdbBigInt(inner, 16);
  return v !== null && fits(v, 8) ? v : null;
}

/**
 * The address typed before a one-stage command (`ADDR::print`, `ADDR::stack`, `ADDR$C`): the
 * object it prints. After a pipe it is where the stage before started (`P::walk thread | ...`),
 * and what the last stage prints is not at it.
 */
function ownAddress(command: ParsedCommand | null): Addr | null {
  const only = command !== null && command.stages.length === 1 ? command.stages[0]! : null;
  return only === null || only.addr === null ? null : toAddr(only.addr);
}

/**
 * A thread a later ::cpuinfo shows running was not still queued, nor one it shows queued still
 * running (a live system shown twice): the place an earlier line gave it is forgotten.
 */
function leavePlace(t: Thread, place: 'onCpu' | 'queuedOn'): void {
  t[place] = null;
  delete t.lines[place];
}

class SnapshotBuilder {
  readonly snap: DispatcherSnapshot = emptySnapshot();
  private readonly shared: SharedStacks | null;
  private readonly threads = new ThreadTable();
  private readonly cpus = new Map<number, Cpu>();
  /** Memory addresses known to hold a thread's class-data field: `/D` of such an address reads it again. */
  private readonly fieldAt = new Map<Addr, { thread: Thread; field: keyof Thread; member: string }>();
  /** Shared-stack mode: each thread's wait, read from its record before the stack was shared. */
  private readonly recordWaits = new Map<Addr, WaitEdge>();
  private readonly pendingAnonymousStacks: { rec: StackRecord; kmdb: boolean }[] = [];
  private notes: ModelNote[] = [];
  /** t_cldata address -> its thread, so class data printed later finds its owner in O(1). */
  private readonly cldataOwner = new Map<Addr, Thread>();
  /** Values the input shows that no kernel could hold: diagnosed here, not used (see takeDiagnostics). */
  private diagnostics: Diagnostic[] = [];
  /** `::class` rows by slot (`t_cid`). */
  private readonly classSlots = new Map<number, { name: string; line: number }>();
  /** `::mutex`, `::rwlock` and `::turnstile` rows, joined with the stacks' waits in finish(). */
  private readonly locks: { mutexes: MutexRecord[]; rwlocks: RwlockRecord[]; turnstiles: TurnstileRecord[]; words: LockWord[] } = {
    mutexes: [],
    rwlocks: [],
    turnstiles: [],
    words: [],
  };

  /** Commands whose ::print members or stacks had no owner shown (noteUnplaced, noteUnowned), each noted once. */
  private readonly unplaced = new Set<string>();
  /** Values shown at more than one moment: a CPU shown twice, a variable written. */
  private readonly moments = new Moments();
  /** Sections of a second dump stay out of this one's snapshot. */
  private readonly dumps = new DumpSeparator();

  constructor(opts: BuildOptions = {}) {
    this.shared = opts.sharedStacks === true ? new SharedStacks() : null;
  }

  /**
   * The diagnostics found since the last call: values refused because no kernel could hold them
   * (wider than their C type, an hz or a SWITCH out of range, a state no kernel has). The analysis
   * marks each line unrecognized. Some are found only by finish(), so call it after that too.
   */
  takeDiagnostics(): Diagnostic[] {
    const d = this.diagnostics;
    this.diagnostics = [];
    return d;
  }

  /** What the model left out and why, found since the last call (finish() adds some). */
  takeNotes(): ModelNote[] {
    const n = this.notes;
    this.notes = [];
    return n;
  }

  private diagnose(line: number, message: string): void {
    this.diagnostics.push({ line, col: 1, message });
  }

  private setCldata(t: Thread, addr: Addr | null, line: number): void {
    if (addr === null) return;
    setField(t, 'cldata', addr, line);
    this.cldataOwner.set(addr, t);
  }

  /** Whether the records added last belong to a dump after the first, which the snapshot leaves out. */
  readingOtherDump(): boolean {
    return this.dumps.readingOther();
  }

  add({ record, command, prompt }: CommandedRecord): void {
    if (this.dumps.leavesOut(record)) return;
    switch (record.kind) {
      case 'cpu':
        return this.addCpu(record);
      case 'stack':
        return this.addStack(record, command, prompt === 'kmdb');
      case 'stacksGroup':
        return this.addGroup(record);
      case 'threadlist':
        return this.addThreadlist(record);
      case 'thread':
        return this.addThreadSummary(record);
      case 'print':
        return this.addPrint(record, command);
      case 'format': {
        const st = lastStage(command);
        if (st?.immediate === true) {
          // `*NAME=fmt` loads the word at NAME and formats its low bytes, as NAME/fmt reads them;
          // any other `=fmt` formats the address typed, not what is there: no value of the dump.
          const loaded = st.addr !== null && st.addr.startsWith('*') && isSymbolName(st.addr.slice(1)) ? st.addr.slice(1) : null;
          return loaded !== null ? this.addFormat(record, command, loaded) : this.noteImmediate(record, command!);
        }
        this.noteWord(record, command);
        return this.addFormat(record, command);
      }
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
        // `::panicinfo` prints each field on its own row: each keeps its own line.
        const at = record.lines ?? {};
        setField(p, 'message', record.message.length > 0 ? record.message : null, at.message ?? record.line);
        setField(p, 'cpu', record.cpu, at.cpu ?? record.line);
        setField(p, 'thread', record.thread === null ? null : toAddr(record.thread), at.thread ?? record.line);
        return;
      }
      case 'system':
        for (const s of record.settings) {
          if (!KEPT_TUNABLES.has(s.name)) continue;
          // `set hz=0x3e8 [0t1000]`: the first word, hex unless prefixed.
          const v = this.readTyped(tunableType(s.name), s.name, s.value.split(/\s+/)[0] ?? '', 16, s.line);
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
      case 'mutex': {
        // The owner is a thread of the dump; holding and waiters need snapshot fields not yet there.
        const owner = record.owner === null ? null : toAddr(record.owner);
        if (owner !== null) this.threads.get(owner);
        this.locks.mutexes.push(record);
        return;
      }
      case 'rwlock': {
        const owner = record.owner === null ? null : toAddr(record.owner);
        if (owner !== null) this.threads.get(owner);
        this.locks.rwlocks.push(record);
        return;
      }
      case 'turnstile': {
        const owner = record.inheritor === null ? null : toAddr(record.inheritor);
        if (owner !== null) this.threads.get(owner);
        this.locks.turnstiles.push(record);
        return;
      }
      case 'wchaninfo':
        this.applyWchaninfo(record);
        return;
    }
  }

  /** `::ps -t`: each thread's state and process name; symbol threads (`t0`) have no address to key them by. */
  private addPs(rec: PsRecord): void {
    for (const th of rec.threads) {
      const addr = toAddr(th.thread);
      if (addr === null) continue;
      const t = this.threads.get(addr);
      setField(t, 'state', th.state, th.line);
      setField(t, 'proc', rec.name, rec.line);
      setField(t, 'procAddr', toAddr(rec.addr), rec.line);
    }
  }

  finish(): DispatcherSnapshot {
    for (const { rec, kmdb } of this.pendingAnonymousStacks) {
      const owner = this.snap.panic?.thread ?? null;
      if (owner === null && kmdb) {
        // `[N]> ` is kmdb's prompt and also a bhyve guest debugger's: the text cannot tell them
        // apart, and a guest kernel's stack is no thread of this system.
        this.notes.push({
          line: rec.line,
          message:
            'a stack printed at a `[N]>` prompt names no thread and the input has no panic: it may be a bhyve guest\'s ' +
            '(whose debugger prints the same prompt), so it is not added as a thread; give its address (ADDR::findstack, ADDR$C) to attach it',
        });
        continue;
      }
      const t = owner !== null ? this.threads.get(owner) : this.threads.addAnonymous();
      if (t.stack === null) this.applyStack(t, rec);
    }
    this.snap.cpus = [...this.cpus.values()].sort((a, b) => a.id - b.id);
    for (const cpu of this.snap.cpus) {
      const short = shortQueueNote(cpu);
      if (short !== null) this.notes.push(short);
    }
    this.checkSwitchTicks();
    this.snap.threads = this.threads.all();
    seedThreadIndex(this.snap, this.threads.byAddress());
    // `::class` says which class each slot holds on this system.
    for (const t of this.snap.threads) {
      const c = t.cid === null ? undefined : this.classSlots.get(t.cid);
      if (c !== undefined && t.cls === null) setField(t, 'cls', c.name, c.line);
    }
    // Class slot 0 is SYS on every boot; the other slots depend on load order (read ::class for them).
    for (const t of this.snap.threads) if (t.cid === 0 && t.cls === null) setField(t, 'cls', 'SYS', t.lines['cid']!);
    const waits = buildWaits(this.snap.threads, this.locks, this.recordWaits);
    if (waits.edges.length > 0 || waits.owners.length > 0) this.snap.waits = waits;
    this.notes.push(...this.moments.settle(this.snap));
    const others = this.dumps.otherDumps();
    if (others.length > 0) this.snap.otherDumps = others;
    this.notes.push(...this.dumps.notes());
    return this.snap;
  }

  private panic() {
    this.snap.panic ??= { message: null, cpu: null, thread: null, lines: {} };
    return this.snap.panic;
  }

  /** A tunable's value as shown at `line`; `written`: read back after a write (moments.ts says that change). */
  private tunable(name: string, value: number, line: number, written = false): void {
    const bad = name === 'hz' ? implausibleHz(value) : null;
    if (bad !== null) return this.diagnose(line, bad);
    const before = this.snap.tunables[name];
    if (!written && before !== undefined && before !== value) {
      this.notes.push({
        line,
        message:
          `${name} shows ${value} here and ${before} at line ${this.snap.tunableLines[name]}, with no write shown between them ` +
          `(two boots or systems in one input, or a write the paste left out): the snapshot uses ${value}, the later`,
      });
    }
    this.snap.tunables[name] = value;
    this.snap.tunableLines[name] = line;
  }

  /** SWITCH counts ticks since a switch: more than the clock can have counted is not a value (see implausibleSwitch). */
  private checkSwitchTicks(): void {
    const hz = this.snap.tunables['hz'] ?? null;
    for (const cpu of this.snap.cpus) {
      if (cpu.switchTicks === null) continue;
      const bad = implausibleSwitch(cpu.switchTicks, hz);
      if (bad === null) continue;
      this.diagnose(cpu.lines['switchTicks'] ?? cpu.lines['id'] ?? 0, `CPU ${cpu.id}: ${bad}`);
      cpu.switchTicks = null;
      delete cpu.lines['switchTicks'];
    }
  }

  /**
   * A printed value of a known C type as a number, or null: a value wider than its type is
   * diagnosed (never wrapped); one that is not a number (a symbol) or not exact in a JS number
   * (most pointers) is null without a word, as the model only keeps small integers by value.
   */
  private readTyped(type: CType | null, name: string, text: string, radix: 10 | 16, line: number): number | null {
    if (type === null) return null;
    const r = readCValue(type, text, radix);
    if (!r.ok) {
      if (r.why === 'too-wide') this.diagnose(line, `${name} = ${clip(text)} is wider than its C type ${type.name} (${sizeOf(type)} bytes): not used`);
      return null;
    }
    return exactNumber(r.value);
  }

  /** A state as a dcmd printed it, or null with a diagnostic when it is none the kernel or libc has. */
  private readState(text: string, what: string, line: number): ThreadState | null {
    const s = stateFromName(text);
    // mdb prints `INVAL/ff` (`inval/ff` in ::thread) for a t_state value no kernel uses.
    if (s === null) this.diagnose(line, `${what} ${clip(text)} is not a thread state any kernel has: not used`);
    return s;
  }

  private addCpu(rec: CpuRecord): void {
    const cpu = readCpu(
      rec,
      (line, message) => this.diagnose(line, message),
      (line, message) => this.notes.push({ line, message }),
    );
    this.moments.cpuShown(rec.line);
    const prev = this.cpus.get(cpu.id);
    if (prev !== undefined && prev.addr !== null && cpu.addr !== null && prev.addr !== cpu.addr) {
      this.moments.cpuMoved(cpu.id, cpu.lines['addr'] ?? rec.line, cpu.addr, prev.addr, prev.lines['addr'] ?? 0);
    }
    if (prev === undefined) this.cpus.set(cpu.id, cpu);
    else {
      const merged = mergeCpu(prev, cpu);
      this.cpus.set(cpu.id, merged.cpu);
      this.moments.queueFate(cpu.id, rec.line, merged.fate);
    }
    // A NULL cpu_thread prints as zeros: there is no thread to record.
    if (cpu.thread !== null && cpu.thread !== '0') {
      const t = this.threads.get(cpu.thread);
      leavePlace(t, 'queuedOn');
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
      leavePlace(t, 'onCpu');
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
      // Shared stacks lose their arguments and lines: read the wait while the record still has
      // them. This record's stack replaces any earlier one, and so does its wait (or its lack of one).
      if (this.shared !== null && t.addr !== null) {
        const w = framesWait(t.addr, rec.frames);
        if (w !== null) this.recordWaits.set(t.addr, w);
        else this.recordWaits.delete(t.addr);
      }
      setField(t, 'stack', this.shared === null ? stackFromRecord(rec) : this.shared.shareRecord(rec), rec.line);
    }
    setField(t, 'desc', rec.threadDesc, rec.line);
    if (rec.free) setField(t, 'state', 'free', rec.line);
  }

  private addStack(rec: StackRecord, command: ParsedCommand | null, kmdb: boolean): void {
    // `ADDR::stack`, `ADDR$C`: the address typed is the thread's (ownAddress). After a pipe, the
    // stacks, which print no thread, are the walk's.
    const shown = rec.thread === null ? null : toAddr(rec.thread);
    if (lastStage(command)?.name === 'cpustack') return this.noteCpuStack(rec, command!);
    if (shown === null && command !== null && command.stages.length > 1) return this.noteUnowned(rec, command);
    const addr = shown ?? ownAddress(command);
    if (addr === null) {
      this.pendingAnonymousStacks.push({ rec, kmdb });
      return;
    }
    this.applyStack(this.threads.get(addr), rec);
  }

  private addGroup(rec: StacksGroupRecord): void {
    const members = [...(rec.thread === null ? [] : [{ thread: rec.thread, line: rec.line }]), ...rec.members];
    if (members.length === 0 && rec.frames.length > 0) {
      // Frames read before any group line: output cut at its top, or filtered after `!`.
      const n = rec.frames.length;
      this.notes.push({ line: rec.line, message: `${n} ::stacks frame${n === 1 ? '' : 's'} with no group line (THREAD STATE SOBJ COUNT) above ${n === 1 ? 'it' : 'them'}: not given to any thread` });
    }
    // The grammar names the state; the model diagnoses a spelling no kernel has (INVAL/ff).
    const state = rec.state ?? (rec.stateText === null ? null : this.readState(rec.stateText, '::stacks state', rec.line));
    for (const m of members) {
      const addr = toAddr(m.thread);
      if (addr === null) continue;
      const t = this.threads.get(addr);
      if (state !== null) setField(t, 'state', state, m.line);
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
    const addr = toAddr(rec.addr);
    if (addr === null) return;
    const t = this.threads.get(addr);
    setField(t, 'procAddr', toAddr(rec.proc), rec.line);
    setField(t, 'desc', rec.desc, rec.line);
    setField(t, 'cid', rec.cid, rec.line);
    setField(t, 'pri', rec.pri, rec.line);
    const w = rec.wchan === null ? null : toAddr(rec.wchan);
    setField(t, 'wchan', w === '0' ? null : w, rec.line);
    if (rec.stack !== null) this.applyStack(t, rec.stack);
  }

  private addThreadSummary(rec: ThreadSummaryRecord): void {
    const addr = toAddr(rec.addr);
    if (addr === null) return;
    const t = this.threads.get(addr);
    const c = rec.columns;
    // Each column shows a kthread_t member: read by its C type, so a value it cannot hold is refused.
    const num = (k: string, radix: 10 | 16) => {
      const text = c[k];
      const member = THREAD_COLUMNS[k]!;
      return text === undefined ? null : this.readTyped(fieldType(member, 'kthread_t'), `${k} (${member})`, text, radix, rec.line);
    };
    if (c['STATE'] !== undefined) setField(t, 'state', this.readState(c['STATE'], '::thread STATE', rec.line), rec.line);
    setField(t, 'pri', num('PRI', 10), rec.line);
    setField(t, 'epri', num('EPRI', 10), rec.line);
    setField(t, 'dispTime', num('DISPTIME', 16), rec.line);
    // BOUND is t_bind_cpu (processor_bind), not the dispatcher's t_bound_cpu.
    setField(t, 'bindCpu', num('BOUND', 10), rec.line);
    const sw = c['SWITCH'];
    if (sw !== undefined && sw.startsWith('t-')) setField(t, 'sinceDispTicks', parseMdbInt(sw.slice(2), 10), rec.line);
    const w = c['WCHAN'] === undefined ? null : toAddr(c['WCHAN']);
    setField(t, 'wchan', w === '0' ? null : w, rec.line);
  }

  /**
   * `::wchaninfo -v`: each waiter sleeps on the channel (its t_wchan) of the kind TYPE names, which
   * makes a wait edge for a thread whose stack was not pasted. What the input showed otherwise stays.
   */
  private applyWchaninfo(rec: WchanRecord): void {
    const wchan = toAddr(rec.addr);
    if (wchan === null) return;
    const sobj = rec.type === 'cond' ? 'CV' : rec.type === 'sema' ? 'SEMA' : null;
    for (const w of rec.waiters) {
      const addr = toAddr(w.thread);
      if (addr === null) continue;
      const t = this.threads.get(addr);
      if (t.wchan === null) setField(t, 'wchan', wchan, w.line);
      if (t.sobj === null) setField(t, 'sobj', sobj, w.line);
      if (t.proc === null) setField(t, 'proc', w.proc, w.line);
    }
  }

  /** Applies one member of a struct of a known type at a known address. */
  private applyMember(type: string, base: Addr | null, f: PrintField): void {
    const member = f.name.split('.').pop()!;
    // Only the structs whose members the table knows: another struct may reuse a member name.
    const known = type in STRUCT_MEMBERS;
    const value = f.value === null || !known ? null : this.readTyped(fieldType(member), member, f.value, 16, f.line);
    if ((type === 'kmutex_t' || type === 'krwlock_t') && base !== null && member === '_opaque' && f.value !== null) {
      // `_opaque = [ 0xffffff0d4a9f3b80 ]`: the lock word, read against the waiters' frames in buildWaits.
      const word = lockWord(f.value);
      if (word !== null) this.locks.words.push({ addr: base, value: word, as: type === 'kmutex_t' ? 'mutex' : 'rwlock', line: f.line });
      return;
    }
    if (type === 'kthread_t' && base !== null) {
      const t = this.threads.get(base);
      const key = KTHREAD_FIELDS[member];
      if (key !== undefined) setField(t, key, value as never, f.line);
      if (member === 't_state' && value !== null) {
        const state = stateFromCode(value);
        if (state === null) this.diagnose(f.line, `t_state ${value} is not a thread state (mdb shows it as inval/${value.toString(16).padStart(2, '0')}): not used`);
        setField(t, 'state', state, f.line);
      }
      if ((member === 't_bound_cpu' || member === 't_weakbound_cpu') && f.value !== null) {
        // A pointer to the cpu_t the thread is bound to (kernel affinity); NULL when unbound.
        const p = toAddr(f.value);
        const bound = p === '0' ? -1 : [...this.cpus.values()].find((c) => c.addr === p)?.id;
        if (bound !== undefined) setField(t, member === 't_bound_cpu' ? 'boundCpu' : 'weakBoundCpu', bound, f.line);
      }
      if (member === 't_cldata' && f.value !== null) this.setCldata(t, toAddr(f.value), f.line);
      if (member === 't_wchan' && f.value !== null) {
        const w = toAddr(f.value);
        setField(t, 'wchan', w === '0' ? null : w, f.line);
      }
    } else if (type === 'tsproc_t') {
      const t = this.threadOfClassData(base);
      const key = TSPROC_FIELDS[member];
      if (t !== undefined && key !== undefined) {
        setField(t, key, value as never, f.line);
        const at = f.addr === null ? null : toAddr(f.addr);
        if (at !== null) this.fieldAt.set(at, { thread: t, field: key, member });
      }
    } else if (type === 'cpu_t' && base !== null) {
      const cpu = [...this.cpus.values()].find((c) => c.addr === base);
      if (cpu === undefined) return;
      if (member === 'cpu_runrun' && value !== null) setField(cpu, 'runrun', value !== 0, f.line);
      if (member === 'cpu_kprunrun' && value !== null) setField(cpu, 'kprunrun', value !== 0, f.line);
      if (member === 'cpu_dispatch_pri' && value !== null) setField(cpu, 'dispatchPri', value, f.line);
    }
  }

  /** The thread a tsproc_t belongs to: by the chain that led to it, by its `ts_tp`, or by a known `t_cldata`. */
  private threadOfClassData(base: Addr | null): Thread | undefined {
    if (this.chainThread !== null) return this.threads.get(this.chainThread);
    return base === null ? undefined : this.cldataOwner.get(base);
  }

  private chainThread: Addr | null = null;

  private addPrint(rec: PrintRecord, command: ParsedCommand | null): void {
    if (rec.symbol !== undefined) return this.addVariable(rec.symbol, rec);
    const type = rec.type;
    if (type === null) {
      if (command === null) this.noteTypeless(rec);
      return;
    }
    const stages = command?.stages ?? [];
    const first = stages[0];
    // `A::print kthread_t t_cldata | ::print tsproc_t ...`: the struct printed is A's class data.
    const chained =
      stages.length === 2 && first?.name === 'print' && first.args.includes('kthread_t') && first.args.includes('t_cldata');
    const firstAddr = first?.addr === null || first?.addr === undefined ? null : toAddr(first.addr);
    // Piped into from anything else (`P::walk thread | ::print kthread_t t_pri`), ::print reads the
    // addresses the stage before it wrote, which it does not print: the typed one is not the struct's.
    const base = rec.addr !== null ? toAddr(rec.addr) : chained ? null : ownAddress(command);
    if (base === null && !chained && type in STRUCT_MEMBERS && rec.fields.length > 0) this.noteUnplaced(rec, command);
    if (type === 'tsproc_t' && !chained && base !== null) {
      // ts_tp names the owning thread: read it first so the other members know where they go.
      const tp = rec.fields.find((f) => f.name === 'ts_tp');
      const owner = tp?.value ? toAddr(tp.value) : null;
      if (owner !== null) this.setCldata(this.threads.get(owner), base, tp!.line);
    }
    this.chainThread = chained ? firstAddr : null;
    for (const f of rec.fields) this.applyMember(type, base, f);
    this.chainThread = null;
    if (chained && firstAddr !== null) {
      const ts = rec.fields.find((f) => f.name === 'ts_timeleft');
      // ts_timeleft is tsproc_t's first member (sys/ts.h), so its address is the class data's.
      if (ts?.addr) this.setCldata(this.threads.get(firstAddr), toAddr(ts.addr), ts.line);
    }
  }

  /**
   * `kpreemptpri::print [-d] [type]`: a kept tunable's value. Printed as a type at least as wide as
   * its own, the value is read as its own type (a value that does not fit is refused, as for /D).
   */
  private addVariable(name: string, rec: PrintRecord): void {
    const f = rec.fields[0];
    const own = tunableType(name);
    if (f === undefined || f.value === null || own === null || !KEPT_TUNABLES.has(name)) return;
    if (rec.type !== null && rec.type !== own.name) {
      const as = ctypeNamed(rec.type);
      if (as === null || as.kind !== 'int' || sizeOf(as) < sizeOf(own)) {
        return this.diagnose(f.line, `${name}::print ${rec.type} reads it as ${rec.type}, not as its ${own.name}: not used`);
      }
    }
    const v = this.readTyped(own, name, f.value, 16, f.line);
    if (v !== null) this.tunable(name, v, f.line);
  }

  /** Whether `key` (a command) has had no note about unplaced values yet; marks it as having one. */
  private firstTime(key: string): boolean {
    if (this.unplaced.has(key)) return false;
    this.unplaced.add(key);
    return true;
  }

  /** Once per command: stacks a pipeline printed with no thread to own them. */
  private noteUnowned(rec: StackRecord, command: ParsedCommand): void {
    if (!this.firstTime(command.text)) return;
    const findstack = lastStage(command)!.name === 'findstack';
    this.notes.push({
      line: rec.line,
      message: findstack
        ? `\`${command.text}\` shows frames with no \`stack pointer for thread\` line above them (a filter after \`!\` drops it), so they are not given to any thread`
        : `\`${command.text}\` prints stacks with no thread address, so they are not given to any thread: ` +
          `::findstack prints each thread's (\`::walk thread | ::findstack -v\`)`,
    });
  }

  /**
   * Once per command: `::cpustack` walks the frames from a CPU's saved registers (kvm_isadep.c),
   * which may be an interrupt's on top of the thread cpu_thread names, so the stack is read and
   * given to no thread.
   */
  private noteCpuStack(rec: StackRecord, command: ParsedCommand): void {
    if (!this.firstTime(command.text)) return;
    this.notes.push({
      line: rec.line,
      message:
        `\`${command.text}\` shows a CPU's stack from its saved registers, which may be an interrupt's over the thread the CPU runs, ` +
        `so it is not given to any thread: \`ADDR::findstack -v\` of the CPU's thread (::cpuinfo) gives that thread's`,
    });
  }

  /**
   * `::print` output pasted with no command and no type (`ADDR ts_timeleft = 0xff9b0253`): members
   * the model keeps, of a struct it cannot name nor place. Said, so a rule's "no thread's
   * ts_timeleft in the input" is not the whole story.
   */
  private noteTypeless(rec: PrintRecord): void {
    const names = rec.fields.filter((f) => f.value !== null && isStructMember(f.name)).map((f) => f.name);
    if (names.length === 0) return;
    const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
    this.notes.push({
      line: rec.line,
      message:
        `::print output with no command above it shows ${shown}: its type and the thread or CPU it belongs to are not shown, ` +
        `so ${names.length === 1 ? 'it is' : 'they are'} not used (paste the command that printed ${names.length === 1 ? 'it' : 'them'} with it)`,
    });
  }

  /** Once per command: members ::print showed with no address of the struct they belong to. */
  private noteUnplaced(rec: PrintRecord, command: ParsedCommand | null): void {
    if (!this.firstTime(command?.text ?? `${rec.type} at line ${rec.line}`)) return;
    this.notes.push({
      line: rec.line,
      message:
        `${command === null ? `::print of ${rec.type}` : `\`${command.text}\``} shows no address for the ${rec.type} it prints, so its members are not given to any ` +
        `${rec.type === 'kthread_t' ? 'thread' : 'object'}: print each one at its address (ADDR::print ${rec.type} ...)`,
    });
  }

  /** `loaded`: the variable a `*NAME=fmt` loaded, whose value the output is. */
  private addFormat(rec: FormatRecord, command: ParsedCommand | null, loaded?: string): void {
    const stage = lastStage(command);
    const fmt = rec.format ?? (stage?.verb === 'format' ? stage.name : null);
    const first = rec.values[0];
    if (first === undefined) return;
    // A write's value is the one read back after it, printed `0x%x` at the verb's width.
    const writes = rec.written !== undefined && fmt !== null ? WRITE_BYTES[fmt] : undefined;
    const read = writes !== undefined ? { bytes: writes, radix: 16 as const } : fmt === null ? undefined : FORMAT_READS[fmt];
    if (read === undefined) {
      // `kpreemptpri:    100` pasted bare: 100 is 0t100 under /D and 0x100 under /X.
      if (fmt === null && rec.symbol !== null && KEPT_TUNABLES.has(rec.symbol)) {
        this.notes.push({ line: first.line, message: `${rec.symbol}: ${clip(first.text.trim())} is shown with no command: whether it is decimal (/D) or hex (/X) is not, so the value is not used` });
      }
      return;
    }
    const verb = writes !== undefined ? 'writes' : 'reads';
    const typed = stage?.addr ?? null;
    const symbol = loaded ?? rec.symbol ?? (typed !== null && isSymbolName(typed) ? typed : null);
    let target: { name: string; type: CType | null; set: (v: number) => void; tunable?: true } | null = null;
    if (symbol !== null && KEPT_TUNABLES.has(symbol)) {
      target = { name: symbol, type: tunableType(symbol), set: (v) => this.tunable(symbol, v, first.line, rec.written !== undefined), tunable: true };
    } else {
      const addr = rec.addr !== null ? toAddr(rec.addr) : stage?.addr ? toAddr(stage.addr) : null;
      const known = addr === null ? undefined : (this.fieldAt.get(addr) ?? this.classDataAt(addr));
      if (known !== undefined) {
        target = { name: known.member, type: fieldType(known.member), set: (v) => setField(known.thread, known.field, v as never, first.line) };
      }
    }
    if (target === null || target.type === null) return;
    const whole = parseMdbBigInt(first.text.trim().split(/\s+/)[0] ?? '', read.radix);
    if (whole !== null && !fits(whole, read.bytes)) {
      return this.diagnose(first.line, `${target.name}/${fmt} shows ${clip(first.text.trim())}, more than the ${read.bytes} bytes /${fmt} ${verb}: not used`);
    }
    // A read narrower than the variable shows only part of it: which part, and the rest, are unknown.
    // So does a narrower write: the bytes it did not write are not shown.
    if (read.bytes < sizeOf(target.type)) {
      return this.diagnose(first.line, `${target.name}/${fmt} ${verb} ${read.bytes} of the ${sizeOf(target.type)} bytes of its ${target.type.name}: not used`);
    }
    // A wider read (`/D` of a 2-byte pri_t) shows the variable in its low bytes (x86 is little-endian)
    // and whatever follows it above: a value that does not fit the type is refused, not cut.
    const v = this.readTyped(target.type, target.name, first.text, read.radix, first.line);
    if (v === null) return;
    const tunable = target.tunable === true;
    const known = tunable ? this.snap.tunables[target.name] : undefined;
    target.set(v);
    if (rec.written !== undefined) {
      // The old value is the write's own reading, else what an earlier read showed; unknown when
      // neither (a wider write shows the bytes above the variable too, which may not fit it).
      const before = interpretRaw(target.type, rec.written.old, 16) ?? known ?? null;
      this.moments.written({ name: target.name, tunable, before, after: v, line: first.line });
    }
  }

  /** Once per command: `kpreemptpri=D` shows where kpreemptpri is, which reads as if it were its value. */
  private noteImmediate(rec: FormatRecord, command: ParsedCommand): void {
    const st = lastStage(command)!;
    if (st.addr === null || !KEPT_TUNABLES.has(st.addr) || !this.firstTime(command.text)) return;
    this.notes.push({
      line: rec.line,
      message: `\`${command.text}\` prints the address of ${st.addr}, not its value (\`${st.addr}/${st.name}\` reads the value): not used as ${st.addr}`,
    });
  }

  /** `ADDR/J` (or /K): an 8-byte hex word at an address, kept in case a waiter's mutex is there (see buildWaits). */
  private noteWord(rec: FormatRecord, command: ParsedCommand | null): void {
    const stage = lastStage(command);
    const fmt = rec.format ?? (stage?.verb === 'format' ? stage.name : null);
    const first = rec.values[0];
    if ((fmt !== 'J' && fmt !== 'K') || first === undefined) return;
    const addr = rec.addr !== null ? toAddr(rec.addr) : stage?.addr ? toAddr(stage.addr) : null;
    const value = parseMdbBigInt(first.text.trim().split(/\s+/)[0] ?? '', 16);
    if (addr !== null && value !== null && fits(value, 8)) this.locks.words.push({ addr, value, as: null, line: first.line });
  }

  /** `/D` of a thread's t_cldata address reads ts_timeleft (offset 0 of tsproc_t). */
  private classDataAt(addr: Addr) {
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
