// Help on every command: each lists every flag its parser accepts (so a new flag without help
// fails here), `playfair help CMD` and `CMD --help`/`-h` print the same text with exit 0.
import { describe, expect, it } from 'vitest';
import type { OptionTable } from '../../src/cli/options.ts';
import { run } from './run.ts';

type HelpModule = { HELP?: unknown; OPTIONS?: OptionTable };

/** Each command's parser module (cast to the two exports this test reads). */
const MODULES: Record<string, () => Promise<HelpModule>> = {
  analyze: async () => (await import('../../src/cli/analyze.ts')) as HelpModule,
  tui: async () => (await import('../../src/cli/tui.ts')) as HelpModule,
  start: async () => (await import('../../src/cli/start.ts')) as HelpModule,
  sim: async () => (await import('../../src/cli/sim.ts')) as HelpModule,
  mdb: async () => (await import('../../src/cli/mdb.ts')) as HelpModule,
  triage: async () => (await import('../../src/cli/triage.ts')) as HelpModule,
};

/** Whether `flag` appears in `help` as a whole word (not as the prefix of a longer flag). */
function mentions(help: string, flag: string): boolean {
  let i = help.indexOf(flag);
  while (i >= 0) {
    const before = i === 0 ? ' ' : help[i - 1]!;
    const after = help[i + flag.length] ?? ' ';
    if (!/[\w-]/.test(before) && !/[\w-]/.test(after)) return true;
    i = help.indexOf(flag, i + 1);
  }
  return false;
}

describe('every flag a parser accepts is in its help', () => {
  for (const [name, load] of Object.entries(MODULES)) {
    it(name, async () => {
      const m = await load();
      expect(typeof m.HELP).toBe('string');
      if (typeof m.HELP !== 'string' || m.OPTIONS === undefined) throw new Error(`${name} exports no HELP or OPTIONS`);
      const missing: string[] = [];
      for (const [long, spec] of Object.entries(m.OPTIONS)) {
        if (!mentions(m.HELP, `--${long}`)) missing.push(`--${long}`);
        if (spec.short !== undefined && !mentions(m.HELP, `-${spec.short}`)) missing.push(`-${spec.short}`);
      }
      expect(missing).toEqual([]);
      // Every parser takes -h/--help itself, though main answers it first.
      expect(m.OPTIONS['help']).toMatchObject({ type: 'boolean', short: 'h' });
    });
  }

  it('the checker itself: a flag named only as part of a longer one does not count', () => {
    expect(mentions('  --max-input SIZE', '--max')).toBe(false);
    expect(mentions('  --max-input SIZE', '--max-input')).toBe(true);
    expect(mentions('use -e CMD', '-e')).toBe(true);
    expect(mentions('a --fail-on-x flag', '--fail-on')).toBe(false);
  });
});

describe('help on every command', () => {
  it.each([['analyze'], ['triage'], ['sim'], ['mdb'], ['tui'], ['start']])('%s: --help, -h and `help %s` agree, exit 0, stdout only', async (cmd) => {
    const a = await run([cmd, '--help']);
    const b = await run([cmd, '-h']);
    const c = await run(['help', cmd]);
    expect(a.code).toBe(0);
    expect(a.err).toBe('');
    expect(a.out).toMatch(new RegExp(`^usage:\\s+playfair ${cmd}`));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('--help wins over other arguments, even bad ones', async () => {
    const r = await run(['analyze', '--nope', 'x', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--starvation-seconds N');
  });

  it('analyze help names --compact and the five exit codes', async () => {
    const r = await run(['help', 'analyze']);
    expect(r.out).toContain('--compact');
    for (const code of ['0', '1', '2', '3', '4']) expect(r.out).toMatch(new RegExp(`^  ${code}  `, 'm'));
  });

  it('playfair --help and `playfair help` print the overview to stdout, exit 0; bare playfair to stderr, exit 2', async () => {
    const a = await run(['--help']);
    const b = await run(['help']);
    const c = await run([]);
    expect(a.code).toBe(0);
    expect(b).toEqual(a);
    expect(a.out).toContain('playfair help COMMAND');
    expect(c.code).toBe(2);
    expect(c.out).toBe('');
    expect(c.err).toBe(a.out);
  });

  it('help for an unknown command: one line, exit 2', async () => {
    const r = await run(['help', 'nope']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('playfair help: no command "nope" (commands: analyze, triage, sim, mdb, tui, start)\n');
  });
});
