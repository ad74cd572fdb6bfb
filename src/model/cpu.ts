// One `::cpuinfo` CPU record as a snapshot Cpu: addresses normalised (so they match the same
// thread printed by other dcmds), and each field's source line kept.
import type { CpuRecord } from '../../grammar/records.ts';
import { MAXCOMLEN, toAddr, type Addr } from '../../illumos/index.ts';
import { readWithoutNote } from '../ingest/annotation.ts';
import type { Cpu } from './snapshot.ts';

/** Where a value the model refuses is reported: its line and why. */
export type Diagnose = (line: number, message: string) => void;

/** The Cpu of a record; an entry whose thread is not an address is dropped without a word (see readCpu). */
export function cpuFromRecord(rec: CpuRecord): Cpu {
  return readCpu(rec, () => {});
}

/**
 * A PROC cell with a writer's note after the name and no mark before it (`sched   (this one)`):
 * mdb prints `u_comm`, at most MAXCOMLEN characters, and never two spaces in a row after it, so a
 * name of up to 16 characters then two spaces or a tab ends there. Null when the cell is a name.
 */
export function splitProcNote(proc: string): { name: string; note: string } | null {
  const gap = proc.search(/ {2}|\t/);
  if (gap <= 0 || gap > MAXCOMLEN) return null;
  const note = proc.slice(gap).trim();
  return note === '' ? null : { name: proc.slice(0, gap), note };
}

/**
 * The Cpu of a record, each entry dropped for a thread that is not an address said to `diagnose`;
 * a process name read without a writer's note after it is said to `note`.
 */
export function readCpu(rec: CpuRecord, diagnose: Diagnose, note: Diagnose = () => {}): Cpu {
  const at = rec.line;
  const procOf = (proc: string, line: number): string => {
    const split = splitProcNote(proc);
    if (split === null) return proc;
    note(line, readWithoutNote(split.note));
    return split.name;
  };
  const lines: Record<string, number> = {};
  const seen = <T>(key: string, v: T | null, line: number = at): T | null => {
    if (v !== null) lines[key] = line;
    return v;
  };
  // A cell the grammar read as an address always is one; a row where it is not is dropped, said.
  const entries = <E extends { thread: string; line: number }, R>(list: readonly E[], what: string, make: (e: E, thread: Addr) => R): R[] => {
    const out: R[] = [];
    for (const e of list) {
      const thread = toAddr(e.thread);
      if (thread === null) diagnose(e.line, `CPU ${rec.id}: ${what} thread ${JSON.stringify(e.thread.slice(0, 40))} is not an address: not used`);
      else out.push(make(e, thread));
    }
    return out;
  };
  const pinned = rec.pinned === null ? [] : entries([rec.pinned], 'pinned', (p, thread) => ({ thread, proc: procOf(p.proc, p.line), line: p.line }));
  // ADDR and THREAD are both printed `%0*p` at one width (mdb-formats.md, ::cpuinfo): a THREAD of
  // another width was cut, most likely by a line wrapped inside it, and what follows it on the row
  // (PROC) is the rest of the cut. Neither is used: a wrong address would name the wrong thread.
  const cut = rec.thread.length !== rec.addr.length;
  if (cut) {
    diagnose(
      at,
      `CPU ${rec.id}: THREAD ${JSON.stringify(rec.thread.slice(0, 40))} has ${rec.thread.length} hex digits where ADDR has ${rec.addr.length}; mdb prints both at one width, so it was cut (a line wrapped inside it?): THREAD and PROC not used`,
    );
  }
  const cpu: Cpu = {
    id: rec.id,
    addr: seen('addr', toAddr(rec.addr)),
    flags: seen('flags', rec.flags),
    flagNames: [...rec.flagNames],
    nrun: seen('nrun', rec.nrun),
    bspl: seen('bspl', rec.bspl),
    pri: seen('pri', rec.pri),
    runrun: seen('runrun', rec.runrun),
    kprunrun: seen('kprunrun', rec.kprunrun),
    switchTicks: seen('switchTicks', rec.switchTicks),
    thread: cut ? null : seen('thread', toAddr(rec.thread)),
    proc: cut || rec.proc === null ? null : seen('proc', procOf(rec.proc, rec.procLine ?? at), rec.procLine ?? at),
    pil: entries(rec.pil, 'interrupt', (p, thread) => ({ pil: p.pil, thread, line: p.line })),
    pinned: pinned[0] ?? null,
    runq: rec.runq === null ? null : entries(rec.runq, 'run-queue', (q, thread) => ({ pri: q.pri, thread, proc: procOf(q.proc, q.line), line: q.line })),
    lines,
  };
  lines['id'] = at;
  // Block fields point at their first entry; each entry also keeps its own line.
  if (cpu.pil.length > 0) lines['pil'] = cpu.pil[0]!.line;
  if (cpu.pinned !== null) lines['pinned'] = cpu.pinned.line;
  if (cpu.runq !== null) lines['runq'] = cpu.runq[0]?.line ?? at;
  return cpu;
}

/** What a merge did with a run queue the later record did not show. */
export type QueueFate = { kept: number } | { dropped: number } | null;

/**
 * The same CPU shown again by a later `::cpuinfo`: its values replace the earlier ones. A plain
 * `::cpuinfo` shows no run queue and no interrupt threads, which is not saying there are none: when
 * it shows the CPU still running the same thread (in a dump both outputs show one moment), the
 * queue and interrupt threads of the earlier `::cpuinfo -v` are kept; with another thread running
 * they were of another moment and are dropped. `fate` names the line of the queue kept or dropped.
 */
export function mergeCpu(prev: Cpu, next: Cpu): { cpu: Cpu; fate: QueueFate } {
  const cpu: Cpu = { ...prev, ...next, lines: { ...prev.lines, ...next.lines } };
  if (next.runq !== null || prev.runq === null) return { cpu, fate: null };
  const queueLine = prev.lines['runq'] ?? prev.lines['id']!;
  const blocks = ['runq', 'pil', 'pinned'] as const;
  if (next.thread !== null && next.thread === prev.thread) {
    cpu.runq = prev.runq;
    cpu.pil = prev.pil;
    cpu.pinned = prev.pinned;
    return { cpu, fate: { kept: queueLine } };
  }
  for (const k of blocks) delete cpu.lines[k];
  return { cpu, fate: { dropped: queueLine } };
}

/** How many of the threads NRUN counts a `-v` run queue does not list (0 when it lists them all, or is not shown). */
export function queueMissing(cpu: Cpu): number {
  return cpu.runq === null || cpu.nrun === null ? 0 : Math.max(0, cpu.nrun - cpu.runq.length);
}

/**
 * A CPU whose `-v` run queue lists fewer threads than its NRUN: the rest are not in the input.
 * The rules judge only the threads listed, so the note says how many more there are.
 */
export function shortQueueNote(cpu: Cpu): { line: number; message: string } | null {
  const missing = queueMissing(cpu);
  if (missing === 0) return null;
  const listed = cpu.runq!.length;
  return {
    line: cpu.lines['runq'] ?? cpu.lines['nrun'] ?? cpu.lines['id']!,
    message:
      `CPU ${cpu.id} shows NRUN ${cpu.nrun} but its run queue lists ${listed === 0 ? 'no thread' : listed === 1 ? '1 thread' : `${listed} threads`}: ` +
      `the other ${missing} are not in the input (the output was cut short, by the paste or by \`! head\` after the command, ` +
      `or the queue changed while mdb printed it on a live system), so what the rules say of this queue covers only the threads listed`,
  };
}
