#!/usr/bin/env node
// Compiles the TypeScript to dist/ (tsconfig.build.json) and copies the data files the code reads
// at run time, so bin/playfair.js runs plain JavaScript. Type checking is `npm run typecheck`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

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
