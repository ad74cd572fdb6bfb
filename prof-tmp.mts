import { readFileSync } from 'node:fs';
import { analyzeText } from './src/analyze.ts';
import { regexScan } from './bench/ingest.ts';
const text = readFileSync(process.argv[2]!, 'utf8');
const mode = process.argv[3] ?? 'full';
const opts = { source: 'x', lean: mode !== 'full', sharedStacks: mode === 'compact' };
analyzeText(text.slice(0, 2_000_000), opts);
regexScan(text.slice(0, 2_000_000));
for (let i = 0; i < 3; i++) {
  let t0 = performance.now();
  regexScan(text);
  const scan = performance.now() - t0;
  t0 = performance.now();
  const a = analyzeText(text, opts);
  const ms = performance.now() - t0;
  console.log(mode, 'scan', scan.toFixed(0), 'ms; path', ms.toFixed(0), 'ms; ratio', (scan / ms).toFixed(3), a.snapshot.threads.length);
}
