// The model speaks illumos/: states come back in their dcmd's spelling, the shell orders them by
// stateOrder, addresses are one key however printed, and the tunables kept are the table's.
import { describe, expect, it } from 'vitest';
import { KEPT_TUNABLES } from '../../illumos/index.ts';
import { analyzeText } from '../../src/analyze.ts';
import { renderStacks } from '../../src/render/stacks.ts';
import { printThreadMembers } from '../../src/render/print.ts';
import { stacksGroups } from '../../src/shell/renderers.ts';

const run = (...l: string[]) => analyzeText(l.join('\n') + '\n');

describe('thread states', () => {
  // A user core's ::stacks (hand-written, as mdb prints userland groups).
  const userland = run(
    '> ::stacks',
    'THREAD           STATE    SOBJ                COUNT',
    '2                UNPARKED <NONE>                  1',
    '                 libc.so.1`__lwp_park+0x17',
    '',
    '1                PARKED   <NONE>                  1',
    '                 libc.so.1`__lwp_park+0x17',
    '',
    '3                SLEEP    CV                      1',
    '                 libc.so.1`cond_wait+0x5',
    '',
  );

  it('reads PARKED and UNPARKED as the userland states', () => {
    expect(userland.snapshot.threads.map((t) => [t.addr, t.state])).toEqual([
      ['2', 'unparked'],
      ['1', 'parked'],
      ['3', 'sleep'],
    ]);
    expect(userland.diagnostics).toEqual([]);
  });

  it('the shell renders each state back in ::stacks spelling, ordered sleep, parked, unparked', () => {
    const groups = stacksGroups(userland.snapshot.threads, null);
    expect(groups.map((g) => [g.thread, g.state])).toEqual([
      ['3', 'SLEEP'],
      ['1', 'PARKED'],
      ['2', 'UNPARKED'],
    ]);
    expect(renderStacks(groups).split('\n').filter((l) => /^[0-9]/.test(l))).toEqual([
      '3                SLEEP    CV                      1',
      '1                PARKED   <NONE>                  1',
      '2                UNPARKED <NONE>                  1',
    ]);
  });

  it('::print t_state prints the t_state value of a kernel state, and nothing for a userland one', () => {
    const onproc = run('> ffffff01d5a600c0::print kthread_t t_state', 't_state = 0x4').snapshot.threads[0]!;
    expect(onproc.state).toBe('onproc');
    expect(printThreadMembers(onproc, 'kthread_t', ['t_state'])).toBe('t_state = 0x4\n');
    const parked = userland.snapshot.threads[1]!;
    expect(printThreadMembers(parked, 'kthread_t', ['t_state'])).toBe('');
  });
});

describe('addresses', () => {
  it('one key however printed: upper case, 0x, leading zeros', () => {
    const a = run(
      '> ffffff01dde41b90::print tsproc_t ts_timeleft ts_tp',
      'ts_timeleft = 0xff9b0253',
      'ts_tp = 0X00FFFFFF01D5A600C0',
      '> 0xffffff01d5a600c0::print kthread_t t_pri',
      't_pri = 0',
    );
    expect(a.snapshot.threads.map((t) => [t.addr, t.pri, t.tsTimeleft, t.cldata])).toEqual([['ffffff01d5a600c0', 0, -6618541, 'ffffff01dde41b90']]);
  });
});

describe('tunables', () => {
  it('keeps exactly the table\'s kept names: ncpus and lbolt too, ufs_ninode not', () => {
    expect(KEPT_TUNABLES.has('ncpus')).toBe(true);
    const a = run('> ::system', 'set ncpus=0x8 [0t8]', 'set ufs_ninode=0x9c40 [0t40000]', '> lbolt/E', 'lbolt:', 'lbolt:          6620700              ');
    expect(a.snapshot.tunables).toEqual({ ncpus: 8, lbolt: 6620700 });
    expect(a.accounting.unrecognized).toBe(0);
  });
});
