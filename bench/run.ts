// `npm run bench [-- --quick] [--json FILE] [--only NAME,...]`: runs every bench module that
// exists (bench/<name>.ts exporting `run: BenchModule`), prints one table, optionally writes the
// rows as JSON. A missing module is skipped with a note; a module that throws fails the run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchOptions, BenchRow, StampedRow } from './types.ts';

export const MODULES = ['ingest', 'output', 'sim', 'triage', 'tui', 'startup'] as const;
const HERE = dirname(fileURLToPath(import.meta.url));

interface Args {
  quick: boolean;
  json: string | null;
  only: string[] | null;
}

export function parseArgs(argv: string[]): Args | string {
  const a: Args = { quick: false, json: null, only: null };
  for (let i = 0; i < argv.length; i++) {
    const f = argv[i]!;
    if (f === '--quick') a.quick = true;
    else if (f === '--json' || f === '--only') {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) return `${f} needs a value`;
      if (f === '--json') a.json = v;
      else a.only = v.split(',');
    } else return `unknown argument ${f}`;
  }
  return a;
}

export interface Gathered {
  rows: BenchRow[];
  notes: string[];
  failed: string[];
}

export async function gather(opts: BenchOptions, names: readonly string[], log: (s: string) => void, dir = HERE): Promise<Gathered> {
  const out: Gathered = { rows: [], notes: [], failed: [] };
  for (const name of names) {
    const file = join(dir, `${name}.ts`);
    if (!existsSync(file)) {
      out.notes.push(`bench/${name}.ts not found: skipped`);
      continue;
    }
    const t0 = Date.now();
    log(`bench: ${name}${opts.quick ? ' (quick)' : ''}...`);
    try {
      const mod = (await import(pathToFileURL(file).href)) as { run?: unknown };
      if (typeof mod.run !== 'function') {
        out.notes.push(`bench/${name}.ts exports no run(): skipped`);
        continue;
      }
      const rows = await (mod.run as BenchModule)(opts);
      for (const r of rows) out.rows.push(checkRow(r, name));
      log(`bench: ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } catch (e) {
      out.failed.push(name);
      out.notes.push(`bench/${name}.ts failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return out;
}

function checkRow(r: BenchRow, module: string): BenchRow {
  if (typeof r.name !== 'string' || typeof r.value !== 'number' || typeof r.unit !== 'string')
    throw new Error(`bench/${module}.ts returned a malformed row: ${JSON.stringify(r)}`);
  return { name: r.name, value: r.value, unit: r.unit, baseline: r.baseline ?? null, ratio: r.ratio ?? null, goal: r.goal ?? null, ...(r.goalIsMax === true ? { goalIsMax: true } : {}) };
}

/** The commit measured, `+dirty` when the tree has changes; null outside a git checkout. */
export function gitCommit(dir = HERE): string | null {
  try {
    const opts = { cwd: dir, encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'] };
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], opts).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], opts).trim() !== '';
    return head + (dirty ? '+dirty' : '');
  } catch {
    return null;
  }
}

/** Each row with its goal verdict and the run's date, commit and load. */
export function stamp(rows: readonly BenchRow[], date: string, commit: string | null, load: number): StampedRow[] {
  return rows.map((r) => {
    const goal = r.goal ?? null;
    return { ...r, goal, met: metGoal(r), date, commit, load };
  });
}

/** Whether the row met its goal (a floor, or a ceiling with goalIsMax); null without a goal or a ratio. */
export function metGoal(r: BenchRow): boolean | null {
  const goal = r.goal ?? null;
  if (goal === null || r.ratio === null) return null;
  return r.goalIsMax === true ? r.ratio <= goal : r.ratio >= goal;
}

function fmt(n: number | null): string {
  if (n === null) return '-';
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1000) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 0.01) return n.toFixed(3);
  return n.toPrecision(3);
}

export function table(rows: readonly BenchRow[]): string {
  const head = ['benchmark', 'value', 'unit', 'baseline', 'ratio', 'goal', 'met'];
  const cells = rows.map((r) => {
    const goal = r.goal ?? null;
    const m = metGoal(r);
    const met = m === null ? '-' : m ? 'met' : 'not met';
    return [r.name, fmt(r.value), r.unit, fmt(r.baseline), r.ratio === null ? '-' : `${fmt(r.ratio)}x`, goal === null ? '-' : `${r.goalIsMax === true ? '<=' : '>='} ${fmt(goal)}x`, met];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((s, i) => (i === 0 || i === 2 ? s.padEnd(widths[i]!) : s.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

async function main(argv: string[]): Promise<number> {
  const a = parseArgs(argv);
  if (typeof a === 'string') {
    process.stderr.write(`${a}\nusage: npm run bench -- [--quick] [--json FILE] [--only ${MODULES.join(',')}]\n`);
    return 2;
  }
  const names = a.only ?? MODULES;
  const t0 = Date.now();
  const date = new Date(t0).toISOString();
  const commit = gitCommit();
  const load = loadavg()[0]!;
  process.stderr.write(`bench: ${date}, commit ${commit ?? 'unknown'}, load average ${load.toFixed(2)}\n`);
  const g = await gather({ quick: a.quick }, names, (s) => process.stderr.write(s + '\n'));
  process.stdout.write(table(g.rows));
  for (const n of g.notes) process.stdout.write(`note: ${n}\n`);
  process.stdout.write(`${g.rows.length} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s${a.quick ? ' (quick)' : ''}; ${date}, commit ${commit ?? 'unknown'}, load average ${load.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end\n`);
  if (a.json !== null) {
    mkdirSync(dirname(a.json), { recursive: true });
    writeFileSync(a.json, JSON.stringify(stamp(g.rows, date, commit, load), null, 2) + '\n');
  }
  return g.failed.length > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main(process.argv.slice(2));
