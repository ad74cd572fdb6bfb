// The analyze command in-process: formats, exit codes, streaming, bad usage.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIO } from '../../src/cli/io.ts';

const SEED = new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url).pathname;

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdin: Readable.from([Buffer.from(stdin)]),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('playfair analyze', () => {
  it('exits 1 when a finding is at or above --fail-on, 0 when nothing reaches it', async () => {
    expect((await run(['analyze', SEED])).code).toBe(1);
    // The seed's worst finding is critical; with --fail-on critical it still fails, and a CPU
    // table with nothing wrong passes.
    expect((await run(['analyze', SEED, '--fail-on', 'critical'])).code).toBe(1);
    const calm = '> ::cpuinfo\n ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC\n  0 fffffffffbc486e0  1b    0    0  -1   no    no t-0    ffffff0007605c40 (idle)\n';
    const clean = await run(['analyze', '-'], calm);
    expect(clean.err).toBe('');
    expect(clean.code).toBe(0);
  });

  it('gives the same JSON whole and streamed, but for the frame details a stream does not keep', async () => {
    type F = { func: string; offset: number | null; args: string[] | null; fp: string | null; saved: boolean; line: number };
    type T = { stack: F[] | null };
    const whole = JSON.parse((await run(['analyze', SEED, '--format', 'json'])).out);
    const streamed = JSON.parse((await run(['analyze', SEED, '--format', 'json', '--stream'])).out);
    expect(streamed.accounting).toEqual(whole.accounting);
    expect(streamed.sections).toEqual(whole.sections);
    // Streamed stacks are shared between threads: functions and offsets only.
    const shared = (t: T) => ({ ...t, stack: t.stack && t.stack.map((f) => ({ ...f, args: null, fp: null, line: 0 })) });
    expect(whole.snapshot.threads.some((t: T) => (t.stack?.length ?? 0) > 0)).toBe(true);
    expect(streamed.snapshot).toEqual({ ...whole.snapshot, threads: whole.snapshot.threads.map(shared) });
    expect(streamed.findings.map((f: { rule: string }) => f.rule)).toEqual(whole.findings.map((f: { rule: string }) => f.rule));
  });

  it('reads stdin with -', async () => {
    const { readFileSync } = await import('node:fs');
    const r = await run(['analyze', '-', '--format', 'json'], readFileSync(SEED, 'utf8'));
    expect(JSON.parse(r.out).snapshot.cpus).toHaveLength(2);
  });

  it('writes SARIF 2.1.0 and Markdown', async () => {
    const sarif = JSON.parse((await run(['analyze', SEED, '--format', 'sarif'])).out);
    expect(sarif.version).toBe('2.1.0');
    const md = (await run(['analyze', SEED, '--format', 'markdown'])).out;
    expect(md).toContain('kpreempt-threshold');
  });

  it('answers bad usage with a message and exit code 2, never a stack trace', async () => {
    for (const argv of [['analyze'], ['analyze', SEED, '--format', 'xml'], ['analyze', SEED, '--fail-on', 'bad'], ['analyze', '/nonexistent/x'], ['analyze', SEED, '--max-input', 'lots'], ['nosuch']]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(/^playfair/);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses an input beyond --max-input, whole or streamed', async () => {
    expect((await run(['analyze', SEED, '--max-input', '1k'])).code).toBe(2);
    const r = await run(['analyze', '-', '--stream', '--max-input', '1k'], 'x'.repeat(600) + '\n' + 'y'.repeat(30000) + '\n');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/larger|limit|max/i);
  });
});
