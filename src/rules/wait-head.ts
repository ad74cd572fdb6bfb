// The state of the thread at the head of a wait: the one a chain or a convoy ends at, which waits on
// no other thread. Its state says how long everything behind it waits: runnable and explained by a
// dispatcher finding, on a CPU for long, or asleep on something no thread shown holds.
import { isRunnable, type WaitGraph } from '../model/waits-graph.ts';
import type { Addr, Thread } from '../model/snapshot.ts';
import { cpuLine } from './evidence.ts';
import { explaining } from './explain.ts';
import { resolveHz, thresholdTicks, ticksText } from './time.ts';
import type { Finding, RuleContext, Severity } from './types.ts';

export interface HeadState {
  severity: Severity;
  words: string;
  lines: (number | null)[];
  explainedBy: Finding | null;
}

/**
 * A runnable thread: high when a dispatcher finding explains why it has not run, else medium (a
 * thread preempted a tick ago is queued on any busy system).
 */
export function runnableState(ctx: RuleContext, t: Thread): HeadState {
  const f = explaining(ctx, t);
  const where = t.queuedOn !== null ? ` on CPU ${t.queuedOn}'s run queue` : '';
  const why = f !== null ? `; the \`${f.rule}\` finding explains why it has not run: ${f.title}` : '; no high dispatcher finding explains why it has not run, so it may be a moment from running';
  return { severity: f !== null ? 'high' : 'medium', words: `runnable${where} but not running${why}`, lines: [t.lines['queuedOn'] ?? null], explainedBy: f };
}

/** A thread on a CPU (`t.onCpu` set): high when it has held the CPU past the starvation threshold, else low. */
export function runningState(ctx: RuleContext, t: Thread): HeadState {
  const cpu = ctx.snapshot.cpus.find((c) => c.id === t.onCpu) ?? null;
  const hz = resolveHz(ctx);
  const ticks = cpu?.switchTicks ?? null;
  const long = ticks !== null && ticks >= thresholdTicks(ctx, hz);
  const ran = ticks !== null ? ` for ${ticksText(ticks, hz)}` : '';
  return { severity: long ? 'high' : 'low', words: `running on CPU ${t.onCpu}${ran}`, lines: [cpu === null ? null : cpuLine(cpu, 'thread')], explainedBy: null };
}

export function headState(ctx: RuleContext, g: WaitGraph, head: Addr): HeadState {
  const t = g.threads.get(head) ?? null;
  if (t === null) return { severity: 'low', words: 'its state is not in the input', lines: [], explainedBy: null };
  if (isRunnable(t)) return runnableState(ctx, t);
  if (t.onCpu !== null) return runningState(ctx, t);
  const own = ctx.snapshot.waits?.edges.find((e) => e.thread === head) ?? null;
  if (own !== null && (own.kind === 'zio' || own.kind === 'buf')) {
    return { severity: 'medium', words: `itself waiting on I/O (${own.primitive}, line ${own.line}) that no thread shown will complete`, lines: [own.line], explainedBy: null };
  }
  if (own !== null && own.kind === 'rwlock') {
    // No writer is shown: readers hold it (or its owner was not pasted). The kernel keeps no list of
    // readers and turnstile_block stops at a read-held rwlock, so a cycle through one never panics.
    const o = own.object !== null ? (ctx.snapshot.waits?.owners.find((x) => x.object === own.object) ?? null) : null;
    const held = o !== null && o.readers !== null && o.readers > 0 ? `held by ${o.readers} reader(s) (line ${o.line})` : 'with no writer shown';
    return {
      severity: 'medium',
      words:
        `asleep in ${own.primitive} (line ${own.line}) on rwlock ${own.object ?? '(address not shown)'}, ${held}: illumos records no ` +
        'list of readers and turnstile_block does not follow a read-held rwlock, so if a thread of this chain holds it as a ' +
        'reader this is a deadlock the kernel never detects (`::kgrep` of the lock address finds the stacks that hold it)',
      lines: [own.line, o?.line ?? null],
      explainedBy: null,
    };
  }
  if (own !== null) return { severity: 'low', words: `asleep in ${own.primitive} (line ${own.line}) on something no thread shown holds`, lines: [own.line], explainedBy: null };
  return { severity: 'low', words: 'not shown waiting or running (`::findstack -v` of it would say)', lines: [], explainedBy: null };
}
