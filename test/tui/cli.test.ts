// `playfair tui` away from a terminal: the text report and analyze's exit code; usage errors.
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { runTui } from '../../src/cli/tui.ts';
import type { CliIO } from '../../src/cli/io.ts';
import { SEED_PATH, SEED_TEXT } from './seed-analysis.ts';

function io(stdinText: string | null): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const stdin = Readable.from(stdinText === null ? [] : [stdinText]) as Readable & { isTTY?: boolean };
  stdin.isTTY = stdinText === null;
  return {
    io: { stdout: { write: (s: string) => (out += s), isTTY: false }, stderr: { write: (s: string) => (err += s) }, stdin },
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
    expect(t.err()).toContain('usage: playfair tui');
    expect(await runTui(['--bogus'], io(null).io)).toBe(2);
    const h = io(null);
    expect(await runTui(['--help'], h.io)).toBe(0);
    expect(h.out()).toContain('usage: playfair tui');
  });
});
