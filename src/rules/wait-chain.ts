// wait-chain: three or more threads, each waiting for the next, ending at a head that does not wait
// on any thread: runnable but not run, on a CPU, or itself waiting on I/O. The head's state says why
// the whole chain is stuck, so the finding names the dispatcher finding that explains it
// (illumos 1532 comment 6: memory waits on pageout, pageout on the txg, the txg on a ZIO whose
// completion taskq thread is starved on a run queue).
import { isRunnable, waitChains, waitGraph, type WaitGraph, type WaitLink } from '../model/waits-graph.ts';
import type { Addr } from '../model/snapshot.ts';
import { EvidenceSet, cpuLine } from './evidence.ts';
import { explaining } from './explain.ts';
import { REF_ILLUMOS_1532, REF_TURNSTILE_C } from './references.ts';
import { resolveHz, thresholdTicks, ticksText } from './time.ts';
import type { Finding, Rule, RuleContext, Severity } from './types.ts';
import { addLinkEvidence, confirmFor, label, linkWords } from './waits-words.ts';

const ID = 'wait-chain';
/** Threads in a chain before it is reported: two are an ordinary wait, three are a chain. */
const MIN_THREADS = 3;

interface HeadState {
  severity: Severity;
  words: string;
  lines: (number | null)[];
  explainedBy: Finding | null;
}

function headState(ctx: RuleContext, g: WaitGraph, head: Addr): HeadState {
  const t = g.threads.get(head) ?? null;
  if (t === null) return { severity: 'low', words: 'its state is not in the input', lines: [], explainedBy: null };
  if (isRunnable(t)) {
    const f = explaining(ctx, t);
    const where = t.queuedOn !== null ? ` on CPU ${t.queuedOn}'s run queue` : '';
    const why = f !== null ? `; the \`${f.rule}\` finding explains why it has not run: ${f.title}` : '; no high dispatcher finding explains why it has not run, so it may be a moment from running';
    return { severity: f !== null ? 'high' : 'medium', words: `runnable${where} but not running${why}`, lines: [t.lines['queuedOn'] ?? null], explainedBy: f };
  }
  if (t.onCpu !== null) {
    const cpu = ctx.snapshot.cpus.find((c) => c.id === t.onCpu) ?? null;
    const hz = resolveHz(ctx);
    const long = cpu?.switchTicks != null && cpu.switchTicks >= thresholdTicks(ctx, hz);
    const ran = cpu?.switchTicks != null ? `, for ${ticksText(cpu.switchTicks, hz)}` : '';
    return { severity: long ? 'high' : 'low', words: `running on CPU ${t.onCpu}${ran}`, lines: [cpu === null ? null : cpuLine(cpu, 'thread')], explainedBy: null };
  }
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

function run(ctx: RuleContext) {
  const g = waitGraph(ctx.snapshot);
  if (g === null) return { findings: [], notes: [] };
  // One finding per head: the longest chain to it stands for the others.
  const byHead = new Map<Addr, { chain: WaitLink[]; starts: number }>();
  for (const chain of waitChains(g)) {
    const head = chain[chain.length - 1]!.to;
    // A chain that runs into a cycle ends at a thread that waits: the deadlock rule reports it.
    if (g.links.has(head) && chain.some((l) => l.edge.thread === head)) continue;
    if (chain.length + 1 < MIN_THREADS) continue;
    const cur = byHead.get(head);
    if (cur === undefined) byHead.set(head, { chain, starts: 1 });
    else byHead.set(head, { chain: chain.length > cur.chain.length ? chain : cur.chain, starts: cur.starts + 1 });
  }
  const findings: Finding[] = [];
  for (const [head, { chain, starts }] of byHead) {
    const hs = headState(ctx, g, head);
    const proven = chain.every((l) => l.how === 'proven');
    const ev = new EvidenceSet(ctx).primary(hs.lines.find((l) => l !== null) ?? chain[chain.length - 1]!.edge.line);
    for (const l of hs.lines) ev.add(l);
    for (const l of chain) addLinkEvidence(ev, l);
    for (const e of hs.explainedBy?.evidence ?? []) ev.add(e.line);
    const confirm = new Set<string>();
    for (const l of chain) for (const c of confirmFor(l.edge)) confirm.add(c);
    confirm.add(`${head}::findstack -v`);
    confirm.add(`${head}::thread -d`);
    const headWait = ctx.snapshot.waits?.edges.find((e) => e.thread === head) ?? null;
    if (headWait?.kind === 'rwlock' && headWait.object !== null) confirm.add(`${headWait.object}::kgrep`);
    const others = starts > 1 ? ` ${starts - 1} more chain(s) end at the same head.` : '';
    findings.push({
      rule: ID,
      severity: hs.severity,
      confidence: proven ? 'certain' : 'inferred',
      title: `Wait chain of ${chain.length + 1} threads; its head, ${label(g, head)}, is ${hs.words.split(/[;,(]/)[0]!.trim()}`,
      message:
        chain.map((l) => linkWords(g, l)).join('; ') +
        `. The head ${label(g, head)} is ${hs.words}: every thread behind it waits as long as it does.` +
        others +
        (proven ? '' : ' Links marked inferred come from the wait site, not from a printed owner.'),
      evidence: ev.list(),
      threads: [...chain.map((l) => l.edge.thread), head],
      fix:
        hs.explainedBy !== null
          ? `Fix the head first: ${hs.explainedBy.fix}`
          : 'Find why the head does not make progress (its stack, its CPU); the waiters behind it need nothing else.',
      confirm: [...confirm],
      references: hs.explainedBy !== null ? [...new Set([...hs.explainedBy.references, REF_ILLUMOS_1532])] : [REF_TURNSTILE_C],
    });
  }
  return { findings, notes: [] };
}

export const waitChain: Rule = { id: ID, title: 'Threads wait in a chain behind one head', run };
