// The package as a user gets it: `npm pack`, the tarball installed into an empty project (from
// the npm cache, or the registry when the cache lacks something), then `npx playfair` there,
// running the compiled build with npm's own (hoisted) layout of chevrotain, Ink and React, and
// without tsx or typescript.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = join(ROOT, 'fixtures/seed/illumos-1532.txt');
const MINUTES = 60_000;

let dir = '';
/** Why the tarball could not be installed (then the tests skip, saying so), or null. */
let cannotInstall: string | null = null;

const run = (cmd: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> =>
  spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'playfair-install-'));
  // npm pack runs `prepare`, i.e. the build: the tarball holds dist/ as a user would get it.
  const pack = run('npm', ['pack', '--silent', '--pack-destination', dir], ROOT);
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (tgz === undefined) throw new Error('npm pack wrote no tarball');
  const app = join(dir, 'app');
  spawnSync('mkdir', [app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  // Offline first (the npm cache); `npm ci` caches tarballs but not the registry's package
  // documents a range needs, so when that fails, once more allowing the network for what is missing.
  let inst = run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(dir, tgz)], app);
  // Bounded: a network that drops packets must not hold the suite (npm's own fetch timeout is 5 min).
  if (inst.status !== 0) inst = run('npm', ['install', '--prefer-offline', '--fetch-timeout=30000', '--fetch-retries=1', '--no-audit', '--no-fund', join(dir, tgz)], app);
  if (inst.status !== 0) {
    // Neither the cache nor the registry gave a dependency (offline, or a mirror without it): the
    // tests skip, saying why. npm pack above already failed the suite if the package is malformed.
    const why = /npm error code (\S+)/.exec(inst.stderr)?.[1] ?? `exit ${String(inst.status)}`;
    cannotInstall = `install impossible from the npm cache or registry (${why})`;
  }
}, 6 * MINUTES);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 2 * MINUTES);

const app = (): string => join(dir, 'app');
// `--`: without it npx takes --help as its own option.
const playfair = (...args: string[]): SpawnSyncReturns<string> => run('npx', ['--no', '--', 'playfair', ...args], app());

describe('the packed tarball, installed into an empty project', () => {
  it('installs the compiled CLI with its runtime dependencies only', (ctx) => {
    if (cannotInstall) ctx.skip(cannotInstall);
    const pkg = join(app(), 'node_modules/playfair');
    expect(existsSync(join(pkg, 'dist/src/cli/main.js'))).toBe(true);
    expect(existsSync(join(pkg, 'src'))).toBe(false); // no TypeScript shipped
    // chevrotain hoisted beside playfair (npm's default), which a ../../node_modules path missed.
    expect(existsSync(join(app(), 'node_modules/chevrotain/package.json'))).toBe(true);
    expect(existsSync(join(app(), 'node_modules/tsx'))).toBe(false);
    expect(existsSync(join(app(), 'node_modules/typescript'))).toBe(false);
  });

  it('`npx playfair analyze` on the seed exits 1 with its findings', (ctx) => {
    if (cannotInstall) ctx.skip(cannotInstall);
    const r = playfair('analyze', SEED);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    // The seed: the 18.4-hour starvation on CPU 1 and its three high findings, known issue 1532.
    expect(r.stdout).toContain('Findings: 1 critical, 3 high, 0 medium, 0 low, 0 info');
    expect(r.stdout).toContain('(kpreempt-threshold)');
    expect(r.stdout).toContain('Known issue: illumos-1532');
  });

  it('`--format json` gives the same verdict as data', (ctx) => {
    if (cannotInstall) ctx.skip(cannotInstall);
    const r = playfair('analyze', SEED, '--format', 'json');
    expect(r.status).toBe(1);
    const rules = (JSON.parse(r.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule).sort();
    expect(rules).toEqual(['kpreempt-threshold', 'preemption-pending', 'runq-starvation', 'ts-timeleft-overrun']);
  });

  it('`analyze` loads neither Ink nor React (the TUI loads them only when used)', (ctx) => {
    if (cannotInstall) ctx.skip(cannotInstall);
    // A module-load hook that lists every module URL the process loads, on stderr.
    writeFileSync(join(dir, 'hooks.mjs'), "export async function load(u, c, next) { process.stderr.write('LOAD ' + u + '\\n'); return next(u, c); }\n");
    writeFileSync(join(dir, 'trace.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
    const bin = join(app(), 'node_modules/playfair/bin/playfair.js');
    const r = run(process.execPath, ['--import', join(dir, 'trace.mjs'), bin, 'analyze', SEED], app());
    expect(r.status).toBe(1);
    const loaded = r.stderr.split('\n').filter((l) => l.startsWith('LOAD ')).map((l) => l.slice(5));
    const ours = loaded.filter((u) => u.includes('/node_modules/playfair/dist/'));
    // The trace works (it saw the CLI load), and the CLI came from its bundle: a few dozen files
    // at most, none of the some 300 compiled modules one by one.
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.filter((u) => !u.includes('/node_modules/playfair/dist/bundle/'))).toEqual([]);
    expect(ours.length).toBeLessThan(50);
    const deps = loaded.filter((u) => u.includes('/node_modules/') && !u.includes('/node_modules/playfair/'));
    expect(deps.map((u) => u.replace(/.*\/node_modules\//, ''))).toEqual(['chevrotain/lib/chevrotain.mjs']);
  });

  it('`npx playfair --help` prints the usage and exits 0', (ctx) => {
    if (cannotInstall) ctx.skip(cannotInstall);
    const r = playfair('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^playfair: postmortem analysis/);
    expect(r.stdout).toContain('playfair analyze FILE|-');
  });

  it('`npx playfair triage` runs its worker from the compiled build', (ctx) => {
    if (cannotInstall) ctx.skip(cannotInstall);
    const r = playfair('triage', SEED, '--format', 'ndjson');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('illumos-1532');
  });

  it("each worker thread starts from its bundle, and a test's own entry stays as it is", (ctx) => {
    if (cannotInstall) ctx.skip(cannotInstall);
    const dist = join(app(), 'node_modules/playfair/dist');
    const script = [
      `const { entryFor } = await import(${JSON.stringify(pathToFileURL(join(dist, 'src/workers/launch.js')).href)});`,
      `for (const m of ['src/triage/worker.ts', 'src/tui/analyze-worker.ts', 'src/tui/no-such-worker.ts'])`,
      `  console.log(entryFor(new URL(m, ${JSON.stringify(pathToFileURL(dist + '/').href)})).href.replace(/.*\\/dist\\//, ''));`,
    ].join('\n');
    const r = run(process.execPath, ['--input-type=module', '-e', script], app());
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual(['bundle/triage-worker.js', 'bundle/analyze-worker.js', 'src/tui/no-such-worker.ts']);
  });
});
