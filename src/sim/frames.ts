// The stacks `::findstack` shows for threads off a CPU. The frame names follow illumos (a sleeper
// is in swtch under cv_wait; a preempted thread under preempt), the offsets and stack addresses
// are synthetic. A scenario may give its own frames; `@name` arguments become per-thread addresses.
import type { AddrAlloc } from './addresses.ts';
import type { StackFrame } from '../model/snapshot.ts';
import type { FrameSpec, SimThread, StackShape } from './types.ts';
import { sobjOpsAddr, SimLock } from './locks.ts';

const parsed = new Map<string, FrameSpec | null>();

/** Parses `func+0x7f(a, b)`, `func+8()`, `func`; returns null if malformed. */
export function parseFrameSpec(text: string): FrameSpec | null {
  let f = parsed.get(text);
  if (f === undefined) {
    f = parseFrameText(text);
    parsed.set(text, f);
  }
  return f === null ? null : { func: f.func, offset: f.offset, args: [...f.args] };
}

function parseFrameText(text: string): FrameSpec | null {
  const open = text.indexOf('(');
  const head = open < 0 ? text : text.slice(0, open);
  let args: string[] = [];
  if (open >= 0) {
    if (!text.endsWith(')')) return null;
    const inner = text.slice(open + 1, -1).trim();
    args = inner === '' ? [] : inner.split(',').map((a) => a.trim());
  }
  const plus = head.indexOf('+');
  const func = plus < 0 ? head : head.slice(0, plus);
  if (!/^[A-Za-z_][A-Za-z0-9_.`]*$/.test(func)) return null;
  let offset: number | null = null;
  if (plus >= 0) {
    const o = head.slice(plus + 1);
    offset = o.startsWith('0x') ? Number.parseInt(o.slice(2), 16) : Number.parseInt(o, 10);
    if (!Number.isFinite(offset) || !/^(0x[0-9a-f]+|[0-9]+)$/.test(o)) return null;
  }
  return { func, offset, args };
}

const KERNEL_SLEEP = ['cv_wait+0x7f(@cv, @mutex)', 'taskq_thread_wait+0xbe(@tq, @mutex, @cv, @cpr, ffffffffffffffff)', 'taskq_thread+0x37c(@tq)'];
const USER_SLEEP = ['cv_wait_sig_swap_core+0x174(@cv, @mutex, 0)', 'cv_wait_sig_swap+0x17(@cv, @mutex)', 'cv_waituntil_sig+0xbd(@cv, @mutex, 0, 0)', 'lwp_park+0x15e(0, 0)', 'syslwp_park+0x63(0, 0, 0)'];
const KERNEL_BASE = ['thread_start+8()'];
const USER_BASE = ['_sys_sysenter_post_swapgs+0x149()'];

/**
 * Frame texts to specs: `@name` becomes an address per `names` map (per thread), `$name` a
 * scenario-wide object's address (a shared lock or condition variable).
 */
export function convFrames(list: string[], alloc: AddrAlloc, names: Map<string, string>, shared: ReadonlyMap<string, string>, errors: string[]): FrameSpec[] {
  return list.flatMap((txt) => {
    const f = parseFrameSpec(txt);
    if (f === null) {
      errors.push(`bad frame '${txt}'`);
      return [];
    }
    f.args = f.args.map((a) => {
      if (a.startsWith('$')) {
        const v = shared.get(a.slice(1));
        if (v === undefined) errors.push(`frame '${txt}': unknown object ${a}`);
        return v ?? a;
      }
      if (!a.startsWith('@')) return a;
      let v = names.get(a);
      if (v === undefined) {
        v = alloc.object();
        names.set(a, v);
      }
      return v;
    });
    return [f];
  });
}

/** Builds a thread's stack shape, resolving `@name` placeholders to stable per-thread addresses. */
export function makeStackShape(
  def: { sleep?: string[]; run?: string[]; base?: string[] } | undefined,
  kernelThread: boolean,
  alloc: AddrAlloc,
  shared: ReadonlyMap<string, string> = new Map(),
): { shape: StackShape; errors: string[] } {
  const errors: string[] = [];
  const names = new Map<string, string>();
  const conv = (list: string[]): FrameSpec[] => convFrames(list, alloc, names, shared, errors);
  const shape: StackShape = {
    sleep: conv(def?.sleep ?? (kernelThread ? KERNEL_SLEEP : USER_SLEEP)),
    run: conv(def?.run ?? []),
    base: conv(def?.base ?? (kernelThread ? KERNEL_BASE : USER_BASE)),
  };
  return { shape, errors };
}

/** The start function shown as a kernel thread's description (`mac_soft_ring_worker()`). */
export function startFunction(shape: StackShape): string | null {
  const last = shape.sleep[shape.sleep.length - 1];
  return last === undefined ? null : last.func;
}

/**
 * What `::findstack -v` would show for a thread that is not running: stack pointer and frames,
 * the first being the bracketed saved PC. Frame pointers climb towards the top of the stack.
 */
export function threadStack(t: SimThread, width: number): { sp: string; frames: StackFrame[] } {
  const shape = t.stack as StackShape;
  const mid: FrameSpec[] = t.blockedOn !== null
    ? lockFrames(t)
    : t.leftBy === 2
      ? [{ func: 'preempt', offset: 0xd8, args: [] }, ...shape.run]
      : shape.sleep;
  const specs: FrameSpec[] = [{ func: 'swtch', offset: 0x1e6, args: [] }, ...mid, ...shape.base];
  const top = t.stackBase;
  const sp = top - 0x10n - 0x30n * BigInt(specs.length);
  const hex = (v: bigint): string => v.toString(16).padStart(width, '0');
  const frames: StackFrame[] = [{ func: '_resume_from_idle', offset: 0xf1, args: [], fp: hex(sp), saved: true, line: 0 }];
  specs.forEach((f, i) => {
    frames.push({ func: f.func, offset: f.offset, args: [...f.args], fp: hex(sp + 0x30n * BigInt(i + 1)), line: 0 });
  });
  return { sp: hex(sp), frames };
}

/**
 * A thread blocked on a lock: turnstile_block(ts, qnum, sobj, sobj_ops, mp, lwptp) under
 * mutex_vector_enter(lp) or rw_enter_sleep(lp, rw), then the step's caller frames (else the
 * thread's run frames). Argument order as in illumos turnstile.c, mutex.c and rwlock.c.
 */
export function lockFrames(t: SimThread): FrameSpec[] {
  const l = t.blockedOn as SimLock;
  const width = l.addr.replace(/^0x/, '').length > 8 ? 16 : 8; // a 32-bit kernel's addresses fit 8 digits
  const hex = (a: string): string => a.replace(/^0x/, '');
  const ts: FrameSpec = { func: 'turnstile_block', offset: 0x1f6, args: [hex(t.blockTs), String(t.blockQ), hex(l.addr), sobjOpsAddr(l.kind, width), '0', '0'] };
  const enter: FrameSpec = l.kind === 'mutex'
    ? { func: 'mutex_vector_enter', offset: 0x36d, args: [hex(l.addr)] }
    : { func: 'rw_enter_sleep', offset: 0x1b1, args: [hex(l.addr), String(t.blockRw)] };
  const callers = t.blockAt.length > 0 ? t.blockAt : (t.stack as StackShape).run;
  return [ts, enter, ...callers.map((f) => ({ func: f.func, offset: f.offset, args: [...f.args] }))];
}
