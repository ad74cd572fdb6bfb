// ::findlocks and ::wchaninfo over the hand-written wait fixtures; expected text worked out from
// the fixtures' lines (deadlock-two-mutex.txt: lines 6 and 16 are the mutex_vector_enter frames,
// 23 and 26 the ::mutex rows naming the owners).
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { runMdbCommand } from '../../src/shell/commands.ts';
import { renderersFor } from '../../src/shell/renderers.ts';
import { analyzeFixture } from '../waits/helpers.ts';

const r = renderersFor();
const deadlock = analyzeFixture('deadlock-two-mutex.txt');
const convoy = analyzeFixture('convoy-mutex.txt');

describe('::findlocks', () => {
  it('names each blocked thread, its lock and the owner ::mutex shows', () => {
    const out = runMdbCommand(deadlock, '::findlocks', r);
    expect(out.error).toBeUndefined();
    expect(out.lines).toHaveLength(2);
    expect(out.lines[0]).toMatch(/^ffffff0d4a7e1c40 \(dld_str_detach\) waits for mutex ffffff0d3b1f6e90 \(mutex_vector_enter, line 6, in mac_client_close\), ended by ffffff0d4a9f3b80/);
    expect(out.lines[0]).toContain('line 23');
    expect(out.lines[1]).toMatch(/^ffffff0d4a9f3b80 .* waits for mutex ffffff0d3c2a8b40 \(mutex_vector_enter, line 16, in dls_devnet_hold_tmp\), ended by ffffff0d4a7e1c40/);
    expect(out.lines[1]).toContain('line 26');
  });

  it('pipes the blocked threads on, and says so when a dump has none', () => {
    const piped = runMdbCommand(deadlock, '::findlocks | ::findstack', r);
    expect(piped.error).toBeUndefined();
    expect(piped.lines.filter((l) => l.startsWith('stack pointer for thread'))).toHaveLength(2);
    // the seed's idle workers sleep on condition variables nobody holds: listed, owner not shown
    const seed = runMdbCommand(analyzeFixture('../../seed/illumos-1532.txt'), '::findlocks', r);
    expect(seed.lines).toEqual([
      'ffffff0007e01c40 (mac_soft_ring_worker) waits for cv ffffff01d6fd5b60 (cv_wait, line 110, in mac_soft_ring_worker); its owner is not in the input',
      'ffffff0007e1fc40 (squeue_worker) waits for cv ffffff01d2c35c50 (cv_wait, line 117, in squeue_worker); its owner is not in the input',
    ]);
    const none = runMdbCommand(analyzeText('> ::cpuinfo\n ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC\n  0 fffffffffbc2f7c0  1b    0    0  -1   no    no t-0    fffffe000f4c7c20 (idle)\n', { source: 'x' }), '::findlocks', r);
    expect(none.error).toMatch(/^this dump shows no thread blocked/);
  });
});

describe('::wchaninfo', () => {
  it('counts the waiters per channel; ADDR narrows to one; -v lists them', () => {
    const all = runMdbCommand(deadlock, '::wchaninfo', r);
    expect(all.lines).toEqual([
      '            ADDR TYPE   NWAITERS',
      'ffffff0d3b1f6e90 mutex         1',
      'ffffff0d3c2a8b40 mutex         1',
    ]);
    const one = runMdbCommand(deadlock, 'ffffff0d3c2a8b40::wchaninfo -v', r);
    expect(one.lines[1]).toMatch(/^ffffff0d3c2a8b40 mutex         1 ffffff0d4a9f3b80 {2}\S/);
    expect(runMdbCommand(deadlock, 'ffffff0000001000::wchaninfo', r).error).toBe('ffffff0000001000 is not a wait channel any thread in this dump waits on');
  });

  it('a convoy is one channel with every waiter', () => {
    const out = runMdbCommand(convoy, '::wchaninfo -v', r);
    const heads = out.lines.slice(1).filter((l) => !l.startsWith(' '));
    const waiters = convoy.snapshot.waits!.edges.filter((e) => e.kind === 'mutex');
    expect(waiters.length).toBeGreaterThanOrEqual(5);
    expect(heads.some((h) => h.includes(`${'mutex'.padEnd(6)} ${String(waiters.length).padStart(8)}`))).toBe(true);
    expect(out.lines.length - 1).toBeGreaterThanOrEqual(waiters.length);
  });
});
