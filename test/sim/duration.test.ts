import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/sim/duration.ts';
import { shortTicks } from '../../src/rules/policy.ts';

describe('parseDuration', () => {
  it('converts units to ticks at hz', () => {
    expect(parseDuration('18.4h', 100)).toEqual({ ok: true, ticks: 6_624_000 });
    expect(parseDuration('30m', 1000)).toEqual({ ok: true, ticks: 1_800_000 });
    expect(parseDuration('250ms', 100)).toEqual({ ok: true, ticks: 25 });
    expect(parseDuration('500t', 100)).toEqual({ ok: true, ticks: 500 });
    expect(parseDuration('2', 100)).toEqual({ ok: true, ticks: 200 });
  });
  it('refuses nonsense', () => {
    for (const bad of ['', 'h', '-3s', '1.5t', '3 parsecs', '1e9s']) expect(parseDuration(bad, 100).ok).toBe(false);
  });
  it('formats ticks for people with the one policy formatter the simulator uses too', () => {
    expect(shortTicks(1, 100)).toBe('10ms');
    expect(shortTicks(250, 100)).toBe('2.5s');
    // 6,620,600 ticks at hz 100 = 66,206 s = 18 h 23 min 26 s.
    expect(shortTicks(6_620_600, 100)).toBe('18h23m');
  });
});
