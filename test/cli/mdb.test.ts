// playfair mdb: answers from the parsed dump, as a transcript that analyze reads back.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { analyzeText } from '../../src/analyze.ts';
import type { CliIO } from '../../src/cli/io.ts';
import { HELP, OPTIONS } from '../../src/cli/mdb.ts';
import { completeLine } from '../../src/shell/complete.ts';

const SEED = new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url).pathname;
const SHELL = new URL('../../fixtures/handwritten/shell/panic-bound.txt', import.meta.url).pathname;

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

  it('--help lists every option and exits 0', async () => {
    const r = await run(['mdb', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(HELP);
    for (const name of Object.keys(OPTIONS)) expect(HELP).toContain(`--${name}`);
    expect(HELP).toContain('-e, --command');
  });

  it('exits 1 when a thread\'s stack is not in the input, after answering the rest', async () => {
    const r = await run(['mdb', SHELL, '-e', 'fffffe0a1e2f03a0::findstack -v', '-e', '1::cpuinfo']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('mdb: thread fffffe0a1e2f03a0: its stack is not in the input\n');
    expect(r.out.split('\n')[1]).toMatch(/^  1 fffffe0a0f5a9000 /);
  });

  it('refuses an unknown option mdb-style, and stops at $q and ::quit', async () => {
    const bad = await run(['mdb', SHELL, '-e', '::cpuinfo -a']);
    expect([bad.code, bad.err]).toEqual([1, 'mdb: illegal option -- a (usage: [ADDR]::cpuinfo [-v])\n']);
    const q = await run(['mdb', SHELL], '::panicinfo\n$q\n::bogus\n');
    expect([q.code, q.err, q.out.split('\n')[0]]).toEqual([0, '', '             cpu                0']);
    expect((await run(['mdb', SHELL, '-e', '::quit', '-e', '::bogus'])).code).toBe(0);
  });

  it('completes dcmd names, keeping an address before ::', () => {
    expect(completeLine('::cpu')).toEqual([['::cpuinfo'], '::cpu']);
    expect(completeLine('ffff::find')).toEqual([['ffff::findstack', 'ffff::findlocks'], 'ffff::find']);
    expect(completeLine('ffff::finds')).toEqual([['ffff::findstack'], 'ffff::finds']);
    expect(completeLine('::walk thread | ::pr')).toEqual([['::print'], '::pr']);
    expect(completeLine('$')[0]).toEqual(['$C', '$c', '$q']);
  });

  it('needs a dump', async () => {
    expect((await run(['mdb'])).code).toBe(2);
  });
});
