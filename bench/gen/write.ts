// Writes a generated transcript to a file: `tsx bench/gen/write.ts --bytes 1G --out FILE [--seed N] [--legacy]`.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseByteSize } from '../../src/input/index.ts';
import { transcriptChunks } from './transcript.ts';

export async function writeTranscript(out: string, bytes: number, seed = 1532, legacy = false): Promise<number> {
  const ws = createWriteStream(out);
  let total = 0;
  for (const chunk of transcriptChunks({ bytes, seed, legacy })) {
    total += chunk.length;
    if (!ws.write(chunk)) await once(ws, 'drain');
  }
  ws.end();
  await once(ws, 'finish');
  return total;
}

async function main(argv: string[]): Promise<number> {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const bytes = parseByteSize(get('--bytes') ?? '');
  const out = get('--out');
  const seed = Number(get('--seed') ?? 1532);
  if (bytes === null || out === undefined || !Number.isInteger(seed)) {
    process.stderr.write('usage: tsx bench/gen/write.ts --bytes SIZE --out FILE [--seed N] [--legacy]\n');
    return 2;
  }
  const n = await writeTranscript(out, bytes, seed, argv.includes('--legacy'));
  process.stdout.write(`${out}: ${n} bytes\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
