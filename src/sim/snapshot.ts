// The simulator's state as a DispatcherSnapshot: what a debugger attached at this moment would
// find, with addresses normalised as the parser normalises them and `lines` empty (no input).
import { cpuFlagNames, MAXCOMLEN, stateFromCode, toAddr } from '../../illumos/index.ts';
import type { Addr, Cpu, DispatcherSnapshot, Thread } from '../model/snapshot.ts';
import { blankThread } from '../model/snapshot.ts';
import { dqList } from './dispq.ts';
import { threadStack } from './frames.ts';
import { CLASS_NAMES, KIND_IDLE, KIND_INTR, KPQ, SimCpu, SimState, SimThread, TS_FREE, TS_ONPROC, TS_RUN } from './types.ts';

export function comm(t: SimThread): string {
  return t.comm.slice(0, MAXCOMLEN);
}

function addr(a: string): Addr {
  // The simulator's addresses are hex; the cast only keeps the old fallback's type.
  return toAddr(a) ?? (a as Addr);
}

/** PROC column text for a thread on a CPU (or pinned under an interrupt thread). */
function procOf(t: SimThread): string {
  return t.kind === KIND_IDLE ? '(idle)' : comm(t);
}

export function cpuSnapshot(s: SimState, c: SimCpu): Cpu {
  const pil = [...c.intr].sort((a, b) => b.pil - a.pil);
  const lowest = c.intr[0];
  return {
    id: c.id,
    addr: addr(c.addr),
    flags: c.flags,
    flagNames: cpuFlagNames(c.flags),
    nrun: c.disp.nrunnable,
    bspl: c.bspl,
    pri: c.thread.pri,
    runrun: c.runrun,
    kprunrun: c.kprunrun,
    switchTicks: c.lastSwtch === 0 ? null : s.lbolt - c.lastSwtch,
    thread: addr(c.thread.addr),
    proc: procOf(c.thread),
    pil: pil.map((t) => ({ pil: t.pil, thread: addr(t.addr), line: 0 })),
    pinned: lowest === undefined ? null : { thread: addr((lowest.pinned as SimThread).addr), proc: procOf(lowest.pinned as SimThread), line: 0 },
    runq: dqList(c.disp).map((t) => ({ pri: t.pri, thread: addr(t.addr), proc: comm(t), line: 0 })),
    lines: {},
  };
}

export function threadSnapshot(s: SimState, t: SimThread): Thread {
  const th = blankThread(addr(t.addr));
  const onCpu = s.cpus.find((c) => c.thread === t || c.dispthread === t);
  th.proc = comm(t);
  th.pri = t.pri;
  th.epri = t.epri;
  th.state = stateFromCode(t.state);
  th.cls = CLASS_NAMES[t.cls] ?? null;
  th.cid = t.cls;
  th.desc = t.desc;
  th.onCpu = onCpu === undefined ? null : onCpu.id;
  th.queuedOn = t.state === TS_RUN && t.dispQueue !== KPQ ? t.dispQueue : null;
  th.boundCpu = t.boundCpu >= 0 ? t.boundCpu : null;
  th.dispTime = t.dispTime;
  if (t.state !== TS_ONPROC && t.stack !== null) {
    const st = threadStack(t, 16);
    th.stack = st.frames.map((f) => ({ ...f, fp: f.fp === null ? null : addr(f.fp) }));
  }
  if (t.cldata !== null) {
    th.cldata = addr(t.cldata);
    th.tsTimeleft = t.tsTimeleft;
    th.tsDispwait = t.tsDispwait;
    th.tsFlags = t.tsFlags;
  }
  return th;
}

/** The whole simulated system as a snapshot (interrupt threads only while active). */
export function toSnapshot(s: SimState): DispatcherSnapshot {
  const p = s.params;
  return {
    cpus: s.cpus.map((c) => cpuSnapshot(s, c)),
    threads: s.threads.filter((t) => !(t.kind === KIND_INTR && t.state === TS_FREE)).map((t) => threadSnapshot(s, t)),
    tunables: {
      hz: p.hz,
      kpreemptpri: p.kpreemptpri,
      kpqpri: p.kpqpri,
      upreemptpri: p.upreemptpri,
      maxclsyspri: p.maxclsyspri,
      minclsyspri: p.minclsyspri,
      intr_pri: p.intrPri,
    },
    tunableLines: {},
    panic: null,
    system: null,
  };
}
