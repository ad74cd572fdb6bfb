// The wait rules against the simulator: each lock scenario is run, rendered as the mdb text an
// engineer would paste (`::cpuinfo -v`, `::findstack -v`, `::mutex`, `::panicinfo`), read back, and
// the findings compared with the waits the scenario was built to contain (`expectedWaits`).
// What a dump can prove decides the expected finding: a mutex cycle is the kernel's own panic; a
// cycle through a read-held rwlock cannot be closed from a dump (readers are not recorded), so it
// is owed as a wait chain whose head sleeps on that rwlock.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import type { Analysis } from '../../src/analysis.ts';
import type { Finding } from '../../src/rules/types.ts';
import type { LockOwner } from '../../src/model/waits.ts';
import { emitTranscript, type EmitKind } from '../../src/sim/transcript.ts';
import type { SimState } from '../../src/sim/types.ts';
import { run, scenario } from './helpers.ts';

const WAIT_RULES = new Set(['deadlock', 'wait-chain', 'lock-convoy']);

function readBack(name: string, ticks = 6000, kinds: readonly EmitKind[] = ['cpuinfo-v', 'findstack-v', 'mutex', 'panicinfo', 'tunables']): { s: SimState; a: Analysis; waits: Finding[] } {
  const scn = scenario(name);
  const s = run(scn, { ticks });
  const text = emitTranscript(s, kinds, { autowrap: scn.mdb?.autowrap ?? null, withDesc: scn.mdb?.withDesc ?? false });
  const a = analyzeText(text, { source: name });
  return { s, a, waits: a.findings.filter((f) => WAIT_RULES.has(f.rule)) };
}

const sorted = (xs: readonly string[]) => [...xs].sort();

describe('wait rules read back what the simulator built', () => {
  it('deadlock-2: the mutex cycle the kernel panicked on is a certain, critical deadlock of exactly its two threads', () => {
    const { s, a, waits } = readBack('deadlock-2');
    const [want] = s.expectedWaits;
    expect(s.lockPanic).not.toBeNull();
    expect(a.snapshot.panic?.message).toBe('Deadlock: cycle in blocking chain');
    expect(waits.map((f) => f.rule)).toEqual(['deadlock']);
    expect(waits[0]).toMatchObject({ severity: 'critical', confidence: 'certain' });
    expect(sorted(waits[0]!.threads!)).toEqual(sorted(want!.threads));
    for (const o of want!.objects) expect(waits[0]!.message).toContain(o);
  });

  it('rwlock-cycle-3: no deadlock is claimed; the chain of all three threads ends on the read-held rwlock', () => {
    const { s, waits } = readBack('rwlock-cycle-3');
    const [want] = s.expectedWaits;
    expect(s.lockPanic).toBeNull(); // turnstile_block stops at a read-held rwlock
    expect(waits.map((f) => f.rule)).toEqual(['wait-chain']);
    const f = waits[0]!;
    expect(f.severity).toBe('medium');
    expect(sorted(f.threads!)).toEqual(sorted(want!.threads));
    // The head is the writer T3 (last of the scenario's threads), asleep on the rwlock.
    expect(f.threads!.at(-1)).toBe(want!.threads[2]);
    expect(f.message).toContain(`rw_enter_sleep`);
    expect(f.message).toContain(`rwlock ${want!.objects[2]}`);
    expect(f.message).toContain('reader');
    expect(f.confirm).toContain(`${want!.objects[2]}::kgrep`);
  });

  it('mutex-convoy: one convoy naming every waiter and the mutex', () => {
    const { s, waits } = readBack('mutex-convoy');
    const [want] = s.expectedWaits;
    expect(waits.map((f) => f.rule)).toEqual(['lock-convoy']);
    expect(sorted(waits[0]!.threads!)).toEqual(sorted(want!.threads));
    expect(waits[0]!.title).toContain(want!.objects[0]);
  });

  it('pageout-chain: memory waiter -> pageout -> txg_sync_thread -> a starved ZIO taskq thread, explained by the dispatcher', () => {
    const { s, a, waits } = readBack('pageout-chain');
    const [want] = s.expectedWaits;
    const chains = waits.filter((f) => f.rule === 'wait-chain');
    expect(chains).toHaveLength(1);
    const f = chains[0]!;
    expect(f.severity).toBe('high');
    for (const t of f.threads!) expect(want!.threads).toContain(t);
    // Hops: allocator, pageout, txg_sync_thread, then the head, one of the zio_write_intr workers.
    expect(f.threads).toHaveLength(4);
    const head = a.snapshot.threads.find((t) => t.addr === f.threads!.at(-1))!;
    expect(head.desc).toBe('tq:zio_write_intr');
    expect(head.queuedOn).toBe(1); // behind pageout_scanner, the CPU that never switches
    for (const o of want!.objects) expect(f.message).toContain(o);
    expect(f.message).toContain('taskq-starvation');
  });

  it('runs without lock waits (healthy-mix, and dispatcher-only scenarios with sleepers) give no wait finding at high or above', () => {
    for (const name of ['healthy-mix', 'pageout-taskq', 'sys-equal-pri', 'illumos-1532']) {
      const { waits } = readBack(name, 3000);
      expect(waits.filter((f) => f.severity === 'high' || f.severity === 'critical')).toEqual([]);
    }
  });
});

describe('owners read from ::turnstile against the simulator', () => {
  const LOCK_SCENARIOS = ['deadlock-2', 'rwlock-cycle-3', 'mutex-convoy', 'pageout-chain'];

  it('name the owner of exactly the locks whose owner its waiters outrank (turnstile_pi_inherit), and nothing else', () => {
    let named = 0;
    for (const name of LOCK_SCENARIOS) {
      const { s, a } = readBack(name, 6000, ['cpuinfo-v', 'findstack-v', 'turnstile']);
      const got = new Map<string, LockOwner>((a.snapshot.waits?.owners ?? []).map((o) => [o.object, o]));
      for (const l of s.locks) {
        const waiters = l.queues.flat();
        const inherits = l.owner !== null && waiters.some((w) => Math.max(w.pri, w.epri) > l.owner!.pri);
        const o = got.get(l.addr);
        if (inherits) {
          expect(o, `${name}: ${l.name}`).toMatchObject({ owner: l.owner!.addr, source: '::turnstile', kind: l.kind });
          named++;
        } else {
          expect(o, `${name}: ${l.name}`).toBeUndefined();
        }
      }
      expect(got.size).toBe(s.locks.filter((l) => got.has(l.addr)).length);
    }
    // Not vacuous: the convoy's owner and two links of the rwlock cycle inherit.
    expect(named).toBeGreaterThanOrEqual(3);
  });

  it('mutex-convoy read with ::turnstile instead of ::mutex gives the same convoy, its owner proven', () => {
    const viaMutex = readBack('mutex-convoy').waits;
    const viaTs = readBack('mutex-convoy', 6000, ['cpuinfo-v', 'findstack-v', 'turnstile', 'tunables']).waits;
    expect(viaTs.map((f) => [f.rule, f.severity, f.confidence, f.title, sorted(f.threads!)])).toEqual(
      viaMutex.map((f) => [f.rule, f.severity, f.confidence, f.title, sorted(f.threads!)]),
    );
    expect(viaTs[0]!.message).toContain('::turnstile (line');
  });
});
