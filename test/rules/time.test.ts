import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../src/model/snapshot.ts';
import { humanDuration, resolveHz, thresholdTicks, ticksText } from '../../src/rules/time.ts';
import { ctx } from './helpers.ts';

describe('time', () => {
  it('human durations', () => {
    expect(humanDuration(66205.99)).toBe('18.4 hours');
    expect(humanDuration(3600)).toBe('1 hour');
    expect(humanDuration(90)).toBe('1.5 minutes');
    expect(humanDuration(1)).toBe('1 second');
    expect(humanDuration(0.04)).toBe('40 ms');
    expect(humanDuration(3 * 86400)).toBe('3 days');
  });

  it('hz: the input wins, else the assumed value, flagged', () => {
    const s = emptySnapshot();
    expect(resolveHz(ctx(s, []))).toEqual({ hz: 100, assumed: true, source: 'default', line: null });
    // --hz beats inference from the input, never the input's own hz.
    expect(resolveHz(ctx(s, [], { assumedHz: 1000 }))).toEqual({ hz: 1000, assumed: true, source: 'option', line: null });
    s.tunables['hz'] = 1000;
    s.tunableLines['hz'] = 3;
    const hz = resolveHz(ctx(s, [], { assumedHz: 250 }));
    expect(hz).toEqual({ hz: 1000, assumed: false, source: 'input', line: 3 });
    expect(thresholdTicks(ctx(s, [], { starvationSeconds: 2 }), hz)).toBe(2000);
    expect(ticksText(6620600, { hz: 100, assumed: true, source: 'default', line: null })).toBe('6620600 ticks (about 18.4 hours at hz 100, assumed)');
  });
});

describe('hz inferred from the input', () => {
  it('hires_tick says 1000 or 100', () => {
    const s = emptySnapshot();
    s.tunables['hires_tick'] = 1;
    s.tunableLines['hires_tick'] = 7;
    expect(resolveHz(ctx(s, []))).toEqual({ hz: 1000, assumed: true, source: 'hires_tick', line: 7 });
    s.tunables['hires_tick'] = 0;
    expect(resolveHz(ctx(s, [])).hz).toBe(100);
  });

  it('a SmartOS build stamp before 2020-08-17 gives 100, after it 1000; other text gives the default', () => {
    const at = (os: string) => {
      const s = emptySnapshot();
      s.system = { fields: { 'operating system': os }, lines: { 'operating system': 3 } };
      return resolveHz(ctx(s, []));
    };
    expect(at('5.11 joyent_20151126T062747Z (i86pc)')).toEqual({ hz: 100, assumed: true, source: 'build-date', line: 3, buildDate: '2015-11-26' });
    expect(at('5.11 joyent_20200817T000000Z (i86pc)').hz).toBe(1000);
    expect(at('5.11 joyent_20200816T235959Z (i86pc)').hz).toBe(100);
    expect(at('5.11 omnios-r151046-4c8eb3b0a5 (i86pc)').source).toBe('default');
    expect(at('5.11 joyent_20201399T000000Z (i86pc)').source).toBe('default'); // not a date
  });

  it('an implausible hz in the input is not used', () => {
    const s = emptySnapshot();
    s.tunables['hz'] = 0;
    expect(resolveHz(ctx(s, [])).source).toBe('default');
    s.tunables['hz'] = 9e15;
    expect(resolveHz(ctx(s, [])).source).toBe('default');
  });
});
