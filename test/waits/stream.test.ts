// Lean stream mode shares stacks without their arguments; the waits are read from the records
// first, so every wait finding is the same as when the text is read whole.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.ts';
import { fixturePath, waitFindings } from './helpers.ts';

const FIXTURES = ['deadlock-two-mutex-panic.txt', 'deadlock-two-mutex.txt', 'cycle-rwlock-three.txt', 'convoy-mutex.txt', 'convoy-mutex-turnstile.txt', 'seed-comment6-chain.txt', 'convoy-owner-preempted.txt', 'chain-head-queued-bound.txt', 'convoy-owner-cv.txt', 'convoy-owner-chain-running.txt'];

describe('wait findings in lean, shared-stack mode', () => {
  it.each(FIXTURES)('%s: the same rules, severities, threads and frame lines as the whole read', (name) => {
    const text = readFileSync(fixturePath(name), 'utf8');
    const pick = (lean: boolean) =>
      waitFindings(analyzeText(text, { source: name, lean, sharedStacks: lean })).map((f) => ({ rule: f.rule, severity: f.severity, threads: f.threads }));
    const whole = pick(false);
    expect(whole.length).toBeGreaterThan(0);
    expect(pick(true)).toEqual(whole);
    // The primitive frames' lines survive sharing: they are the waits' evidence.
    const lean = analyzeText(text, { source: name, lean: true, sharedStacks: true });
    const full = analyzeText(text, { source: name });
    expect(lean.snapshot.waits?.edges).toEqual(full.snapshot.waits?.edges);
  });
});
