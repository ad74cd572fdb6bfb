// The code under fuzz, loaded by path so the harness runs while parts of the tree are still being
// written: a module that does not exist yet is skipped and named in `missing`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Analysis } from '../../src/analysis.ts';
import { ROOT } from './corpus.ts';
import type { OutputTarget, Targets } from './check.ts';

type Fn = (...args: never[]) => unknown;
type Mod = Record<string, unknown>;

async function load(rel: string): Promise<Mod | null> {
  const p = join(ROOT, rel);
  if (!existsSync(p)) return null;
  return (await import(pathToFileURL(p).href)) as Mod;
}

function fn(mod: Mod | null, ...names: string[]): Fn | null {
  if (!mod) return null;
  for (const n of names) if (typeof mod[n] === 'function') return mod[n] as Fn;
  return null;
}

// How each output is produced. The first export name found wins; `call` adapts the argument list.
interface OutputProbe {
  name: string;
  kind: OutputTarget['kind'];
  module: string;
  exports: string[];
  call(f: Fn, a: Analysis, text: string): unknown;
}

const call1 = (f: Fn, a: Analysis) => (f as (a: Analysis, o: object) => unknown)(a, { color: false, width: 80 });

const PROBES: OutputProbe[] = [
  { name: 'report:text', kind: 'terminal', module: 'src/report/text.ts', exports: ['renderText', 'textReport', 'render'], call: call1 },
  { name: 'report:markdown', kind: 'markdown', module: 'src/report/markdown.ts', exports: ['renderMarkdown', 'markdownReport', 'render'], call: call1 },
  { name: 'report:sarif', kind: 'json', module: 'src/report/sarif.ts', exports: ['renderSarif', 'sarifReport', 'render'], call: call1 },
  { name: 'report:json', kind: 'json', module: 'src/report/json.ts', exports: ['renderJson', 'jsonReport', 'render'], call: call1 },
];

export async function loadTargets(): Promise<Targets> {
  const missing: string[] = [];
  const analyzeMod = await load('src/analyze.ts');
  const analyzeText = fn(analyzeMod, 'analyzeText') as ((t: string, o: { source: string }) => Analysis) | null;
  if (!analyzeText) throw new Error('src/analyze.ts has no analyzeText yet: nothing to fuzz');
  const outputs: OutputTarget[] = [];
  for (const p of PROBES) {
    const f = fn(await load(p.module), ...p.exports);
    if (!f) {
      missing.push(`${p.module} (${p.exports.join('|')})`);
      continue;
    }
    outputs.push({ name: p.name, kind: p.kind, render: (a, text) => p.call(f, a, text) as string });
  }
  return { analyze: (text) => analyzeText(text, { source: 'fuzz.txt' }), outputs, missing };
}

/**
 * A stand-in for the real code, used to test the harness itself: it hangs on `FUZZ-HANG`, throws
 * on `FUZZ-CRASH`, miscounts on `FUZZ-MISCOUNT` and echoes escapes on `FUZZ-ESCAPE`.
 */
export function selfTestTargets(): Targets {
  const analyze = (text: string): Analysis => {
    if (text.includes('FUZZ-HANG')) for (;;);
    if (text.includes('FUZZ-CRASH')) throw new TypeError('self-test crash');
    const lines = text.length === 0 ? [] : text.split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    const n = lines.length + (text.includes('FUZZ-MISCOUNT') ? 1 : 0);
    return {
      source: 'self-test',
      lines,
      accounting: { lines: n, parsed: 0, prose: n, unrecognized: 0 },
      sections: [],
      records: [],
      snapshot: { cpus: [], threads: [], tunables: {}, tunableLines: {}, panic: null, system: null },
      findings: [],
      notes: [],
      diagnostics: [],
    };
  };
  const echo: OutputTarget = {
    name: 'report:self-test',
    kind: 'terminal',
    render: (_a, text) => (text.includes('FUZZ-ESCAPE') ? 'x\x1b[31m' : 'ok\n'),
  };
  return { analyze, outputs: [echo], missing: [] };
}
