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
