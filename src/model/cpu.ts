// One `::cpuinfo` CPU record as a snapshot Cpu: addresses normalised (so they match the same
// thread printed by other dcmds), and each field's source line kept.
import type { CpuRecord } from '../../grammar/records.ts';
import { normalizeAddr } from '../../grammar/common/numbers.ts';
import type { Cpu } from './snapshot.ts';

export function cpuFromRecord(rec: CpuRecord): Cpu {
  const at = rec.line;
  const lines: Record<string, number> = {};
  const seen = <T>(key: string, v: T | null, line: number = at): T | null => {
    if (v !== null) lines[key] = line;
    return v;
  };
  const cpu: Cpu = {
    id: rec.id,
    addr: seen('addr', normalizeAddr(rec.addr)),
    flags: seen('flags', rec.flags),
    flagNames: [...rec.flagNames],
    nrun: seen('nrun', rec.nrun),
    bspl: seen('bspl', rec.bspl),
    pri: seen('pri', rec.pri),
    runrun: seen('runrun', rec.runrun),
    kprunrun: seen('kprunrun', rec.kprunrun),
    switchTicks: seen('switchTicks', rec.switchTicks),
    thread: seen('thread', normalizeAddr(rec.thread)),
    proc: seen('proc', rec.proc, rec.procLine ?? at),
    pil: rec.pil.map((p) => ({ pil: p.pil, thread: normalizeAddr(p.thread) ?? p.thread, line: p.line })),
    pinned:
      rec.pinned === null
        ? null
        : { thread: normalizeAddr(rec.pinned.thread) ?? rec.pinned.thread, proc: rec.pinned.proc, line: rec.pinned.line },
    runq:
      rec.runq === null
        ? null
        : rec.runq.map((q) => ({ pri: q.pri, thread: normalizeAddr(q.thread) ?? q.thread, proc: q.proc, line: q.line })),
    lines,
  };
  lines['id'] = at;
  // Block fields point at their first entry; each entry also keeps its own line.
  if (cpu.pil.length > 0) lines['pil'] = cpu.pil[0]!.line;
  if (cpu.pinned !== null) lines['pinned'] = cpu.pinned.line;
  if (cpu.runq !== null) lines['runq'] = cpu.runq[0]?.line ?? at;
  return cpu;
}
