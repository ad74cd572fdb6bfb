// A report's signature: one key per failure, so reports of the same failure collide and different
// failures do not. Keys are on what every paste of a failure shows (the rules that fired, the band
// of the culprit's priority, the known issues), not on which stacks happened to be pasted (v2).
// Versioned: a change to how signatures are computed bumps SIGNATURE_VERSION; other versions never
// match. v3: a report with no dispatcher state is `fragment`, no longer `healthy`. v4: a finding's
// key no longer names its main rule: which of the same rules is most severe depends on what was
// pasted (stacks prove a waiter bound), so the same #1532 with and without stacks led with
// different rules and fell into two groups.
import type { Analysis } from '../analysis.ts';
import type { Thread } from '../model/snapshot.ts';
import { isRunnable } from '../model/waits-graph.ts';
import type { Finding } from '../rules/types.ts';
import { severityRank, sortedFindings } from '../rules/policy.ts';
import { priorityBand } from '../../illumos/index.ts';
import { knownIssuesFor } from './known-issues.ts';
import { dispatcherJudged } from '../model/coverage.ts';
import { threadIndex, baseName, innermostFrames, isGenericFrame, realFrames } from '../rules/threads.ts';

export const SIGNATURE_VERSION = 4;

/** Findings below this severity are too weak to name a report's failure. */
const MAIN_MIN_SEVERITY = severityRank('medium');
const PANIC_FRAMES = 3;

export interface Signature {
  version: number;
  /**
   * finding: a rule fired at medium or above; panic: none did but the input shows a panic;
   * healthy: dispatcher state was read and nothing at medium or above; fragment (v3): mdb output
   * was read but no dispatcher state (registers, a lone `::findstack`), so nothing at medium or
   * above proves nothing; empty: nothing to judge (no mdb output: an empty file, prose);
   * unreadable: not read (binary, too big, missing); internal: playfair failed on it.
   */
  kind: SignatureKind;
  /** Main rule id, or `panic` / `healthy` / `fragment` / `empty` / `unreadable` / `internal`. */
  rule: string;
  /** v2: every rule at medium or above, sorted; empty for other kinds. */
  rules: string[];
  /** v2: priority band of the thread on the main finding's CPU (`user`, `sys`, ...), or null. */
  band: string | null;
  /** v2: ids of the known issues this report matches, in known-issues.json order. */
  known: string[];
  /**
   * v2: the shape of the strongest wait finding, when there is one: `chain:<head>/<how it is
   * stuck>`, `deadlock:<object kinds>` or `convoy:<object kind>@<wait site>`; else null.
   */
  wait: string | null;
  /** The panic message with addresses and long numbers blanked, for panic signatures; else null. */
  detail: string | null;
  frames: string[];
  /**
   * Equal keys mean the same failure. finding: `v4|rule,rule|band|known,known[|wait]`; panic:
   * `v4|panic|detail|frame,frame`; other kinds: `v4|kind`.
   */
  key: string;
}

export type SignatureKind = 'finding' | 'panic' | 'healthy' | 'fragment' | 'empty' | 'unreadable' | 'internal';

/** The v1 key form, kept for panics: the message and the innermost frames name a panic. */
export function signatureKey(version: number, rule: string, detail: string | null, frames: readonly string[]): string {
  return `v${version}|${rule}|${detail ?? ''}|${frames.join(',')}`;
}

export function findingKey(rules: readonly string[], band: string | null, known: readonly string[], wait: string | null = null): string {
  return `v${SIGNATURE_VERSION}|${rules.join(',')}|${band ?? '-'}|${known.join(',')}${wait === null ? '' : `|${wait}`}`;
}

const WAIT_RULES: ReadonlySet<string> = new Set(['deadlock', 'wait-chain', 'lock-convoy']);

/** How a thread is named in a wait shape: its description (`tq:zio_write_intr`), else its key frame. */
function threadName(t: Thread | null): string {
  if (t === null) return '?';
  return t.desc ?? keyFrame(t) ?? '?';
}

/**
 * The strongest wait finding's shape, from what every paste of the same hang shows: the chain's
 * head and what stops it, the kinds of object in a cycle, a convoy's object kind and wait site.
 */
function waitShape(a: Analysis, strong: readonly Finding[]): string | null {
  const f = strong.find((x) => WAIT_RULES.has(x.rule));
  if (f === undefined || f.threads === undefined || f.threads.length === 0) return null;
  const idx = threadIndex(a.snapshot);
  const edges = new Map((a.snapshot.waits?.edges ?? []).map((e) => [e.thread as string, e]));
  if (f.rule === 'deadlock') return `deadlock:${f.threads.map((t) => edges.get(t)?.kind ?? '?').sort().join(',')}`;
  if (f.rule === 'lock-convoy') {
    const e = edges.get(f.threads[0]!);
    return `convoy:${e?.kind ?? '?'}@${e?.site ?? '?'}`;
  }
  const head = idx.get(f.threads[f.threads.length - 1]!);
  const e = head === null ? undefined : edges.get(head.addr!);
  // A runnable head's stack still shows where it slept: its state comes first.
  const how = head === null ? '?' : isRunnable(head) ? 'runnable' : head.onCpu !== null ? 'oncpu' : (e?.kind ?? '?');
  return `chain:${threadName(head)}/${how}`;
}

function plain(kind: Exclude<SignatureKind, 'finding' | 'panic'>): Signature {
  return { version: SIGNATURE_VERSION, kind, rule: kind, rules: [], band: null, known: [], wait: null, detail: null, frames: [], key: `v${SIGNATURE_VERSION}|${kind}` };
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

/**
 * The band of the thread running on the main finding's CPU: the culprit of a starvation. Whether
 * RT is loaded is not known here, so 100..159 reads `rt-or-interrupt`.
 */
function culpritBand(a: Analysis, main: Finding): string | null {
  if (main.cpu === undefined) return null;
  const pri = a.snapshot.cpus.find((c) => c.id === main.cpu)?.pri ?? null;
  return pri === null ? null : priorityBand(pri, null);
}

/** What a report offers known issues to match on besides its signature. */
export function matchContext(a: Analysis): { fired: Set<string>; frames: Set<string> } {
  return { fired: new Set(a.findings.map((f) => f.rule)), frames: new Set(involvedFrames(a)) };
}

export function computeSignature(a: Analysis): Signature {
  const strong = strongFindings(a);
  const main = strong[0];
  const ctx = matchContext(a);
  if (main !== undefined) {
    const rules = [...new Set(strong.map((f) => f.rule))].sort();
    const band = culpritBand(a, main);
    // Frames stay in the record for people, but not in the key: they depend on what was pasted.
    const wait = waitShape(a, strong);
    const base: Signature = { version: SIGNATURE_VERSION, kind: 'finding', rule: main.rule, rules, band, known: [], wait, detail: null, frames: keyFramesOf(a, [main]), key: '' };
    const known = knownIssuesFor(base, ctx).map((k) => k.id);
    return { ...base, known, key: findingKey(rules, band, known, wait) };
  }
  const panic = a.snapshot.panic;
  if (panic !== null && (panic.message !== null || panic.thread !== null)) {
    const t = panicStack(a);
    const frames = t !== null ? innermostFrames(t, PANIC_FRAMES).map((f) => baseName(f.func)) : [];
    const detail = normalizePanicMessage(panic.message ?? '');
    const base: Signature = { version: SIGNATURE_VERSION, kind: 'panic', rule: 'panic', rules: [], band: null, known: [], wait: null, detail, frames, key: signatureKey(SIGNATURE_VERSION, 'panic', detail, frames) };
    return { ...base, known: knownIssuesFor(base, ctx).map((k) => k.id) };
  }
  if (a.accounting.parsed === 0) return plain('empty');
  return plain(dispatcherJudged(a.sections, a.snapshot) ? 'healthy' : 'fragment');
}

export function unreadableSignature(): Signature {
  return plain('unreadable');
}

export function internalSignature(): Signature {
  return plain('internal');
}
