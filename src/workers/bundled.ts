// The modules the build bundles (bin/build.js), each with the name of its bundle in dist/bundle/:
// the CLI's entry, and each worker thread's, so that a worker starts from a few dozen files too. One
// list, read by the build (compiled, after tsc) and by launch.ts, which runs a worker's bundle;
// bin/playfair.js, which runs before any of our modules is loaded, names entry.js itself.

/** Module path under the repository root, as compiled into dist/ -> the bundle's file name. */
export const BUNDLES: Readonly<Record<string, string>> = {
  'src/cli/entry.js': 'entry.js',
  'src/triage/worker.js': 'triage-worker.js',
  'src/tui/analyze-worker.js': 'analyze-worker.js',
};
