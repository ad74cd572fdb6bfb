// The width constants and the grammar's exported productions.
import { describe, expect, it } from 'vitest';
import { cpuinfoProductions } from '../../grammar/cpuinfo/index.ts';
import { CPU_FLAGS, cpuFlagNames as flagNamesOf } from '../../illumos/cpu-flags.ts';
import { CPUINFO_FLAGDELT, CPUINFO_ITHRDELT, CPUINFO_THRDELT, flagNameEnd, snapAddrWidth } from '../../grammar/cpuinfo/layout.ts';

describe('layout', () => {
  it('margin geometry per address width', () => {
    expect([16, 11, 8].map((w) => CPUINFO_THRDELT(w as 16 | 11 | 8))).toEqual([28, 23, 20]);
    expect([16, 11, 8].map((w) => CPUINFO_FLAGDELT(w as 16 | 11 | 8))).toEqual([23, 18, 15]);
    expect([16, 11, 8].map((w) => flagNameEnd(w as 16 | 11 | 8))).toEqual([19, 14, 11]);
    expect(CPUINFO_ITHRDELT).toBe(4);
  });

  it('flag names in bit order, DISABLED last', () => {
    expect(CPU_FLAGS.map((f) => f.bit)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]);
    expect(flagNamesOf(0x1f)).toEqual(['RUNNING', 'READY', 'QUIESCED', 'EXISTS', 'ENABLE']);
    expect(flagNamesOf(0x64)).toEqual(['QUIESCED', 'OFFLINE', 'POWEROFF']);
    expect(flagNamesOf(0x400)).toEqual(['DISABLED']);
  });

  it('snaps a measured header gap to a known width', () => {
    expect([16, 17, 11, 12, 8, 7].map(snapAddrWidth)).toEqual([16, 16, 11, 11, 8, 8]);
  });
});

describe('cpuinfoProductions', () => {
  it('serialises every rule of the grammar', () => {
    const names = cpuinfoProductions().map((p) => ('name' in p ? String(p.name) : p.type));
    expect(names).toEqual(
      expect.arrayContaining(['line', 'header', 'cpuRow', 'wrappedProc', 'verboseLine', 'margin', 'blockContent', 'pilRow', 'pinnedRow', 'queueRow']),
    );
  });
});
