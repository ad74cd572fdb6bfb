// The renderers' documented handling of unknown values, and the reference layouts.
import { describe, expect, it } from 'vitest';
import type { StackFrame } from '../../src/model/snapshot.ts';
import { renderFindstack } from '../../src/render/findstack.ts';
import { renderStacks } from '../../src/render/stacks.ts';
import { renderThread, renderThreadHeader } from '../../src/render/thread.ts';

const saved: StackFrame = { func: '_resume_from_idle', offset: 0xf1, args: [], fp: 'ffffff0007e01b60', saved: true, line: 0 };
const swtch: StackFrame = { func: 'swtch', offset: 0x1e6, args: ['1'], fp: 'ffffff0007e01b90', line: 0 };

describe('renderFindstack', () => {
  it('prints the 2018+ description, and ` ()` for an unknown one when asked', () => {
    const t = { addr: 'ffffff0007e01c40', sp: 'ffffff0007e01b60', stack: [saved, swtch] };
    expect(renderFindstack({ ...t, desc: 'mac_soft_ring_worker()' }, { verbose: false })).toBe(
      'stack pointer for thread ffffff0007e01c40 (mac_soft_ring_worker()): ffffff0007e01b60\n' +
        '[ ffffff0007e01b60 _resume_from_idle+0xf1() ]\n' +
        '  ffffff0007e01b90 swtch+0x1e6()\n',
    );
    expect(renderFindstack({ ...t, desc: null }, { verbose: true, withDesc: true }).split('\n')[0]).toBe(
      'stack pointer for thread ffffff0007e01c40 (): ffffff0007e01b60',
    );
    expect(renderFindstack({ ...t, free: true, desc: 'x' }, { verbose: true }).split('\n')[0]).toBe(
      'stack pointer for thread ffffff0007e01c40 (TS_FREE) (x): ffffff0007e01b60',
    );
  });

  it('takes a null sp from the saved frame, else prints `?`; omits the fp column when fp is null', () => {
    expect(renderFindstack({ addr: 'a', sp: null, stack: [saved] }, { verbose: true })).toMatch(/^stack pointer for thread a: ffffff0007e01b60\n/);
    expect(
      renderFindstack({ addr: 'a', sp: null, stack: [{ func: 'swtch', offset: 0x1e6, args: null, fp: null, line: 0 }] }, { verbose: true }),
    ).toBe('stack pointer for thread a: ?\n  swtch+0x1e6()\n');
  });

  it('zero-pads frame pointers to the pointer width', () => {
    expect(renderFindstack({ addr: '1', sp: '8047b28', stack: [{ ...swtch, fp: '8047b48' }] }, { verbose: true, addrWidth: 8 })).toBe(
      'stack pointer for thread 1: 8047b28\n  08047b48 swtch+0x1e6(1)\n',
    );
  });
});

describe('renderStacks', () => {
  it('prints frames only for a group with no thread, `?` for unknown fields, and skips saved frames', () => {
    const out = renderStacks(
      [
        { thread: null, state: null, sobj: null, count: null, stack: [swtch] },
        { thread: 'ffffff0007e01c40', state: null, sobj: 'CV', count: null, stack: [saved, swtch] },
      ],
      { header: 'none' },
    );
    expect(out).toBe(
      '                 swtch+0x1e6\n' +
        '\n' +
        'ffffff0007e01c40 ?        CV                      ?\n' +
        '                 swtch+0x1e6\n' +
        '\n',
    );
  });
});

describe('renderThread', () => {
  it('prints the reference -i and -d layouts', () => {
    const row = {
      addr: 'ffffff0007e01c40',
      columns: { STATE: 'run', FLG: '8', PFLG: '0', SFLG: '3', PRI: '99', EPRI: '0', PIL: '0', INTR: 'n/a', DISPTIME: '64f2a1', BOUND: '-1', PR: '0', SWITCH: 't-6620612' },
    };
    expect(renderThread([row], { groups: ['i'] })).toBe(
      '            ADDR    STATE  FLG PFLG SFLG   PRI  EPRI PIL             INTR\n' +
        'ffffff0007e01c40 run         8    0    3    99     0   0              n/a\n',
    );
    expect(renderThread([row], { groups: ['d'] })).toBe(
      '            ADDR         DISPTIME BOUND PR SWITCH\n' + 'ffffff0007e01c40           64f2a1    -1  0 t-6620612\n',
    );
  });

  it('prints `?` for a missing column, drops SWITCH for old mdb, and lays out 32-bit -i -d -m', () => {
    expect(renderThread([{ addr: 'c40', columns: {} }], { groups: ['d'], header: false, switchColumn: false })).toBe(
      '0000000000000c40                ?     ?  ?\n',
    );
    expect(renderThreadHeader({ groups: ['i', 'd'], merge: true, addrWidth: 8 })).toBe(
      '    ADDR    STATE  FLG PFLG SFLG   PRI  EPRI PIL     INTR DISPTIME BOUND PR SWITCH\n',
    );
  });
});
