#!/usr/bin/env node
// The `playfair` command: runs the compiled CLI in dist/ in this process. In a source checkout
// without a build it registers tsx's loader (a dev dependency) and runs the TypeScript instead.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist/src/cli');
let dir = compiled;
let ext = '.js';
if (!existsSync(join(compiled, 'main.js'))) {
  try {
    (await import('tsx/esm/api')).register();
  } catch {
    process.stderr.write('playfair: no build in dist/ and tsx is not installed: run `npm run build`\n');
    process.exit(2);
  }
  dir = join(root, 'src/cli');
  ext = '.ts';
}
const load = (name) => import(pathToFileURL(join(dir, name + ext)).href);
const [{ main, internalErrorLine }, { processIO }, { guardStandardStreams }, { internalError }, { EXIT_INTERNAL }] =
  await Promise.all([
    load('main'),
    load('io'),
    load('sink'),
    import(pathToFileURL(join(dir, '../../grammar/common/source' + ext)).href),
    import(pathToFileURL(join(dir, '../rules/policy' + ext)).href),
  ]);

guardStandardStreams();
main(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`playfair: ${internalErrorLine(internalError(e))}\n`);
    process.exitCode = EXIT_INTERNAL;
  },
);
