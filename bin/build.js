#!/usr/bin/env node
// Compiles the TypeScript to dist/ (tsconfig.build.json) and copies the data files the code reads
// at run time, so bin/playfair.js runs plain JavaScript. Type checking is `npm run typecheck`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const require = createRequire(import.meta.url);

// An installed package has dist/ and no sources: there is nothing to build (and a consumer's own
// typescript must not be used to wipe dist/).
if (!existsSync(join(root, 'src/cli/main.ts'))) process.exit(0);

let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  console.error('playfair build: typescript is not installed (npm install --include=dev)');
  process.exit(1);
}

rmSync(dist, { recursive: true, force: true });
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);

// Every non-TypeScript file under the compiled roots (scenarios, tables, JSON data), then the seed.
const isSource = (f) => /\.(ts|tsx)$/.test(f);
function copyAssets(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const from = join(dir, e.name);
    if (e.isDirectory()) copyAssets(from);
    else if (!isSource(e.name)) {
      const to = join(dist, relative(root, from));
      mkdirSync(dirname(to), { recursive: true });
      cpSync(from, to);
    }
  }
}
for (const d of ['src', 'grammar', 'illumos']) copyAssets(join(root, d));
mkdirSync(join(dist, 'fixtures/seed'), { recursive: true });
cpSync(join(root, 'fixtures/seed/illumos-1532.txt'), join(dist, 'fixtures/seed/illumos-1532.txt'));

// The CLI and the worker threads bundled into a few dozen files (dist/bundle/), so that neither
// resolves, reads and compiles each of some 300 modules: start-up of `analyze` on the seed went
// from 0.40 s to 0.32 s, a triage worker's from about 230 ms to about 125 ms, on the machine this
// was measured on. Each subcommand stays a chunk of its own, loaded when asked, and packages stay
// outside (chevrotain, Ink, React, loaded as installed). A module that finds a file or a worker
// from its own place (`new URL('./worker.ts', import.meta.url)`, the scenarios directory) gets its
// own compiled file's URL, so it finds what it did before.
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('playfair build: esbuild is not installed (npm install --include=dev)');
  process.exit(1);
}
const bundleDir = join(dist, 'bundle');
const ownUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(dist + '/') || args.path.startsWith(bundleDir + '/')) return undefined;
      // The text read here is given back either way, so esbuild does not read the file again.
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'js' };
      const own = `new URL(${JSON.stringify(relative(bundleDir, args.path))}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', own), loader: 'js' };
    });
  },
};
// The entry points, each with its bundle's name (one list, src/workers/bundled.ts, which
// launch.ts reads to start a worker from its bundle). All outputs sit in one directory, so the
// paths the plugin writes hold from every chunk.
const { BUNDLES } = await import(pathToFileURL(join(dist, 'src/workers/bundled.js')).href);
await esbuild.build({
  entryPoints: Object.entries(BUNDLES).map(([from, name]) => ({ in: join(dist, from), out: name.replace(/\.js$/, '') })),
  outdir: bundleDir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  plugins: [ownUrl],
});
