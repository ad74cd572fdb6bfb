// TUI benchmark: opening a large dump. Times, for a generated ~50 MB dump of 50,000 threads
// (the seed report followed by one `::findstack -v` per thread):
// - read: reading the file (the baseline every other figure is compared with);
// - summary: from asking the TUI to open the file to the summary (CPU table) on screen;
// - final: until the full analysis (every stack read) is on screen;
// - stall: the longest the main thread was blocked while that happened (keys wait at most this),
//   next to what a blocking in-thread analysis would have cost;
// - key: one key in the 50,000-thread list until the frame shows its effect.
// Run alone: `npx tsx bench/tui.ts [--quick]`.
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { BenchModule, BenchRow } from './types.ts';

const SEED = fileURLToPath(new URL('../fixtures/seed/illumos-1532.txt', import.meta.url));

const FRAMES = [
  'swtch+0x1e6()', 'cv_wait+0x7f(ffffff01d6fd5b60, ffffff01d6fd5ac0)', 'taskq_thread_wait+0xbe(ffffff01d2c35c00, ffffff01d2c35c10)',
  'taskq_thread+0x37c(ffffff01d2c35c00)', 'zio_wait+0x6b(ffffff0200a3f258)', 'dsl_pool_sync+0xc2(ffffff01e2f41c00, 1f4e)',
  'spa_sync+0x2b4(ffffff01e2f40000, 1f4e)', 'txg_sync_thread+0x1f2(ffffff01e2f41c00)', 'dmu_objset_sync+0x1c0(ffffff01e5a08040)',
  'zil_sync+0x8d(ffffff01e5a0a000, ffffff0200a3f000)', 'arc_reclaim_thread+0x12a()', 'kmem_cache_reap+0x44(ffffff01c6e2b008)',
  'thread_start+8()',
];

/** The seed report, then `::findstack -v` for `threads` made-up threads (about 1 KB each). */
export function makeDump(threads: number): string {
  const parts: string[] = [readFileSync(SEED, 'utf8'), '\n'];
  for (let i = 0; i < threads; i++) {
    const base = 0xff0007000000n + BigInt(i) * 0x6000n;
    const addr = 'ffff' + (base + 0xc40n).toString(16).padStart(12, '0');
    const sp = 'ffff' + (base + 0xb60n).toString(16).padStart(12, '0');
    parts.push(`> ${addr}::findstack -v\nstack pointer for thread ${addr}: ${sp}\n[ ${sp} _resume_from_idle+0xf1() ]\n`);
    FRAMES.forEach((f, j) => parts.push(`  ${'ffff' + (base + 0xb90n + BigInt(j) * 0x30n).toString(16).padStart(12, '0')} ${f}\n`));
  }
  return parts.join('');
}

class Screen extends EventEmitter {
  columns = 120;
  rows = 40;
  isTTY = false;
  last = '';
  write = (s: string): boolean => {
    this.last = s;
    this.emit('frame', s);
    return true;
  };
}

class Keys extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(d: string): void {
    this.data = d;
    this.emit('readable');
    // A real stream emits 'data' for each chunk a reader takes; the TUI listens for it (useStdin).
    this.emit('data', d);
  }
  read = (): string | null => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  ref(): void {}
  unref(): void {}
  resume(): void {}
  pause(): void {}
}

function whenFrame(screen: Screen, pred: (f: string) => boolean, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    if (pred(screen.last)) return resolve(performance.now());
    const timer = setTimeout(() => reject(new Error('timed out waiting for a frame')), timeoutMs);
    const on = (f: string): void => {
      if (!pred(f)) return;
      clearTimeout(timer);
      screen.off('frame', on);
      resolve(performance.now());
    };
    screen.on('frame', on);
  });
}

/** Median; the mean of the middle two for an even count. */
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface OpenRun {
  summary: number;
  final: number;
  stall: number;
  key: number;
}

async function openOnce(path: string, threads: number): Promise<OpenRun> {
  // As `playfair tui` runs it: React's production build (see src/cli/tui.ts). Loaded here, after
  // NODE_ENV is set, unless something loaded React before.
  process.env['NODE_ENV'] ??= 'production';
  const [{ default: React }, { render }, { App }, { realServices }] = await Promise.all([
    import('react'),
    import('ink'),
    import('../src/tui/App.tsx'),
    import('../src/tui/wiring.ts'),
  ]);
  const screen = new Screen();
  const keys = new Keys();
  const services = realServices(); // as the TUI makes them: the worker starts with the first large input
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const t0 = performance.now();
  delay.enable();
  const app = render(React.createElement(App, { services, initial: { kind: 'file', path } }), {
    stdout: screen as unknown as NodeJS.WriteStream,
    stdin: keys as unknown as NodeJS.ReadStream,
    patchConsole: false,
    exitOnCtrlC: false,
    debug: true, // every frame written whole and unthrottled (and drawn even when CI is set)
  });
  try {
    const limit = 20 * 60_000;
    const summary = (await whenFrame(screen, (f) => f.includes('CPU PRI RNRN') && f.includes('18h23m'), limit)) - t0;
    const done = (f: string): boolean => f.includes('CPU PRI RNRN') && !f.includes('preview') && !f.includes('analysing');
    const final = (await whenFrame(screen, done, limit)) - t0;
    delay.disable();
    keys.write('t');
    await whenFrame(screen, (f) => f.includes('Threads:'), 60_000);
    const k0 = performance.now();
    keys.write('G');
    const atEnd = (f: string): boolean => {
      const m = /\((\d+)\/(\d+)\)/.exec(f);
      return m !== null && m[1] === m[2] && Number(m[1]) >= threads;
    };
    const key = (await whenFrame(screen, atEnd, 60_000)) - k0;
    return { summary, final, stall: delay.max / 1e6, key };
  } finally {
    app.unmount();
    await services.close();
  }
}

export const run: BenchModule = async ({ quick }) => {
  const threads = quick ? 5_000 : 50_000;
  const dir = mkdtempSync(join(tmpdir(), 'pf-bench-tui-'));
  const path = join(dir, 'dump.txt');
  try {
    const size = ((): number => {
      const text = makeDump(threads);
      writeFileSync(path, text);
      return text.length;
    })(); // the text is not kept: the TUI reads the file itself
    const mb = (size / (1 << 20)).toFixed(0);
    const reads: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await readFile(path, 'utf8');
      reads.push(performance.now() - t);
    }
    (globalThis as { gc?: () => void }).gc?.();
    const read = median(reads);
    const runs: OpenRun[] = [];
    for (let i = 0; i < (quick ? 1 : 2); i++) runs.push(await openOnce(path, threads));
    // What a blocking analysis on the main thread would stall keys for: one timed run.
    const { analyzeText } = await import('../src/analyze.ts');
    const text = await readFile(path, 'utf8');
    const b = performance.now();
    analyzeText(text, { source: path, lean: true });
    const blocking = performance.now() - b;
    const m = (k: keyof OpenRun): number => median(runs.map((r) => r[k]));
    const row = (name: string, value: number, baseline: number | null): BenchRow => ({
      name, value: Math.round(value), unit: 'ms', baseline: baseline === null ? null : Math.round(baseline),
      ratio: baseline ? Math.round((value / baseline) * 10) / 10 : null,
    });
    return [
      row(`tui: open ${mb} MB (${threads} threads) to summary on screen, vs reading the file`, m('summary'), read),
      row(`tui: open ${mb} MB to full analysis on screen, vs reading the file`, m('final'), read),
      row(`tui: longest main-thread stall while opening ${mb} MB, vs analysing in-thread`, m('stall'), blocking),
      row(`tui: key to frame in a ${threads}-thread list`, m('key'), null),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const rows = await run({ quick: process.argv.includes('--quick') });
  for (const r of rows) console.log(`${r.name}: ${r.value} ${r.unit}${r.baseline !== null ? ` (baseline ${r.baseline} ${r.unit}, x${r.ratio})` : ''}`);
}
