// Thread states (t_state, usr/src/uts/common/sys/thread.h) and how each mdb dcmd spells them.
// The one table every layer uses: the grammars to read a state, the model to store it, the
// renderers to print it back, the shell and the TUI to order it.

/** Kernel thread states, plus `panic` (the thread that called panic, as `::stacks` marks it). */
export type KernelThreadState = 'free' | 'sleep' | 'run' | 'onproc' | 'zomb' | 'stopped' | 'wait' | 'panic';
/** Userland `::stacks` (libc lwp) states: a user core's threads are parked or not, not TS_*. */
export type UserThreadState = 'parked' | 'unparked';
export type ThreadState = KernelThreadState | UserThreadState;

export interface ThreadStateInfo {
  state: ThreadState;
  /** `t_state` value, or null for the states that are not `t_state` values. */
  code: number | null;
  /** The kernel's name (`TS_ONPROC`), or null. */
  kernelName: string | null;
  /** How `::stacks` prints it (upper case). */
  stacksName: string;
  /** How `::thread` prints it (lower case), or null where `::thread` cannot show it. */
  threadName: string | null;
  /** Display order: kernel states by value, then panic, then the userland ones. */
  order: number;
}

export const THREAD_STATES: readonly ThreadStateInfo[] = [
  { state: 'free', code: 0x00, kernelName: 'TS_FREE', stacksName: 'FREE', threadName: 'free', order: 0 },
  { state: 'sleep', code: 0x01, kernelName: 'TS_SLEEP', stacksName: 'SLEEP', threadName: 'sleep', order: 1 },
  { state: 'run', code: 0x02, kernelName: 'TS_RUN', stacksName: 'RUN', threadName: 'run', order: 2 },
  { state: 'onproc', code: 0x04, kernelName: 'TS_ONPROC', stacksName: 'ONPROC', threadName: 'onproc', order: 3 },
  { state: 'zomb', code: 0x08, kernelName: 'TS_ZOMB', stacksName: 'ZOMB', threadName: 'zomb', order: 4 },
  { state: 'stopped', code: 0x10, kernelName: 'TS_STOPPED', stacksName: 'STOPPED', threadName: 'stopped', order: 5 },
  { state: 'wait', code: 0x20, kernelName: 'TS_WAIT', stacksName: 'WAIT', threadName: 'wait', order: 6 },
  { state: 'panic', code: null, kernelName: null, stacksName: 'PANIC', threadName: null, order: 7 },
  { state: 'parked', code: null, kernelName: null, stacksName: 'PARKED', threadName: null, order: 8 },
  { state: 'unparked', code: null, kernelName: null, stacksName: 'UNPARKED', threadName: null, order: 9 },
];

// t_state numeric values, for code that works in numbers (the simulator's hot loop).
export const TS_FREE = 0x00;
export const TS_SLEEP = 0x01;
export const TS_RUN = 0x02;
export const TS_ONPROC = 0x04;
export const TS_ZOMB = 0x08;
export const TS_STOPPED = 0x10;
export const TS_WAIT = 0x20;

const BY_STATE = new Map(THREAD_STATES.map((s) => [s.state, s]));
const BY_CODE = new Map(THREAD_STATES.filter((s) => s.code !== null).map((s) => [s.code as number, s]));
const BY_NAME = new Map<string, ThreadStateInfo>();
for (const s of THREAD_STATES) {
  BY_NAME.set(s.stacksName, s);
  if (s.threadName !== null) BY_NAME.set(s.threadName, s);
  if (s.kernelName !== null) BY_NAME.set(s.kernelName, s);
}

export function stateInfo(state: ThreadState): ThreadStateInfo {
  return BY_STATE.get(state)!;
}

/** The state of a `t_state` value, or null for a value no kernel uses (mdb prints `inval/%02x`). */
export function stateFromCode(code: number): ThreadState | null {
  return BY_CODE.get(code)?.state ?? null;
}

/** Reads a state as any dcmd prints it (`ONPROC`, `onproc`, `TS_ONPROC`); null when it is none. */
export function stateFromName(name: string): ThreadState | null {
  return BY_NAME.get(name)?.state ?? null;
}

/** The `t_state` value of a state, or null for `panic` and the userland states. */
export function stateCode(state: ThreadState): number | null {
  return stateInfo(state).code;
}

export function stateOrder(state: ThreadState): number {
  return stateInfo(state).order;
}

/** How `::stacks` prints a state. */
export function stacksStateName(state: ThreadState): string {
  return stateInfo(state).stacksName;
}
