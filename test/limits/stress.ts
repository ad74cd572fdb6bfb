// `npm run stress [-- --bytes 1G] [--format json]`: the large-input checks CI skips. Generates a
// transcript (bench/gen) of the given size, runs `playfair analyze --format json` on it in a
// child process, checks the streamed output is one valid JSON document (without holding it),
// and reports the CLI's own peak memory (its maxRSS) and the time taken.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTranscript } from '../../bench/gen/write.ts';
import { parseByteSize } from '../../src/input/index.ts';
import { JsonCheck } from './json-check.ts';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Preloaded into the child: prints its own peak resident memory on exit, to stderr.
const MAXRSS = `process.on('exit', () => process.stderr.write('maxrss-kb ' + process.resourceUsage().maxRSS + '\\n'))`;

interface Result {
  code: number | null;
  outBytes: number;
  jsonError: string | null;
  topKeys: string[];
  maxRssKb: number | null;
  stderr: string;
  seconds: number;
}

function analyze(file: string, format: string): Promise<Result> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    // tsx as a loader in the same process (not tsx's CLI, which runs the script in a second
    // process), so the memory measured is the analyzer's.
    const args = ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(MAXRSS)}`, MAIN, 'analyze', file, '--format', format, '--max-input', '4G'];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const check = new JsonCheck();
    let outBytes = 0;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      outBytes += d.length;
      if (format === 'json' || format === 'sarif') check.push(d);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      const m = /maxrss-kb (\d+)/.exec(stderr);
      const jsonError = format === 'json' || format === 'sarif' ? check.end() : null;
      resolve({ code, outBytes, jsonError, topKeys: check.topKeys, maxRssKb: m === null ? null : Number(m[1]), stderr, seconds: (performance.now() - t0) / 1000 });
    });
  });
}

async function main(argv: string[]): Promise<number> {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const bytes = parseByteSize(get('--bytes') ?? '1G');
  const format = get('--format') ?? 'json';
  if (bytes === null || !['json', 'sarif', 'text', 'markdown'].includes(format)) {
    process.stderr.write('usage: npm run stress -- [--bytes SIZE] [--format json|sarif|text|markdown]\n');
    return 2;
  }
  const dir = mkdtempSync(join(tmpdir(), 'playfair-stress-'));
  try {
    const file = join(dir, 'transcript.txt');
    const written = await writeTranscript(file, bytes);
    process.stdout.write(`generated ${written} bytes\n`);
    const r = await analyze(file, format);
    const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
    process.stdout.write(
      [
        `analyze --format ${format}: exit ${r.code}, ${r.seconds.toFixed(1)} s`,
        `output: ${r.outBytes} bytes (${mib(r.outBytes)} MiB)`,
        format === 'json' || format === 'sarif' ? `output is valid JSON: ${r.jsonError === null ? 'yes' : `NO (${r.jsonError})`}; top-level keys: ${r.topKeys.join(', ')}` : '',
        `peak memory of the CLI (maxRSS): ${r.maxRssKb === null ? 'unknown' : `${mib(r.maxRssKb * 1024)} MiB`}`,
      ]
        .filter((l) => l !== '')
        .join('\n') + '\n',
    );
    const other = r.stderr.replace(/maxrss-kb \d+\n/, '');
    if (other !== '') process.stdout.write(`stderr: ${other}`);
    const ok = r.jsonError === null && (r.code === 0 || r.code === 1);
    return ok ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
