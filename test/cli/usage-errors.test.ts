// Bad options and bad values: one clean line naming the option and pointing at --help, exit 2,
// for every command (no Node "Unknown option '--x'" with its unbalanced quote). Also the notices
// a person at a terminal needs: analyze - waiting for input, tui/start on the bundled example.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIO } from '../../src/cli/io.ts';
import { optionErrorLine } from '../../src/cli/options.ts';
import { CLEAN_CPUINFO, run } from './run.ts';

describe('unknown options and missing values', () => {
  it.each([['analyze'], ['triage'], ['sim'], ['mdb'], ['tui'], ['start']])('%s --x: one line, exit 2', async (cmd) => {
    const r = await run([cmd, '--x', 'file']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`playfair ${cmd}: unknown option --x (--help lists the options)\n`);
  });

  it('a short option', async () => {
    const r = await run(['analyze', '-q', 'file']);
    expect(r.err).toBe('playfair analyze: unknown option -q (--help lists the options)\n');
  });

  it('a value missing, a value given to a switch', async () => {
    const a = await run(['analyze', 'file', '--format']);
    expect(a.code).toBe(2);
    expect(a.err).toBe('playfair analyze: --format needs a value (--help lists the options)\n');
    const b = await run(['analyze', '--stream=yes', 'file']);
    expect(b.code).toBe(2);
    expect(b.err).toBe('playfair analyze: --stream takes no value (--help lists the options)\n');
  });

  it('a bad value for a known option names the choices', async () => {
    const r = await run(['tui', '--fail-on', 'severe', 'file']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('playfair tui: --fail-on must be one of critical, high, medium, low, info\n');
    const s = await run(['start', '--fail-on=severe']);
    expect(s.code).toBe(2);
    expect(s.err).toBe('playfair start: --fail-on must be one of critical, high, medium, low, info\n');
  });

  it('an error without a known code keeps its first line only', () => {
    expect(optionErrorLine(new Error('odd\nsecond'))).toBe('odd (--help lists the options)');
  });
});

/** An in-process io whose stdin says it is a terminal (and holds `stdin` as typed). */
function terminalIO(stdin: string): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const input = Object.assign(Readable.from([Buffer.from(stdin)]), { isTTY: true });
  return { io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, stdin: input }, out: () => out, err: () => err };
}

describe('notices for a person at a terminal', () => {
  it('analyze - with stdin a terminal says it is waiting, on stderr, before reading', async () => {
    const t = terminalIO(CLEAN_CPUINFO);
    const code = await main(['analyze', '-'], t.io);
    expect(code).toBe(0);
    expect(t.err()).toBe('playfair analyze: reading mdb output from the terminal; paste it, then Ctrl-D on a line of its own to end\n');
  });

  it('analyze - from a pipe says nothing', async () => {
    const r = await run(['analyze', '-'], CLEAN_CPUINFO);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });

  it('tui with no FILE (not on a terminal, stdin a terminal) says it opened the bundled example', async () => {
    const t = terminalIO('');
    const code = await main(['tui'], t.io);
    // The seed's worst finding is critical, above the default --fail-on high.
    expect(code).toBe(1);
    expect(t.err()).toBe('playfair tui: no FILE given: this is the bundled example (illumos #1532)\n');
    expect(t.out()).toContain('playfair: ');
    expect(t.out()).toContain('illumos-1532.txt');
  });
});

describe('start [--fail-on SEV] [FILE]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'playfair-start-'));
  const clean = join(dir, 'clean.txt');
  writeFileSync(clean, CLEAN_CPUINFO);
  const prose = join(dir, 'prose.txt');
  writeFileSync(prose, 'The box hung again.\n');

  it('no FILE: the seed (a critical finding: exit 1 even at --fail-on critical)', async () => {
    const r = await run(['start', '--fail-on', 'critical']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Findings: 1 critical, 3 high');
  });

  it('a FILE: that file, with analyze\'s codes', async () => {
    expect((await run(['start', clean])).code).toBe(0);
    expect((await run(['start', prose])).code).toBe(3);
  });

  it('two FILEs: exit 2', async () => {
    const r = await run(['start', clean, prose]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('playfair start: give at most one FILE\n');
  });
});
