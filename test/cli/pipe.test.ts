// A reader that goes away (`playfair analyze ... | head -1`) ends the run quietly: no
// "Unhandled 'error' event ... EPIPE" trace, no exit code from a crash. Runs the real CLI in a
// child process with its stdout closed after the first bytes arrive.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEED } from './run.ts';

/** A `::cpuinfo -v` with a run queue of `n` threads: its JSON report is megabytes, longer than a pipe holds. */
function longQueue(n: number): string {
  const rows: string[] = [
    '> ::cpuinfo -v',
    ' ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC',
    `  1 ffffff01d3e32580  1f ${n}    0   0  yes    no t-6620600 ffffff01d5a600c0 qemu`,
    '                       |    |',
    '            RUNNING <--+    +-->  PRI THREAD           PROC',
  ];
  for (let i = 0; i < n; i++) rows.push(`                                   99 ${(0xffffff0007000000 + i * 0x40).toString(16)} sched`);
  return rows.join('\n') + '\n';
}

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx/cli');

function closeAfterFirstChunk(args: string[], stdin?: string): Promise<{ code: number | null; signal: string | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, MAIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('close', (code, signal) => resolve({ code, signal, err }));
    if (stdin !== undefined) child.stdin.end(stdin);
    else child.stdin.end();
  });
}

describe('writing to a closed pipe', () => {
  it('analyze: a long report into a reader that left exits with its own code and no trace', async () => {
    for (const format of ['json', 'text']) {
      // Nothing proves qemu stays in the kernel here, so the findings are medium: --fail-on medium
      // makes the run's own code 1, which a crash could not give.
      const r = await closeAfterFirstChunk(['analyze', '-', '--format', format, '--fail-on', 'medium'], longQueue(5_000));
      expect(r.err, format).toBe('');
      expect(r.signal).toBeNull();
      expect(r.code).toBe(1);
    }
  }, 60_000);

  it('mdb: the answers stop quietly', async () => {
    const r = await closeAfterFirstChunk(['mdb', SEED, '-e', '::cpuinfo -v', '-e', '::cpuinfo -v', '-e', '::cpuinfo -v']);
    expect(r.err).toBe('');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
  }, 60_000);
});
