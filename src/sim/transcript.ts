// The simulator's state as an mdb session transcript: `> command` prompt lines, each followed by
// the text mdb prints, produced by the shared renderers (src/render). `playfair sim ... |
// playfair analyze -` reads it like a pasted session.
import { renderPanicinfo } from '../render/panicinfo.ts';
import { renderCpuinfo } from '../render/cpuinfo.ts';
import { renderFindstack } from '../render/findstack.ts';
import { renderFormat } from '../render/format.ts';
import { renderMutex } from '../render/mutex.ts';
import { renderTurnstileRow, turnstileHeader } from '../render/turnstile.ts';
import { dispPrio, type SimLock } from './locks.ts';
import { printFieldValue, renderPrintMembers } from '../render/print.ts';
import { dqList } from './dispq.ts';
import { threadStack } from './frames.ts';
import { cpuSnapshot } from './snapshot.ts';
import { CLS_TS, KIND_NORMAL, SimState, SimThread, TS_ONPROC, TS_SLEEP } from './types.ts';
import { toAddr } from '../../illumos/index.ts';

export const EMIT_KINDS = ['cpuinfo', 'cpuinfo-v', 'findstack', 'findstack-v', 'print', 'tunables', 'mutex', 'turnstile', 'panicinfo'] as const;
export type EmitKind = (typeof EMIT_KINDS)[number];

export interface TranscriptOptions {
  /** Pre-2019 mdb wrapped output at 80 columns; null for none. */
  autowrap?: number | null;
  /** 2018+ mdb prints thread descriptions in `::findstack`. */
  withDesc?: boolean;
  /** At most this many `::findstack` blocks (queued threads, highest priority first). */
  maxStacks?: number;
}

export function parseEmitKinds(list: string): { ok: true; kinds: EmitKind[] } | { ok: false; message: string } {
  const kinds: EmitKind[] = [];
  for (const k of list.split(',').map((x) => x.trim()).filter((x) => x !== '')) {
    if (!(EMIT_KINDS as readonly string[]).includes(k)) return { ok: false, message: `unknown --emit kind '${k}' (known: ${EMIT_KINDS.join(', ')})` };
    kinds.push(k as EmitKind);
  }
  return kinds.length === 0 ? { ok: false, message: '--emit needs at least one kind' } : { ok: true, kinds };
}

/** Threads whose stacks an engineer would look at: everything waiting on a run queue. */
export function queuedThreads(s: SimState): SimThread[] {
  const out: SimThread[] = [];
  for (const c of s.cpus) out.push(...dqList(c.disp));
  out.push(...dqList(s.kpq));
  return out;
}

/**
 * Threads asleep on a mutex or rwlock turnstile, then other sleepers a scenario's expected waits
 * name (a cv_wait link of a chain), in thread order; none for scenarios without either.
 */
export function blockedThreads(s: SimState): SimThread[] {
  if (s.locks.length === 0 && s.expectedWaits.length === 0) return [];
  const named = new Set(s.expectedWaits.flatMap((w) => w.threads));
  return s.threads.filter((t) => t.blockedOn !== null || (t.state === TS_SLEEP && named.has(t.addr)));
}

/** TS threads holding a CPU: their ts_timeleft is the other half of the 1532 evidence. */
export function runningTsThreads(s: SimState): SimThread[] {
  return s.cpus.map((c) => c.dispthread).filter((t) => t.kind === KIND_NORMAL && t.cls === CLS_TS && t.state === TS_ONPROC);
}

/** The highest DISP_PRIO among the lock's waiters; -1 with none. */
function bestWaiterPrio(l: SimLock): number {
  let p = -1;
  for (const q of l.queues) for (const w of q) p = Math.max(p, dispPrio(w));
  return p;
}

/** Does the owner inherit from this lock's turnstile? turnstile_pi_inherit wills only to an owner its waiters outrank. */
function inheritsFrom(l: SimLock): boolean {
  return l.owner !== null && bestWaiterPrio(l) > l.owner.pri;
}

/**
 * A lock's turnstile as `::turnstile` shows it: ts_epri and ts_inheritor are set only while the
 * owner inherits; ts_prioinv links the owner's inheriting turnstiles, the latest first (taken here
 * in the order the owner acquired the locks).
 */
function turnstileOf(l: SimLock) {
  const ptr = (a: string | null): string | null => (a === null ? null : toAddr(a) ?? a);
  const inherits = inheritsFrom(l);
  const epri = inherits ? bestWaiterPrio(l) : 0;
  let prioinv: string | null = null;
  if (inherits) {
    const chain = l.owner!.held.filter((h) => h.owner === l.owner && h.tsAddr !== null && inheritsFrom(h));
    const i = chain.indexOf(l);
    prioinv = i > 0 ? ptr(chain[i - 1]!.tsAddr) : null;
  }
  return { addr: ptr(l.tsAddr)!, sobj: ptr(l.addr), waiters: l.waiters, epri, inheritor: inherits ? ptr(l.owner!.addr) : null, prioinv };
}

export function emitTranscript(s: SimState, kinds: readonly EmitKind[], opts: TranscriptOptions = {}): string {
  const width = s.addrWidth;
  let out = '';
  for (const kind of kinds) {
    switch (kind) {
      case 'cpuinfo':
      case 'cpuinfo-v': {
        const verbose = kind === 'cpuinfo-v';
        out += `> ::cpuinfo${verbose ? ' -v' : ''}\n`;
        out += renderCpuinfo(s.cpus.map((c) => cpuSnapshot(s, c)), { verbose, addrWidth: width, autowrap: opts.autowrap ?? null });
        break;
      }
      case 'findstack':
      case 'findstack-v': {
        const verbose = kind === 'findstack-v';
        for (const t of [...queuedThreads(s), ...blockedThreads(s)].slice(0, opts.maxStacks ?? 32)) {
          const st = threadStack(t, width === 8 ? 8 : 16);
          out += `> ${t.addr}::findstack${verbose ? ' -v' : ''}\n`;
          out += renderFindstack(
            { addr: toAddr(t.addr) ?? t.addr, desc: t.desc, free: false, sp: toAddr(st.sp), stack: st.frames },
            { verbose, withDesc: opts.withDesc ?? false, addrWidth: width === 8 ? 8 : 16 },
          );
        }
        break;
      }
      case 'print':
        for (const t of runningTsThreads(s)) out += printTimeleft(t);
        break;
      case 'mutex':
        for (const l of s.locks) {
          if (l.kind !== 'mutex') continue;
          const addr = toAddr(l.addr) ?? l.addr;
          out += `> ${addr}::mutex\n`;
          out += renderMutex(
            { addr, type: 'adapt', owner: l.owner === null ? null : toAddr(l.owner.addr) ?? l.owner.addr, held: l.owner !== null, minspl: null, oldspl: null, waiters: l.waiters > 0 },
            { addrWidth: width === 8 ? 8 : 16 },
          );
        }
        break;
      case 'turnstile':
        for (const l of s.locks) {
          if (l.tsAddr === null) continue;
          const addr = toAddr(l.addr) ?? l.addr;
          out += `> ${addr}::sobj2ts | ::turnstile\n`;
          out += turnstileHeader(width === 8 ? 8 : 16) + renderTurnstileRow(turnstileOf(l), width === 8 ? 8 : 16);
        }
        break;
      case 'panicinfo':
        // Only a run the kernel would have panicked (a turnstile cycle) has a panic to show.
        if (s.lockPanic !== null) {
          const p = s.lockPanic;
          out += '> ::panicinfo\n';
          for (const l of renderPanicinfo({ cpu: p.cpu, thread: toAddr(p.thread) ?? p.thread, message: p.message }, width === 8 ? 8 : 16)) out += l + '\n';
        }
        break;
      case 'tunables':
        out += `> kpreemptpri/D\n${renderFormat('kpreemptpri', 'D', [s.params.kpreemptpri])}`;
        out += `> hz/D\n${renderFormat('hz', 'D', [s.params.hz])}`;
        break;
    }
  }
  return out;
}

/**
 * The seed's two commands: the class data's ts_timeleft through `::print -a` (an int prints in
 * hex as mdb's `%#x`: `0xff9b0253` for -6618541), then the same word with `/D`.
 */
function printTimeleft(t: SimThread): string {
  const cl = toAddr(t.cldata ?? '0') ?? '0';
  const value = printFieldValue('ts_timeleft', t.tsTimeleft) ?? String(t.tsTimeleft);
  let out = `> ${toAddr(t.addr)}::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft\n`;
  out += renderPrintMembers([{ name: 'ts_timeleft', addr: cl, value }], { showAddr: true });
  out += `> ${cl}/D\n${renderFormat(cl, 'D', [t.tsTimeleft])}`;
  return out;
}
