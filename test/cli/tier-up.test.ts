// bin/playfair.js tiers code up more slowly than node's default (fewer optimising compiles on a
// small report), and leaves a budget given to node itself alone.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/playfair.js', import.meta.url));
const SEED = fileURLToPath(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url));

/** Functions V8 finished optimising while `playfair analyze` read the seed, as --trace-opt prints them. */
function optimisedFunctions(nodeFlags: readonly string[]): number {
  const r = spawnSync(process.execPath, [...nodeFlags, '--trace-opt', BIN, 'analyze', SEED], { encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(r.status, r.stderr).toBe(1); // the seed has findings
  return r.stdout.split('\n').filter((l) => l.startsWith('[completed compiling')).length;
}

describe('the playfair command', () => {
  it('optimises a fraction of what node would on a small report, unless given --interrupt-budget', () => {
    const tuned = optimisedFunctions([]);
    // V8 takes a flag spelled with `_` as with `-`: either is node's own and wins.
    for (const flag of ['--interrupt-budget=67584', '--interrupt_budget=67584']) expect(optimisedFunctions([flag]), flag).toBeGreaterThan(3 * tuned);
  }, 60_000);
});
