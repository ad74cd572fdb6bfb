// Runs the CLI in-process with string stdin/stdout/stderr, for the CLI tests.
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.ts';
import type { CliIO } from '../../src/cli/io.ts';

export const SEED = new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url).pathname;

/** The smallest input judged clean: one idle CPU of `::cpuinfo` (dispatcher state, no finding). */
export const CLEAN_CPUINFO =
  '> ::cpuinfo\n ID ADDR             FLG NRUN BSPL PRI RNRN KRNRN SWITCH THREAD           PROC\n  0 fffffffffbc3e000  1b    0    0  -1   no    no t-0    fffffe000f46bc20 (idle)\n';

export async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
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
