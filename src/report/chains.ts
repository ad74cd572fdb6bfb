// The chain view: a deadlock or wait-chain finding drawn as thread -> object -> owner, one level of
// indent per hop, under the finding in the text and Markdown reports.
import type { Analysis } from '../analysis.ts';
import { isRunnable, waitGraph, type WaitGraph, type WaitLink } from '../model/waits-graph.ts';
import type { Addr } from '../model/snapshot.ts';
import type { Finding } from '../rules/types.ts';
import { label } from '../rules/waits-words.ts';
import { mdCodeLines } from './md-escape.ts';
import { neutralize } from './sanitize.ts';

/** Rules whose findings list their threads in wait order. */
const CHAIN_RULES: ReadonlySet<string> = new Set(['deadlock', 'wait-chain']);
/** Deeper hops stay at this indent, so a long chain still fits a terminal. */
const MAX_DEPTH = 8;

function pad(depth: number): string {
  return '  '.repeat(Math.min(depth, MAX_DEPTH));
}

function hop(l: WaitLink): string {
  const obj = l.edge.object !== null ? `${l.edge.kind} ${l.edge.object}` : `a ${l.edge.kind}`;
  const site = l.edge.site !== null ? ` in ${l.edge.site}` : '';
  return `-> ${obj}${site} (line ${l.edge.line})`;
}

function owner(g: WaitGraph, l: WaitLink): string {
  const at = l.ownerLine !== null ? `line ${l.ownerLine}` : 'no line';
  return `-> ${label(g, l.to)} [${l.how === 'proven' ? 'owner' : 'inferred'}, ${at}]`;
}

/** Where the head of a chain is, in a few words: what stops the whole chain. */
function headWords(g: WaitGraph, head: Addr): string {
  const t = g.threads.get(head);
  if (t === undefined) return 'state not shown';
  if (isRunnable(t)) return t.queuedOn !== null ? `runnable, queued on CPU ${t.queuedOn}` : 'runnable, on no CPU';
  if (t.onCpu !== null) return `running on CPU ${t.onCpu}`;
  return t.stack !== null ? 'waits on no thread shown' : 'state not shown';
}

/** The chain of a finding as plain indented lines; null when the finding has none. */
export function chainLines(a: Pick<Analysis, 'snapshot'>, f: Finding): string[] | null {
  if (!CHAIN_RULES.has(f.rule) || f.threads === undefined || f.threads.length < 2) return null;
  const g = waitGraph(a.snapshot);
  if (g === null) return null;
  const first = f.threads[0]!;
  const out = [label(g, first)];
  let depth = 1;
  let at: Addr = first;
  // A cycle returns to its first thread: stop there; a chain stops at its head.
  for (let i = 0; i < f.threads.length; i++) {
    const l = g.links.get(at);
    if (l === undefined) break;
    out.push(pad(depth) + hop(l));
    out.push(pad(depth + 1) + owner(g, l));
    depth += 2;
    at = l.to;
    if (at === first) {
      out.push(pad(depth) + '(back to the first thread: a cycle)');
      break;
    }
  }
  if (at !== first && out.length > 1) out.push(pad(depth) + `(head: ${headWords(g, at)})`);
  return out.length > 1 ? out : null;
}

/** Text report lines for the finding's chain (none when it has none). */
export function* chainText(a: Pick<Analysis, 'snapshot'>, f: Finding): Generator<string> {
  const lines = chainLines(a, f);
  if (lines === null) return;
  yield '';
  yield '   Chain:';
  for (const l of lines) yield `     ${neutralize(l)}`;
}

/** Markdown lines for the finding's chain, fenced (none when it has none). */
export function* chainMarkdown(a: Pick<Analysis, 'snapshot'>, f: Finding): Generator<string> {
  const lines = chainLines(a, f);
  if (lines === null) return;
  yield '**Wait chain:**';
  yield '';
  yield* mdCodeLines(lines.length, (i) => lines[i]!, 'text');
  yield '';
}
