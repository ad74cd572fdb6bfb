// The compiled build the start-up and triage rows measure (what an installed playfair runs):
// rebuilt when dist/ is missing or older than any source, so a figure never comes from stale code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BIN = join(ROOT, 'bin/playfair.js');
const BUILT = join(ROOT, 'dist/src/cli/main.js');
const SOURCES = ['src', 'grammar', 'illumos'];

function newest(dir: string): number {
  let m = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    m = Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return m;
}

export function ensureBuilt(): void {
  const stale = !existsSync(BUILT) || SOURCES.some((d) => newest(join(ROOT, d)) > statSync(BUILT).mtimeMs);
  if (!stale) return;
  const b = spawnSync(process.execPath, [join(ROOT, 'bin/build.js')], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('npm run build failed');
}
