// The wait graph: from each waiting thread to the thread it waits for, by a lock owner the input
// shows (proven) or by who is known to end that kind of wait (inferred, and said so); its chains and cycles.
import { baseName, type Addr, type Cpu, type DispatcherSnapshot, type Thread } from './snapshot.ts';
import { wordWhy, type LockOwner, type WaitEdge } from './waits.ts';
import { threadsByAddr } from './thread-index.ts';

export interface WaitLink {
  edge: WaitEdge;
  to: Addr;
  /** proven: a ::mutex/::rwlock row names the owner; inferred: from the wait site and the kernel's design. */
  how: 'proven' | 'inferred';
  /** What named `to`: a dcmd's owner column, the mutex word, or the wait site. */
  by: 'owner' | 'word' | 'site';
  /** Why `to` ends the wait, one clause. */
  why: string;
  /** The line that names the owner (the ::mutex/::rwlock row, or the owner's frame), when there is one. */
  ownerLine: number | null;
}

export interface WaitGraph {
  links: Map<Addr, WaitLink>;
  threads: ReadonlyMap<Addr, Thread>;
  owners: Map<Addr, LockOwner>;
}

/** Wait sites ended by a thread with a known start function: the site prefix, that frame, and why. */
const SIGNALLERS: readonly { site: string; frame: string; why: string }[] = [
  { site: 'txg_wait_synced', frame: 'txg_sync_thread', why: 'the txg sync thread signals the txg it waits for' },
  { site: 'txg_wait_open', frame: 'txg_sync_thread', why: 'the txg sync thread opens the next txg' },
  { site: 'page_create_throttle', frame: 'pageout', why: 'pageout frees the memory it waits for' },
  { site: 'page_create_wait', frame: 'pageout', why: 'pageout frees the memory it waits for' },
];


/** Runnable but not on a CPU: on a run queue, or `run` with no CPU running it. */
export function isRunnable(t: Thread): boolean {
  return t.queuedOn !== null || (t.state === 'run' && t.onCpu === null);
}

/** A ZIO interrupt taskq worker (`tq:zio_write_intr`): where a zio_wait's completion is processed. */
function isZioIntrTaskq(t: Thread): boolean {
  return t.desc !== null && t.desc.startsWith('tq:zio_') && t.desc.includes('_intr');
}

/** What resolve() needs found once per snapshot, not once per edge: the signallers' threads and a runnable ZIO taskq. */
interface Enders {
  byFrame: Map<string, { addr: Addr; line: number }>;
  /** The runnable ZIO interrupt taskq thread queued behind the CPU that has not switched longest. */
  zioTaskq: Thread | null;
  /** How many runnable ZIO interrupt taskq threads there were to choose from. */
  zioCandidates: number;
}

function signallerOf(e: WaitEdge): (typeof SIGNALLERS)[number] | undefined {
  // A loop, not find(): called for every edge, and a closure per call was most of the graph's garbage.
  const site = e.site;
  if (site === null) return undefined;
  for (const x of SIGNALLERS) if (site.startsWith(x.site)) return x;
  return undefined;
}

/**
 * Only what some edge needs is looked for: the signallers' frames when an edge waits at one of
 * their sites, the ZIO taskq threads when an edge is a zio_wait. A dump of sleeping workers (most
 * of them) then costs no walk over every frame of every thread.
 */
function enders(all: readonly Thread[], cpus: readonly Cpu[], edges: readonly WaitEdge[]): Enders {
  const wanted = new Set<string>();
  let zioWanted = false;
  for (const e of edges) {
    if (e.kind === 'zio') zioWanted = true;
    const s = signallerOf(e);
    if (s !== undefined) wanted.add(s.frame);
  }
  const byFrame = new Map<string, { addr: Addr; line: number }>();
  const stuckFor = (t: Thread): number => (t.queuedOn === null ? -1 : (cpus.find((c) => c.id === t.queuedOn)?.switchTicks ?? -1));
  let zioTaskq: Thread | null = null;
  let zioCandidates = 0;
  if (!zioWanted && wanted.size === 0) return { byFrame, zioTaskq, zioCandidates };
  for (const t of all) {
    if (t.addr === null) continue;
    if (zioWanted && isZioIntrTaskq(t) && isRunnable(t)) {
      zioCandidates++;
      // Any of them may carry the completion: the one starved longest explains the wait at least as well.
      if (zioTaskq === null || stuckFor(t) > stuckFor(zioTaskq)) zioTaskq = t;
    }
    if (wanted.size === 0) continue;
    for (const f of t.stack ?? []) {
      const n = baseName(f.func);
      if (wanted.has(n) && !byFrame.has(n)) byFrame.set(n, { addr: t.addr, line: f.line });
    }
  }
  return { byFrame, zioTaskq, zioCandidates };
}

function resolve(e: WaitEdge, owners: Map<Addr, LockOwner>, en: Enders): WaitLink | null {
  if (e.object !== null) {
    const o = owners.get(e.object);
    if (o !== undefined && o.owner !== null && o.owner !== e.thread) {
      if (o.source === 'word') {
        // Said so: the word was read as the lock, and a word printed at another time may be stale.
        return { edge: e, to: o.owner, how: 'inferred', by: 'word', why: wordWhy(o.kind), ownerLine: o.line };
      }
      const names = o.source === '::turnstile' ? 'names the inheritor of its turnstile, its owner' : `names the ${o.kind === 'rwlock' ? 'writer' : 'owner'}`;
      return { edge: e, to: o.owner, how: 'proven', by: 'owner', why: `${o.source} ${names}`, ownerLine: o.line };
    }
  }
  if (e.kind === 'zio') {
    const tq = en.zioTaskq;
    if (tq === null || tq.addr === null || tq.addr === e.thread) return null;
    const which = en.zioCandidates > 1 ? `one of ${en.zioCandidates} runnable ZIO interrupt taskq threads (this one queued behind the CPU that has not switched longest)` : 'a ZIO interrupt taskq thread';
    return { edge: e, to: tq.addr, how: 'inferred', by: 'site', why: `${which} processes the I/O's completion`, ownerLine: tq.lines['desc'] ?? null };
  }
  const s = signallerOf(e);
  const t = s === undefined ? undefined : en.byFrame.get(s.frame);
  if (s === undefined || t === undefined || t.addr === e.thread) return null;
  return { edge: e, to: t.addr, how: 'inferred', by: 'site', why: s.why, ownerLine: t.line };
}

const graphs = new WeakMap<DispatcherSnapshot, WaitGraph | null>();

/** The graph of a snapshot, or null when it has no waits; built once however many rules and views ask. */
export function waitGraph(snap: DispatcherSnapshot): WaitGraph | null {
  let g = graphs.get(snap);
  if (g === undefined) {
    g = buildGraph(snap);
    graphs.set(snap, g);
  }
  return g;
}

function buildGraph(snap: DispatcherSnapshot): WaitGraph | null {
  const w = snap.waits;
  if (w === undefined) return null;
  const threads = threadsByAddr(snap);
  const owners = new Map<Addr, LockOwner>();
  for (const o of w.owners) owners.set(o.object, o);
  const links = new Map<Addr, WaitLink>();
  const en = enders(snap.threads, snap.cpus, w.edges);
  for (const e of w.edges) {
    const l = resolve(e, owners, en);
    if (l !== null) links.set(e.thread, l);
  }
  return { links, threads, owners };
}

/** Each cycle once, as its links in wait order, starting at its lowest address. */
export function waitCycles(g: WaitGraph): WaitLink[][] {
  const done = new Set<Addr>();
  const out: WaitLink[][] = [];
  for (const start of g.links.keys()) {
    if (done.has(start)) continue;
    const path: Addr[] = [];
    const at = new Map<Addr, number>();
    let cur: Addr | undefined = start;
    while (cur !== undefined && !done.has(cur) && !at.has(cur)) {
      at.set(cur, path.length);
      path.push(cur);
      cur = g.links.get(cur)?.to;
    }
    if (cur !== undefined && at.has(cur)) {
      const ring = path.slice(at.get(cur)!);
      const first = ring.indexOf([...ring].sort()[0]!);
      out.push([...ring.slice(first), ...ring.slice(0, first)].map((a) => g.links.get(a)!));
    }
    for (const a of path) done.add(a);
  }
  return out;
}

/** The thread the waits from `from` end at (one that waits on no thread; `from` itself if it waits on none); null when they run into a cycle. */
export function waitHead(g: WaitGraph, from: Addr): Addr | null {
  const seen = new Set<Addr>();
  let cur = from;
  for (let l = g.links.get(cur); l !== undefined; l = g.links.get(cur)) {
    seen.add(cur);
    if (seen.has(l.to)) return null;
    cur = l.to;
  }
  return cur;
}

/** Chains from each thread nobody waits on, following links until a thread waits on no one (or a cycle). */
export function waitChains(g: WaitGraph): WaitLink[][] {
  const waitedOn = new Set<Addr>();
  for (const l of g.links.values()) waitedOn.add(l.to);
  const out: WaitLink[][] = [];
  for (const [start, first] of g.links) {
    if (waitedOn.has(start)) continue;
    const chain: WaitLink[] = [first];
    const seen = new Set<Addr>([start]);
    let next = g.links.get(first.to);
    while (next !== undefined && !seen.has(next.edge.thread)) {
      seen.add(next.edge.thread);
      chain.push(next);
      next = g.links.get(next.to);
    }
    out.push(chain);
  }
  return out;
}
