// `playfair tui` away from a terminal: the text report and analyze's exit code; usage errors.
import { Readable } from 'node:stream';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runTui } from '../../src/cli/tui.ts';
import type { CliIO } from '../../src/cli/io.ts';
import { SEED_PATH, SEED_TEXT, seedAnalysis } from '../seed.ts';

function io(stdinText: string | null, tty = false): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const stdin = Readable.from(stdinText === null ? [] : [stdinText]) as Readable & { isTTY?: boolean };
  stdin.isTTY = stdinText === null;
  return {
    io: { stdout: { write: (s: string) => (out += s), isTTY: tty }, stderr: { write: (s: string) => (err += s) }, stdin },
    out: () => out,
    err: () => err,
  };
}

describe('playfair tui without a terminal', () => {
  test('FILE: prints the text report and exits 1 for findings at or above high', async () => {
    const t = io(null);
    const code = await runTui([SEED_PATH], t.io);
    expect(code).toBe(1);
    expect(t.out()).toContain('Findings: 1 critical');
    expect(t.out()).toContain('runq-starvation');
  });

  test('a dump on stdin with no FILE is read from the pipe', async () => {
    const t = io(SEED_TEXT);
    const code = await runTui([], t.io);
    expect(code).toBe(1);
    expect(t.out()).toContain('runq-starvation');
  });

  test('prose alone is nothing to judge: exit 3, as analyze gives (issue 12)', async () => {
    const t = io('nothing here but prose\n');
    expect(await runTui(['-'], t.io)).toBe(3);
  });

  test('bad arguments are a usage error (2); --help is not', async () => {
    const t = io(null);
    expect(await runTui(['a', 'b'], t.io)).toBe(2);
    expect(t.err()).toBe('playfair tui: give at most one FILE (or - for stdin)\n');
    expect(await runTui(['--bogus'], io(null).io)).toBe(2);
    const h = io(null);
    expect(await runTui(['--help'], h.io)).toBe(0);
    expect(h.out()).toContain('usage: playfair tui');
  });
});

describe('playfair tui on a terminal, with an input it cannot read', () => {
  // Each is refused before the screen opens: one line on stderr, exit 2, nothing on stdout.
  const dir = mkdtempSync(join(tmpdir(), 'pf-tui-cli-'));
  const binary = join(dir, 'core.bin');
  writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0, 1, 2, 3]));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [what, path, says] of [
    ['a missing file', join(dir, 'nope.txt'), /nope\.txt: .*(no such file|not found|ENOENT)/i],
    ['a directory', dir, /directory/i],
    ['a binary file', binary, /binary|not text|expected mdb output/i],
  ] as const) {
    test(what, async () => {
      const t = io(null, true);
      expect(await runTui([path], t.io)).toBe(2);
      expect(t.out()).toBe('');
      const lines = t.err().split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^playfair tui: /);
      expect(lines[0]).toMatch(says);
    });
  }
});

describe('--fail-on', () => {
  test('is passed on to the exit code: the seed has a critical, a high and an info finding', async () => {
    expect(await runTui(['--fail-on', 'critical', SEED_PATH], io(null).io)).toBe(1);
    expect(await runTui([`--fail-on=info`, SEED_PATH], io(null).io)).toBe(1);
    const bad = io(null);
    expect(await runTui(['--fail-on', 'severe', SEED_PATH], bad.io)).toBe(2);
    expect(bad.err()).toBe('playfair tui: --fail-on must be one of critical, high, medium, low, info\n');
  });

  test('an input with only info findings passes at high and fails at info', async () => {
    const { tuiExitCode } = await import('../../src/cli/tui.ts');
    const a = seedAnalysis();
    // The seed has no info finding of its own: its preemption-pending finding, downgraded to info.
    const pending = a.findings.find((f) => f.rule === 'preemption-pending')!;
    const onlyInfo = { ...a, findings: [{ ...pending, severity: 'info' as const }] };
    expect(tuiExitCode(onlyInfo, 'high')).toBe(0);
    expect(tuiExitCode(onlyInfo, 'info')).toBe(1);
    expect(tuiExitCode(a, 'critical')).toBe(1);
  });
});
