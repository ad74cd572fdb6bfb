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
  // Real mdb walks sleep queues: condition variables and semaphores only, never a mutex.
  const seed = analyzeFixture('../../seed/illumos-1532.txt');

  it('lists the condition variables the seed\'s workers sleep on, in mdb\'s columns', () => {
    expect(runMdbCommand(seed, '::wchaninfo', r).lines).toEqual([
      'ADDR             TYPE NWAITERS',
      'ffffff01d6fd5b60 cond        1',
      'ffffff01d2c35c50 cond        1',
    ]);
  });

  it('-v puts the first waiter after `:  ` and indents the others under it; ADDR narrows to one', () => {
    const out = runMdbCommand(seed, 'ffffff01d2c35c50::wchaninfo -v', r);
    expect(out.lines).toEqual(['ADDR             TYPE NWAITERS   THREAD           PROC', 'ffffff01d2c35c50 cond        1:  ffffff0007e1fc40 sched']);
    expect(runMdbCommand(seed, 'ffffff0000001000::wchaninfo', r).error).toBe('ffffff0000001000 is not a condition variable or semaphore any thread in this dump sleeps on');
  });

  it('a second waiter is indented 33 columns, under the first', () => {
    const two = ['ffffff0000000a00', 'ffffff0000000b00']
      .flatMap((t) => [`> ${t}::findstack -v`, `stack pointer for thread ${t}: ffffff0000001000`, '  ffffff0000001010 swtch+0x141()', '  ffffff0000001020 cv_wait+0x70(ffffff00000c0000, ffffff00000c0008)', '  ffffff0000001030 taskq_thread_wait+0x84()'])
      .join('\n');
    const out = runMdbCommand(analyzeText(two + '\n', { source: 'two' }), '::wchaninfo -v', r);
    expect(out.lines).toEqual([
      'ADDR             TYPE NWAITERS   THREAD           PROC',
      'ffffff00000c0000 cond        2:  ffffff0000000a00 ?',
      '                                 ffffff0000000b00 ?',
    ]);
  });

  it('mutex waits are not wait channels (they block on turnstiles): refused with the reason', () => {
    expect(runMdbCommand(deadlock, '::wchaninfo', r).error).toMatch(/^this dump shows no thread asleep on a condition variable or semaphore/);
    expect(convoy.snapshot.waits!.edges.filter((e) => e.kind === 'mutex').length).toBeGreaterThanOrEqual(5);
  });
});
