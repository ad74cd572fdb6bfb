// Starts a worker thread on one of our modules, compiled or not: from dist/ the entry is the
// compiled .js and runs as is; from the sources (tsx, vitest) tsx's ESM loader is registered in
// the worker's own thread first. The one place that knows how a worker loads our code.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { BUNDLES } from './bundled.ts';

/** True when this module is the compiled build (dist/), so every sibling module is .js too. */
const COMPILED = import.meta.url.endsWith('.js');

/** dist/, when this module is compiled into dist/src/workers/. */
const DIST = new URL('../../', import.meta.url);

/**
 * Where a `.ts` entry URL runs from: from dist/, its bundle (dist/bundle/, see bundled.ts) when
 * the build made one, else its compiled sibling; else the URL unchanged.
 */
export function entryFor(entryUrl: URL): URL {
  if (!COMPILED || !/\.tsx?$/.test(entryUrl.pathname)) return entryUrl;
  const js = new URL(entryUrl.href.replace(/\.tsx?$/, '.js'));
  // A test's own .ts entry has no compiled twin: keep it (then tsx loads it, as in dev).
  if (!existsSync(fileURLToPath(js))) return entryUrl;
  const name = js.href.startsWith(DIST.href) ? BUNDLES[js.href.slice(DIST.href.length)] : undefined;
  const bundle = name === undefined ? null : new URL(`bundle/${name}`, DIST);
  return bundle !== null && existsSync(fileURLToPath(bundle)) ? bundle : js;
}

/** tsx's register API, resolved the way a package import is (hoisted, nested or pnpm alike). */
function tsxApiUrl(): string {
  return import.meta.resolve('tsx/esm/api');
}

/**
 * A worker on `entryUrl` (a module URL, written with its .ts name). execArgv defaults to []: a
 * parent's `--import tsx` is not applied to a worker's entry on Node 20 (ERR_UNKNOWN_FILE_EXTENSION),
 * so it would only add a second, useless hook chain.
 */
export function startWorker(entryUrl: URL, opts: WorkerOptions = {}): Worker {
  const entry = entryFor(entryUrl);
  const options: WorkerOptions = { execArgv: [], ...opts };
  if (!/\.tsx?$/.test(entry.pathname)) return new Worker(entry, options);
  const boot = `import(${JSON.stringify(tsxApiUrl())}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
