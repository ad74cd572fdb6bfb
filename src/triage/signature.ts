// A report's signature: the main rule plus the key frames of the threads involved, so reports of
// the same failure collide and different failures do not. Versioned: a change to how signatures
// are computed bumps SIGNATURE_VERSION, and stored signatures of another version never match.
import type { Analysis } from '../analysis.ts';
import type { Thread } from '../model/snapshot.ts';
import type { Finding } from '../rules/types.ts';
import { severityRank, sortedFindings } from '../rules/policy.ts';
import { threadIndex, baseName, innermostFrames, isGenericFrame, realFrames } from '../rules/threads.ts';

export const SIGNATURE_VERSION = 1;

/** Findings below this severity are too weak to name a report's failure. */
const MAIN_MIN_SEVERITY = severityRank('medium');
const PANIC_FRAMES = 3;

export interface Signature {
  version: number;
  /** finding: a rule fired; panic: no rule fired but the input shows a panic; none: neither. */
  kind: 'finding' | 'panic' | 'none' | 'unreadable';
  /** Main rule id, or `panic` / `none` / `unreadable`. */
  rule: string;
  /** The panic message with addresses and long numbers blanked, for panic signatures; else null. */
  detail: string | null;
  frames: string[];
  /** `v1|rule|detail|frame,frame`: equal keys mean the same failure. */
  key: string;
}

export function signatureKey(version: number, rule: string, detail: string | null, frames: readonly string[]): string {
  return `v${version}|${rule}|${detail ?? ''}|${frames.join(',')}`;
}

function make(kind: Signature['kind'], rule: string, detail: string | null, frames: string[]): Signature {
  return { version: SIGNATURE_VERSION, kind, rule, detail, frames, key: signatureKey(SIGNATURE_VERSION, rule, detail, frames) };
}

/**
 * What identifies a thread in a signature. A kernel thread (stack ends in thread_start) is named
 * by its start function (mac_soft_ring_worker, taskq_thread). Otherwise the innermost meaningful
 * frame, which says where it is.
 */
export function keyFrame(t: Thread): string | null {
  const frames = realFrames(t);
  if (frames.length === 0) return null;
  const outer = frames[frames.length - 1]!;
  if (baseName(outer.func) === 'thread_start' || baseName(outer.func) === 'thread_exit') {
    for (let i = frames.length - 1; i >= 0; i--) if (!isGenericFrame(frames[i]!.func)) return baseName(frames[i]!.func);
    return null;
  }
  const inner = innermostFrames(t, 1)[0];
  return inner !== undefined ? baseName(inner.func) : null;
}

/** Blanks what differs between two dumps of the same panic: addresses, long numbers, spacing. */
export function normalizePanicMessage(message: string): string {
  return message
    .replace(/^panic\[cpu\d+\]\/thread=[0-9a-fx]+:\s*/i, '')
    .replace(/\b(?:0x)?(?=[0-9a-f]*[0-9])[0-9a-f]{4,}\b/gi, '#')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 160);
}

function panicStack(a: Analysis): Thread | null {
  const idx = threadIndex(a.snapshot);
  const owner = idx.get(a.snapshot.panic?.thread ?? null);
  if (owner !== null && (owner.stack?.length ?? 0) > 0) return owner;
  // A `$C` with no thread named is the dump's current thread: the panicking one.
  const anon = a.snapshot.threads.filter((t) => t.addr === null && (t.stack?.length ?? 0) > 0);
  return anon.length === 1 ? anon[0]! : null;
}

function strongFindings(a: Analysis): Finding[] {
  return sortedFindings(a.findings).filter((f) => severityRank(f.severity) <= MAIN_MIN_SEVERITY);
}

function keyFramesOf(a: Analysis, findings: readonly Finding[]): string[] {
  const idx = threadIndex(a.snapshot);
  const frames = new Set<string>();
  for (const f of findings) {
    for (const addr of f.threads ?? []) {
      const t = idx.get(addr);
      const k = t !== null ? keyFrame(t) : null;
      if (k !== null) frames.add(k);
    }
  }
  return [...frames].sort();
}

/**
 * Key frames of every thread any strong finding involves: the context known issues match on.
 * The signature itself uses only the main finding's threads, so a report that also shows the
 * culprit's stack still groups with one that does not.
 */
export function involvedFrames(a: Analysis): string[] {
  return keyFramesOf(a, strongFindings(a));
}

export function computeSignature(a: Analysis): Signature {
  const main = strongFindings(a)[0];
  if (main !== undefined) return make('finding', main.rule, null, keyFramesOf(a, [main]));
  const panic = a.snapshot.panic;
  if (panic !== null && (panic.message !== null || panic.thread !== null)) {
    const t = panicStack(a);
    const frames = t !== null ? innermostFrames(t, PANIC_FRAMES).map((f) => baseName(f.func)) : [];
    return make('panic', 'panic', normalizePanicMessage(panic.message ?? ''), frames);
  }
  return make('none', 'none', null, []);
}

export function unreadableSignature(): Signature {
  return make('unreadable', 'unreadable', null, []);
}
