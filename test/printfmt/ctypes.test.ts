// Reading printed values by the C type of the field, and printing them back.
import { describe, expect, it } from 'vitest';
import { CTYPES, fieldType, interpretValue, lastMember } from '../../src/model/ctypes.ts';
import { addr } from '../../illumos/index.ts';
import { blankThread, type Thread } from '../../src/model/snapshot.ts';
import { printFieldValue, printThreadMembers, printValueText } from '../../src/render/print.ts';

describe('interpretValue', () => {
  it('reads by size and sign (the brief\'s examples)', () => {
    expect(interpretValue('ts_timeleft', '0xff9b0253')).toBe(-6618541);
    expect(interpretValue('t_pri', '0xffff')).toBe(-1);
    expect(interpretValue('ts_timeleft', '-0t6618541')).toBe(-6618541);
    expect(interpretValue('t_pri', '0t59')).toBe(59);
  });

  it('reads /X (bare hex) and /D (decimal, radix 10) values', () => {
    expect(interpretValue('ts_timeleft', 'ff9b0253')).toBe(-6618541);
    expect(interpretValue('ts_timeleft', '-6618541', 10)).toBe(-6618541);
    expect(interpretValue('kpreemptpri', '100', 10)).toBe(100);
    expect(interpretValue('kpreemptpri', '0x64')).toBe(100);
  });

  it('-d of a 2-byte type is not sign-extended by mdb; we are', () => {
    expect(interpretValue('t_pri', '0t65535')).toBe(-1);
    expect(interpretValue('t_bind_cpu', '0t65535')).toBe(-1);
    expect(interpretValue('t_flag', '0xffff')).toBe(0xffff);
  });

  it('unsigned types stay unsigned', () => {
    expect(interpretValue('ts_dispwait', '0xffffffff')).toBe(0xffffffff);
    expect(interpretValue('t_state', '0x2')).toBe(2);
    expect(interpretValue('kpreemptpri', '0x00000064', 16)).toBe(100);
  });

  it('refuses a value wider than its type instead of wrapping it (issue 13)', () => {
    // A pri_t is 2 bytes: 0xffff is the most it shows, 0x10000 or 0x10063 no kernel can hold.
    expect(interpretValue('t_pri', '0xffff')).toBe(-1);
    expect(interpretValue('t_pri', '0x10000')).toBeNull();
    expect(interpretValue('t_pri', '0x10063')).toBeNull();
    // An int: 0x8000000000000000 would wrap to 0 and hide the overrun.
    expect(interpretValue('ts_timeleft', '0x8000000000000000')).toBeNull();
    expect(interpretValue('ts_timeleft', '0x100000000')).toBeNull();
    // Signed bounds: -2^31 fits an int, one below does not.
    expect(interpretValue('ts_timeleft', '-0t2147483648')).toBe(-2147483648);
    expect(interpretValue('ts_timeleft', '-0t2147483649')).toBeNull();
    // A uint_t shown signed by /D is still that uint_t.
    expect(interpretValue('ts_dispwait', '-1', 10)).toBe(0xffffffff);
  });

  it('chars, enums, pointers, paths, unknown fields', () => {
    expect(interpretValue('ts_nice', "'\\024'")).toBe(20);
    expect(interpretValue('ts_boost', "'\\0'")).toBe(0);
    expect(interpretValue('cpu_runrun', "'\\001'")).toBe(1);
    expect(interpretValue('t_preempt', "'\\377'")).toBe(-1);
    expect(interpretValue('ts_nice', "'a'")).toBe(97);
    expect(interpretValue('t_state', '0t3 (TS_RUN)')).toBe(3);
    expect(interpretValue('t_cldata', '0xffffff01dde41b90')).toBeNull(); // above 2^53
    expect(interpretValue('t_cldata', '0x1000')).toBe(0x1000);
    expect(interpretValue('t_procp', 'p0')).toBeNull();
    expect(interpretValue('cpu_disp->disp_maxrunpri', '0x63')).toBe(99);
    expect(interpretValue('no_such_field', '0x1')).toBeNull();
  });

  it('ILP32 kernels have 4-byte clock_t', () => {
    expect(interpretValue('t_disp_time', '0xffffffff', 16, 'ilp32')).toBe(-1);
    expect(interpretValue('t_disp_time', '0xffffffff')).toBe(0xffffffff);
  });

  it('types and paths', () => {
    expect(fieldType('t_cid')).toEqual(CTYPES.id_t);
    expect(fieldType('cpu_disp', 'cpu_t')!.kind).toBe('pointer');
    expect(fieldType('ts_timeleft', 'kthread_t')).toBeNull();
    expect(lastMember('t_lwpchan.lc_wchan')).toBe('lc_wchan');
    expect(lastMember('cpu_disp->disp_q[3]')).toBe('disp_q');
  });
});

describe('printValueText', () => {
  it('hex in the type size, %#x style', () => {
    expect(printValueText(CTYPES.int, -6618541)).toBe('0xff9b0253');
    expect(printValueText(CTYPES.pri_t, -1)).toBe('0xffff');
    expect(printValueText(CTYPES.int, 0)).toBe('0');
    expect(printValueText(CTYPES.clock_t, -1)).toBe('0xffffffffffffffff');
  });

  it('-d: 0t above 9, signed for 4 and 8 bytes, unsigned for 1 and 2', () => {
    expect(printValueText(CTYPES.int, -6618541, { decimal: true })).toBe('-0t6618541');
    expect(printValueText(CTYPES.int, 9, { decimal: true })).toBe('9');
    expect(printValueText(CTYPES.pri_t, 59, { decimal: true })).toBe('0t59');
    expect(printValueText(CTYPES.pri_t, -1, { decimal: true })).toBe('0t65535');
  });

  it('chars are quoted with C escapes', () => {
    expect(printValueText(CTYPES.char, 20)).toBe("'\\024'");
    expect(printValueText(CTYPES.char, 0)).toBe("'\\0'");
    expect(printValueText(CTYPES.char, 10)).toBe("'\\n'");
    expect(printValueText(CTYPES.char, 65)).toBe("'A'");
    expect(printValueText(CTYPES.char, -1)).toBe("'\\377'");
    expect(printFieldValue('ts_timeleft', -6618541)).toBe('0xff9b0253');
    expect(printFieldValue('nope', 1)).toBeNull();
  });
});

describe('printThreadMembers', () => {
  const t: Thread = { ...blankThread(addr('ffffff01d5a600c0')), pri: 59, cid: 1, cldata: addr('ffffff01dde41b90'), tsTimeleft: -6618541, state: 'onproc' };

  it('kthread_t members the snapshot knows, -t', () => {
    expect(printThreadMembers(t, 'kthread_t', ['t_pri', 't_epri', 't_cid', 't_state', 't_cldata'], { showType: true })).toBe(
      'pri_t t_pri = 0x3b\nid_t t_cid = 0x1\nuint_t t_state = 0x4\nvoid *t_cldata = 0xffffff01dde41b90\n',
    );
  });

  it('the seed line: -a tsproc_t ts_timeleft', () => {
    expect(printThreadMembers(t, 'tsproc_t', ['ts_timeleft'], { showAddr: true })).toBe('ffffff01dde41b90 ts_timeleft = 0xff9b0253\n');
  });
});
