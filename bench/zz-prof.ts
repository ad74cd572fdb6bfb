import { readFileSync } from 'node:fs';
import { analyzeText } from '../src/analyze.ts';
const text = readFileSync('/tmp/pf/b16.txt', 'utf8');
const mode = process.argv[2] ?? 'full';
const opts = mode === 'full' ? {} : { lean: true, sharedStacks: true };
for (let i = 0; i < 3; i++) analyzeText(text, opts);
const ts: number[] = [];
for (let i = 0; i < 5; i++) { const t = performance.now(); analyzeText(text, opts); ts.push(performance.now() - t); }
console.log(mode, ts.map((x) => x.toFixed(0)).join(' '));
