// `playfair mdb` on a terminal: readline with tab completion of dcmd names and history (up arrow
// recalls the last command), driven through a fake TTY.
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIO } from '../../src/cli/io.ts';

const SHELL = new URL('../../fixtures/handwritten/shell/panic-bound.txt', import.meta.url).pathname;

/** Runs mdb with `keys` typed on a fake terminal; readline echoes, so `out` holds the screen text. */
async function typeInto(keys: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
  let out = '';
  let err = '';
  const stdout = Object.assign(new Writable({ write: (c, _e, cb) => ((out += String(c)), cb()) }), { isTTY: true, columns: 120 });
  const io: CliIO = { stdout, stderr: { write: (s: string) => (err += s) }, stdin };
  const done = main(['mdb', SHELL], io);
  // Type only once the prompt is up (the dump is analysed first), then each key in its own turn.
  while (!out.includes('> ')) await new Promise((r) => setTimeout(r, 10));
  for (const k of keys) {
    await new Promise((r) => setTimeout(r, 20));
    stdin.write(k);
  }
  return { code: await done, out, err };
}

describe('mdb on a terminal', () => {
  it('completes ::panic<TAB> to ::panicinfo, recalls it with the up arrow, and leaves on $q', async () => {
    const r = await typeInto(['::panic', '\t', '\r', '\x1b[A', '\r', '$q\r']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    // Answered twice: once typed with completion, once from history.
    expect(r.out.split('             cpu                0').length - 1).toBe(2);
    expect(r.out).toContain('> ::panicinfo');
  });
});
