#!/usr/bin/env node
// The `playfair` command: runs the compiled CLI in dist/ in this process. In a source checkout
// without a build it registers tsx's loader (a dev dependency) and runs the TypeScript instead.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// V8 optimises a function once it has run about 66 KiB of bytecode (Node 20's --interrupt-budget,
// 67584). Over a batch of small reports that optimises hundreds of functions used a few times per
// report: 3.7 s of compiling on V8's own threads for 3,000 reports that one worker analyses in
// 2.7 s, so a second worker finds no core free. Eight times that budget compiles 0.9 s there, and
// a large dump's loops still pass it within milliseconds. The README's Performance section has the
// figures. A budget given to node itself wins.
if (!process.execArgv.some((a) => /^--interrupt[-_]budget=/.test(a))) setFlagsFromString('--interrupt-budget=540672');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The build's bundle (bin/build.js) when there is one: start-up then loads a few dozen files, not
// every module. Else the compiled modules in dist/; in a source checkout without a build, tsx's
// loader (a dev dependency) runs the TypeScript.
const bundled = join(root, 'dist/bundle/entry.js');
const compiled = join(root, 'dist/src/cli/entry.js');
let entry = bundled;
if (!existsSync(bundled)) entry = compiled;
if (!existsSync(entry)) {
  try {
    (await import('tsx/esm/api')).register();
  } catch {
    process.stderr.write('playfair: no build in dist/ and tsx is not installed: run `npm run build`\n');
    process.exit(2);
  }
  entry = join(root, 'src/cli/entry.ts');
}
const { main, internalErrorLine, processIO, guardStandardStreams, internalError, EXIT_INTERNAL } = await import(pathToFileURL(entry).href);

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
