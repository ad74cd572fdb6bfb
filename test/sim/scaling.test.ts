// What-if work grows linearly with CPUs: counted, not timed. The kp queue's hot bit used to
// re-plan every watched CPU at each flip (a thread queued there and taken in the same event flips
// it twice), which made re-planning quadratic in CPUs (issue 15).
import { describe, expect, it } from 'vitest';
import { generateTranscript } from '../../bench/gen/transcript.ts';
import { analyzeText } from '../../src/analyze.ts';
import { whatIf } from '../../src/sim/whatif.ts';

function work(cpus: number): { events: number; plans: number } {
  const a = analyzeText(generateTranscript({ bytes: 4e6, cpus, seed: 1 }), { source: `gen-${cpus}` });
  const r = whatIf(a, { kpreemptpri: 99 }, { duration: '60s' });
  const f = (k: 'events' | 'plans'): number => (r.summary?.[k] ?? 0) + (r.baseline?.[k] ?? 0);
  return { events: f('events'), plans: f('plans') };
}

describe('what-if scaling', () => {
  it('re-plans about one CPU per event at 256 CPUs (it was 5 per event: every kp queue flip re-planned every watched CPU)', () => {
    const w = work(256);
    expect(w.events).toBeGreaterThan(50_000);
    expect(w.plans).toBeLessThan(2 * w.events);
  }, 60_000);
});
