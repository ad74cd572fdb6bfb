// Moving an analysis from the worker to the main thread cheaply. Copying 50,000 stacks as
// objects between threads (structured clone) costs the main thread tens of seconds on a loaded
// machine; strings copy at memory speed. So stacks travel as one JSON string per thread and are
// decoded only for the threads looked at; line text, sections and records do not travel at all
// (the main thread has the text, and the TUI uses neither sections nor records).
import type { Analysis } from '../analysis.ts';
import type { StackFrame } from '../model/snapshot.ts';

/**
 * The analysis to send, and the stacks beside it: one line of JSON per thread (empty for no
 * stack), all in one string, since one long string copies faster than 50,000 short ones.
 */
export function slim(a: Analysis): { analysis: Analysis; stacks: string } {
  const stacks = a.snapshot.threads.map((t) => (t.stack === null ? '' : JSON.stringify(t.stack))).join('\n');
  const threads = a.snapshot.threads.map((t) => ({ ...t, stack: null }));
  return { analysis: { ...a, lines: [], records: [], sections: [], snapshot: { ...a.snapshot, threads } }, stacks };
}

/** Puts the stacks back, each decoded on first use. */
export function hydrate(a: Analysis, stacks: string): Analysis {
  // JSON.stringify never writes a raw newline, so the lines are the threads' stacks.
  const each = stacks.split('\n');
  a.snapshot.threads.forEach((t, i) => {
    const text = each[i];
    if (text === undefined || text === '') return;
    Object.defineProperty(t, 'stack', {
      configurable: true,
      enumerable: true,
      get(): StackFrame[] {
        const v = JSON.parse(text) as StackFrame[];
        Object.defineProperty(t, 'stack', { value: v, writable: true, configurable: true, enumerable: true });
        return v;
      },
      set(v: StackFrame[] | null) {
        Object.defineProperty(t, 'stack', { value: v, writable: true, configurable: true, enumerable: true });
      },
    });
  });
  return a;
}

