// playfair mdb: answers from the parsed dump, as a transcript that analyze reads back.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { analyzeText } from '../../src/analyze.ts';
import type { CliIO } from '../../src/cli/io.ts';

const SEED = new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url).pathname;

async function run(argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, stdin: Readable.from([Buffer.from(stdin)]) };
  return { code: await main(argv, io), out, err };
}

describe('playfair mdb', () => {
  it('echoes a transcript that analyze reads back to the same values', async () => {
    const r = await run(['mdb', SEED, '--echo'], '::cpuinfo -v\nffffff0007e01c40::findstack -v\nffffff01d5a600c0::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft\n');
    expect(r.code).toBe(0);
    const back = analyzeText(r.out);
    expect(back.accounting.unrecognized).toBe(0);
    expect(back.snapshot.cpus.map((c) => [c.id, c.pri, c.switchTicks, c.runq?.length])).toEqual([
      [0, 108, 0, 5],
      [1, 0, 6620600, 4],
    ]);
    expect(back.snapshot.threads.find((t) => t.addr === 'ffffff01d5a600c0')?.tsTimeleft).toBe(-6618541);
    expect(back.snapshot.threads.find((t) => t.addr === 'ffffff0007e01c40')?.stack?.map((f) => f.func)).toContain('mac_soft_ring_worker');
  });

  it('says mdb-style what it cannot answer, and exits 1', async () => {
    const r = await run(['mdb', SEED, '-e', '::bogus']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^mdb: /);
  });

  it('needs a dump', async () => {
    expect((await run(['mdb'])).code).toBe(2);
  });
});
