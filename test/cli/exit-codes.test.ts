// analyze's exit codes beyond 0/1/2: 3 when nothing in the input could be judged (empty input,
// prose, said on the first line; mdb output without dispatcher state); bad option text escaped before it reaches the terminal. Then
// the other commands' codes as the README's table states them, and a report that cannot be written.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { CLEAN_CPUINFO, SEED, run } from './run.ts';

describe('nothing to judge (exit 3)', () => {
  it('empty input: exit 3, and the report says so on its first line', async () => {
    const r = await run(['analyze', '-'], '');
    expect(r.code).toBe(3);
    expect(r.out.split('\n')[0]).toBe('Nothing to judge: no mdb output recognized in the input.');
    expect(r.out).toContain('0 lines: 0 parsed, 0 prose, 0 unrecognized');
  });

  it('plain prose: exit 3, not 0', async () => {
    const r = await run(['analyze', '-'], 'The box hung again last night.\nAny ideas? It is running OmniOS.\n');
    expect(r.code).toBe(3);
    expect(r.out.split('\n')[0]).toBe('Nothing to judge: no mdb output recognized in the input.');
    expect(r.out).toContain('2 lines: 0 parsed, 2 prose, 0 unrecognized');
  });

  it('Markdown leads with it; JSON and SARIF keep stdout data and say it on stderr', async () => {
    const md = await run(['analyze', '-', '--format', 'markdown'], 'just prose\n');
    expect(md.code).toBe(3);
    expect(md.out.split('\n')[0]).toBe('**Nothing to judge\\: no mdb output recognized in the input\\.**');
    for (const format of ['json', 'sarif']) {
      const r = await run(['analyze', '-', '--format', format], 'just prose\n');
      expect(r.code, format).toBe(3);
      expect(JSON.parse(r.out)).toBeTypeOf('object');
      expect(r.err).toBe('playfair analyze: Nothing to judge: no mdb output recognized in the input.\n');
    }
  });

  it('a lone mdb prompt is a line read (the command) but shows no dispatcher state: not judged, 3, never clean', async () => {
    const r = await run(['analyze', '-'], '> ::cpuinfo\n');
    expect(r.out).toContain('1 lines: 1 parsed, 0 prose, 0 unrecognized');
    expect(r.out).toContain('Findings: none; no dispatcher state');
    expect(r.code).toBe(3);
    const json = await run(['analyze', '-', '--format', 'json'], '> ::cpuinfo\n');
    expect(json.code).toBe(3);
    expect(json.err).toBe('playfair analyze: no dispatcher state (no ::cpuinfo, thread priorities or tunables) in the input, so the dispatcher was not judged\n');
  });

  it('a lone ::findstack with no finding: the dispatcher was not judged, 3; with one CPU row read it is judged clean, 0', async () => {
    const stack = '> ffffff0007a05c40::findstack\nstack pointer for thread ffffff0007a05c40: ffffff0007a05a50\n[ ffffff0007a05a50 _resume_from_idle+0xf4() ]\n  ffffff0007a05a80 swtch+0x141()\n  ffffff0007a05ac0 cv_wait+0x70()\n  ffffff0007a05c20 thread_start+8()\n';
    const r = await run(['analyze', '-'], stack);
    expect(r.out).toContain('0 unrecognized');
    expect(r.code).toBe(3);
    expect((await run(['analyze', '-'], stack + CLEAN_CPUINFO)).code).toBe(0);
  });
});

describe('bad options are escaped before they reach the terminal', () => {
  it.each([['analyze'], ['mdb']])('%s echoes an unknown option without its ESC or BEL', async (cmd) => {
    const r = await run([cmd, '--\x1b]0;owned\x07x', 'file']);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(r.err).toContain('\\x1b]0;owned\\x07x');
  });

  it('an unknown command name is escaped too', async () => {
    const r = await run(['\x1b[2Jwipe']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('playfair: unknown command "\\x1b[2Jwipe" (playfair --help lists the commands)\n');
  });
});

describe('exit codes of the other commands (the README table)', () => {
  it('no command: usage on stderr, 2; --help: 0', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['--help'])).code).toBe(0);
  });

  it('mdb: 0 when every command is answered, 1 when one is not, 2 for a missing file', async () => {
    expect((await run(['mdb', '-e', '::cpuinfo', SEED])).code).toBe(0);
    const r = await run(['mdb', '-e', '::cpuinfo', '-e', '::nosuch', SEED]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('::nosuch');
    expect((await run(['mdb', '-e', '::cpuinfo', '/nonexistent/dump.txt'])).code).toBe(2);
  });

  it('triage: 0 even when the report it reads has a critical finding', async () => {
    const r = await run(['triage', '--format', 'ndjson', SEED]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('critical');
  });

  it('sim: --what-if 1 when a finding returns (seed, kpreemptpri=99: two RETURNS); --check 0 when it passes; 2 for an unknown scenario', async () => {
    const w = await run(['sim', '--what-if', 'kpreemptpri=99', SEED]);
    expect(w.out).toContain('RETURNS ts-timeleft-overrun');
    expect(w.code).toBe(1);
    expect((await run(['sim', '--check', '--seeds', '1'])).code).toBe(0);
    expect((await run(['sim', '--scenario', 'nosuch'])).code).toBe(2);
  });
});

// The one test that needs a process: the failure is on the real stdout's file descriptor.
describe.skipIf(!existsSync('/dev/full'))('a report that cannot be written', () => {
  it('analyze > /dev/full: exit 2 and one line on stderr, not a trace and not the findings code', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const main = new URL('../../src/cli/main.ts', import.meta.url).pathname;
      const r = spawnSync(process.execPath, ['--import', 'tsx', main, 'analyze', SEED], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('playfair: cannot write the output: no space left on device (ENOSPC)\n');
    } finally {
      closeSync(full);
    }
  }, 60_000);
});
