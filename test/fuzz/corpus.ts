// The texts the fuzzer mutates: every fixture (real, seed, hand-written) and a small generated transcript.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTranscript } from '../../bench/gen/transcript.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURE_DIRS = ['fixtures/real', 'fixtures/seed', 'fixtures/handwritten'];

export interface CorpusEntry {
  name: string;
  text: string;
}

function walk(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return; // a fixture directory that does not exist yet
  }
  for (const n of names) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (n.endsWith('.txt')) out.push(p);
  }
}

export function loadCorpus(): CorpusEntry[] {
  const files: string[] = [];
  for (const d of FIXTURE_DIRS) walk(join(ROOT, d), files);
  const corpus = files.map((p) => ({ name: relative(ROOT, p), text: readFileSync(p, 'utf8') }));
  corpus.push({ name: 'generated:transcript-24k', text: generateTranscript({ bytes: 24_000, seed: 99, cpus: 6 }) });
  return corpus;
}
