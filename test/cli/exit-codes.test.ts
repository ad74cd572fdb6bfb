// analyze's exit codes beyond 0/1/2: 3 when nothing in the input could be judged (empty input,
// prose), said on the first line; bad option text escaped before it reaches the terminal.
import { describe, expect, it } from 'vitest';
import { run } from './run.ts';

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

  it('a lone mdb prompt is a line read (the command), so the input is judged: clean, 0', async () => {
    const r = await run(['analyze', '-'], '> ::cpuinfo\n');
    expect(r.out).toContain('1 lines: 1 parsed, 0 prose, 0 unrecognized');
    expect(r.code).toBe(0);
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
    expect(r.err.split('\n')[0]).toBe('playfair: unknown command "\\x1b[2Jwipe"');
  });
});
