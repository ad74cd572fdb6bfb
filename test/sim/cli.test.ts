// `playfair sim` in-process: output streams, exit codes and usage errors.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSim } from '../../src/cli/sim.ts';
import { fakeIO } from './helpers.ts';
import { analyzeText } from '../../src/analyze.ts';

const SEED = new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url).pathname;

describe('playfair sim', () => {
  it('prints a summary on stdout when not emitting', async () => {
    const f = fakeIO();
    expect(await runSim(['--scenario', 'illumos-1532', '--duration', '120s', '--seed', '7'], f.io)).toBe(0);
    expect(f.out()).toMatch(/^playfair sim: illumos-1532, seed 7: kpreemptpri 100 \(kpqpri 100\), hz 100, 12000 ticks/);
    expect(f.out()).toMatch(/STARVATION: 2 thread\(s\) queued longer than 1\.0s/);
    expect(f.err()).toBe('');
  });

  it('with --emit prints mdb text on stdout and the summary on stderr', async () => {
    const f = fakeIO();
    const code = await runSim(['--kpreemptpri', '99', '--duration', '120s', '--emit', 'cpuinfo-v,findstack-v,print,tunables'], f.io);
    expect(code).toBe(0);
    expect(f.out().startsWith('> ::cpuinfo -v\n ID ADDR             FLG NRUN')).toBe(true);
    expect(f.out()).toContain('> kpreemptpri/D\nkpreemptpri:\nkpreemptpri:    99');
    expect(f.err()).toMatch(/no starvation/);
  });

  it('--what-if reads a dump and exits 1 unless every finding clears for the whole window', async () => {
    const ok = fakeIO();
    // kpreemptpri 99 clears the starvation but the kernel loop on cpu 1 comes back: exit 1.
    expect(await runSim(['--what-if', 'kpreemptpri=99', SEED], ok.io)).toBe(1);
    expect(ok.out()).toMatch(/what if kpreemptpri=99/);
    expect(ok.out()).toMatch(/CLEARS {2}kpreempt-threshold \(cpu 1\): cleared after 1 tick and stayed clear/);
    expect(ok.out()).toMatch(/RETURNS ts-timeleft-overrun \(cpu 1\)/);
    expect(ok.out()).toMatch(/changed run: kpreemptpri 99, kpqpri 99 \(boot-time fix\)/);
    const live = fakeIO();
    expect(await runSim(['--what-if', 'kpreemptpri=99', '--patch', 'live', '--duration', '2s', SEED], live.io)).toBe(1);
    expect(live.out()).toMatch(/changed run: kpreemptpri 99, kpqpri 100 \(live patch\)/);
    const stay = fakeIO();
    expect(await runSim(['--what-if', 'kpreemptpri=100', '--duration', '5s', SEED], stay.io)).toBe(1);
    expect(stay.out()).toMatch(/REMAINS kpreempt-threshold/);
  });

  it('--what-if reads stdin with -', async () => {
    const f = fakeIO(readFileSync(SEED, 'utf8'));
    expect(await runSim(['--what-if', 'kpreemptpri=99', '--json', '-'], f.io)).toBe(1);
    const r = JSON.parse(f.out()) as { outcomes: { rule: string; status: string }[] };
    expect(r.outcomes.map((o) => `${o.rule}:${o.status}`).sort()).toEqual([
      'kpreempt-threshold:cleared', 'preemption-pending:returns', 'runq-starvation:cleared', 'ts-timeleft-overrun:returns',
    ]);
  });

  it('--check runs the cross-check and reports the count', async () => {
    const f = fakeIO();
    expect(await runSim(['--check', '--seeds', '3', '--first-seed', '40'], f.io)).toBe(0);
    expect(f.out()).toMatch(/sim --check: 3\/3 seeds passed \(seeds 40\.\.42/);
  });

  it('refuses bad usage with exit 2 and a one-line reason', async () => {
    const cases: [string[], RegExp][] = [
      [['--scenario', 'nope'], /unknown scenario 'nope'/],
      [['--duration', '3 parsecs'], /bad duration/],
      [['--kpreemptpri', 'high'], /--kpreemptpri must be an integer/],
      [['--emit', 'everything'], /unknown --emit kind/],
      [['--what-if', 'kpreemptpri'], /NAME=VALUE/],
      [['--what-if', 'quantum=5', SEED], /unknown tunable 'quantum'/],
      [['--what-if', 'kpreemptpri=99'], /needs one FILE/],
      [['--what-if', 'kpreemptpri=99', '--emit', 'cpuinfo-v', SEED], /--emit cannot be used with --what-if/],
      [['--what-if', 'kpreemptpri=99', '--kpqpri', '60', SEED], /--kpqpri cannot be used with --what-if/],
      [['--what-if', 'kpreemptpri=99', '--patch', 'later', SEED], /--patch must be boot or live/],
      [['--what-if', 'nosteal_ticks=1', SEED], /unknown tunable 'nosteal_ticks'/],
      [['--patch', 'live'], /--patch only applies to --what-if/],
      [['--bogus'], /^playfair sim: unknown option --bogus \(--help lists the options\)\n$/],
      [['stray'], /unexpected argument 'stray'/],
    ];
    for (const [argv, re] of cases) {
      const f = fakeIO();
      expect(await runSim(argv, f.io)).toBe(2);
      expect(f.err()).toMatch(re);
    }
  });

  it('--list names the built-in scenarios', async () => {
    const f = fakeIO();
    expect(await runSim(['--list'], f.io)).toBe(0);
    expect(f.out().split('\n').map((l) => l.split(':')[0])).toEqual([
      'deadlock-2', 'healthy-mix', 'illumos-1532', 'illumos-1532-intr', 'illumos-1532-sdc98', 'mutex-convoy', 'pageout-chain', 'pageout-taskq',
      'pageout-taskq-sdc', 'rwlock-cycle-3', 'sys-equal-pri', '',
    ]);
  });
});

describe('sim --emit mutex', () => {
  it('prints the convoy\'s ::mutex and blocked ::findstack -v sections, and analyze reads every line', async () => {
    const f = fakeIO();
    expect(await runSim(['--scenario', 'mutex-convoy', '--duration', '1s', '--emit', 'findstack-v,mutex'], f.io)).toBe(0);
    const out = f.out();
    expect(out.match(/::findstack -v\n/g)).toHaveLength(8);
    expect(out.match(/mutex_vector_enter\+0x36d\(/g)).toHaveLength(8);
    expect(out).toMatch(/::mutex\n {12}ADDR {2}TYPE {13}HELD MINSPL OLDSPL WAITERS\n[0-9a-f]{16} adapt [0-9a-f]{16} {6}- {6}- {5}yes\n$/);
    const a = analyzeText(out, { source: 'sim' });
    expect(a.accounting.unrecognized).toBe(0);
    expect(a.records.filter((r) => r.kind === 'mutex')).toHaveLength(1);
  });
});
