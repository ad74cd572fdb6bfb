// Cutting terminal reads into events and keys (src/tui/input-events.ts).
import { describe, expect, test } from 'vitest';
import { firstKey, InputEvents, printablePrefix } from '../../src/tui/input-events.ts';

const keysOf = (ev: string): string[] => {
  const out: string[] = [];
  let rest = ev;
  while (rest) {
    const [k, r] = firstKey(rest);
    out.push(k);
    rest = r;
  }
  return out;
};

describe('InputEvents', () => {
  test('sequences stand alone; text between them is one run', () => {
    const e = new InputEvents();
    expect(e.push('jj\x1b[Bf\r\x1b[5~\x1bOA\x1b')).toEqual(['jj', '\x1b[B', 'f\r', '\x1b[5~', '\x1bOA', '\x1b']);
    expect(e.push('\x1b[200~a\tb\x1b[201~')).toEqual(['\x1b[200~', 'a\tb', '\x1b[201~']);
    expect(e.push('\x1b\x1b[A\x1bx\x1b[[5~')).toEqual(['\x1b\x1b[A', '\x1bx', '\x1b[[5~']);
  });

  test('a sequence cut between two reads is joined; flush gives up an unfinished one', () => {
    const e = new InputEvents();
    expect(e.push('k\x1b[1')).toEqual(['k']);
    expect(e.hasPending()).toBe(true);
    expect(e.push('~x')).toEqual(['\x1b[1~', 'x']);
    expect(e.push('\x1b[')).toEqual([]);
    expect(e.flush()).toEqual(['\x1b[']);
    expect(e.hasPending()).toBe(false);
  });
});

describe('firstKey', () => {
  test('a run is cut into single keys; CR LF is one Enter; a sequence is one key; astral characters stay whole', () => {
    expect(keysOf('jj')).toEqual(['j', 'j']);
    expect(keysOf('::stacks\r\n::cpuinfo\r')).toEqual([...'::stacks', '\r', ...'::cpuinfo', '\r']);
    expect(keysOf('a😀b')).toEqual(['a', '😀', 'b']);
    expect(keysOf('\x1b[B')).toEqual(['\x1b[B']);
  });
});

describe('printablePrefix', () => {
  test('stops at the first control character (Enter, Backspace, Tab, C1)', () => {
    expect(printablePrefix('::stacks\r::cpuinfo')).toBe(8);
    expect(printablePrefix('ab\x7fc')).toBe(2);
    expect(printablePrefix('\rx')).toBe(0);
    expect(printablePrefix('a\tb')).toBe(1);
    expect(printablePrefix('古a\x85')).toBe(2);
    expect(printablePrefix('plain')).toBe(5);
  });
});
