// The real CLI in a real terminal: tmux runs `playfair tui`, send-keys types and pastes as a
// person would, capture-pane reads the screen. Skipped, with the reason, where tmux is missing
// (the CI script installs it).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = join(ROOT, 'fixtures/seed/illumos-1532.txt');
/** The tmux binary (PLAYFAIR_TMUX overrides, e.g. to check the skip path). */
const TMUX = process.env['PLAYFAIR_TMUX'] ?? 'tmux';
const hasTmux = spawnSync(TMUX, ['-V']).status === 0;
const SKIP_REASON = 'tmux is not installed (apt-get install -y tmux); skipping the real-terminal test';
if (!hasTmux) console.warn(`test/tui/tmux.test.ts: ${SKIP_REASON}`);

const SESSION = `pf-tui-${process.pid}`;
let sock = '';
const tmux = (...args: string[]): string => execFileSync(TMUX, ['-S', sock, ...args], { encoding: 'utf8' });
const screen = (): string => tmux('capture-pane', '-p', '-t', SESSION);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(pred: (s: string) => boolean, what: string, ms = 60_000): Promise<string> {
  const end = Date.now() + ms;
  let s = '';
  while (Date.now() < end) {
    s = screen();
    if (pred(s)) return s;
    await sleep(100);
  }
  throw new Error(`tmux: timed out waiting for ${what}; screen:\n${s}`);
}

async function keys(...k: string[]): Promise<void> {
  for (const x of k) {
    tmux('send-keys', '-t', SESSION, x);
    await sleep(60); // one key per read, as typed
  }
}

describe.skipIf(!hasTmux)(`playfair tui under tmux${hasTmux ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pf-tui-'));
    sock = join(dir, 'tmux.sock');
    // Start on a small unrelated input, so what the screen shows afterwards came from the paste.
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'nothing but prose here\n');
    const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    const cmd = `cd ${ROOT} && TERM=xterm-256color ${process.execPath} ${tsx} src/cli/main.ts tui ${other}; echo EXITED $?; sleep 30`;
    tmux('new-session', '-d', '-s', SESSION, '-x', '80', '-y', '24', cmd);
  });
  afterAll(() => {
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('paste the seed report with send-keys, read the findings off the screen, quit', { timeout: 180_000 }, async () => {
    await until((s) => s.includes('other.txt') && s.includes('? help'), 'the TUI on other.txt');
    await keys('p');
    await until((s) => s.includes('Ctrl-D analyse'), 'the paste area');
    // Typed in pieces with send-keys -l, as a terminal without bracketed paste delivers a paste.
    const text = readFileSync(SEED, 'utf8');
    for (let i = 0; i < text.length; i += 2000) tmux('send-keys', '-t', SESSION, '-l', text.slice(i, i + 2000));
    await until((s) => s.includes('Also available in: Atom PDF'), 'the end of the paste on screen');
    await keys('C-d');
    const summary = await until((s) => s.includes('│ paste │') && s.includes('CPU PRI RNRN'), 'the summary of the paste');
    // CPU 1 starved: pri 0 running, two pri-99 waiting, 18h23m since the last switch.
    expect(summary).toMatch(/!!\s+1\s+0 yes\s+no\s+18h23m\s+4\s+99 ffffff01d5a600c0/);
    const findingsLine = summary.split('\n')[0]!;
    expect(findingsLine).toMatch(/[1-9]\d* findings, [1-9]\d* high\+/);

    await keys('f');
    const list = await until((s) => s.includes('Findings:') && /^(CRIT|HIGH)/m.test(s), 'the findings list');
    expect(list).toMatch(/^(CRIT|HIGH) cpu1/m);
    await keys('Enter');
    const detail = await until((s) => s.includes('Evidence 1/'), 'a finding with its evidence');
    expect(detail).toMatch(/\d+▶/); // an evidence line marked in the original text

    await keys('Escape');
    await sleep(200);
    await keys('q');
    await until((s) => s.includes('EXITED 0'), 'a clean exit');
  });
});

describe.skipIf(!hasTmux)(`playfair tui under tmux on the seed${hasTmux ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  const S2 = `${SESSION}-b`;
  let dir2 = '';
  let sock2 = '';
  const t2 = (...args: string[]): string => execFileSync(TMUX, ['-S', sock2, ...args], { encoding: 'utf8' });
  const screen2 = (): string => t2('capture-pane', '-p', '-t', S2);
  async function until2(pred: (s: string) => boolean, what: string, ms = 60_000): Promise<string> {
    const end = Date.now() + ms;
    let s = '';
    while (Date.now() < end) {
      s = screen2();
      if (pred(s)) return s;
      await sleep(100);
    }
    throw new Error(`tmux: timed out waiting for ${what}; screen:\n${s}`);
  }
  const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const start = (args: string): void => {
    const cmd = `cd ${ROOT} && TERM=xterm-256color ${process.execPath} ${tsx} src/cli/main.ts tui ${args}; echo EXITED $?; sleep 30`;
    t2('new-session', '-d', '-s', S2, '-x', '80', '-y', '24', cmd);
  };
  beforeAll(() => {
    dir2 = mkdtempSync(join(tmpdir(), 'pf-tui2-'));
    sock2 = join(dir2, 'tmux.sock');
  });
  afterAll(() => {
    try {
      t2('kill-server');
    } catch {
      // already gone
    }
    rmSync(dir2, { recursive: true, force: true });
  });

  test('keys sent together, a pasted command with its newline, a filter, the Markdown saved', { timeout: 180_000 }, async () => {
    start(SEED);
    await until2((s) => s.includes('CPU PRI RNRN') && s.includes('? help'), 'the summary of the seed');
    // `t` and two `j` in one write: one read by the TUI; the cursor must land on the third thread.
    t2('send-keys', '-t', S2, '-l', 'tjj');
    await until2((s) => /Threads: \d+\s+\(3\/\d+\)/.test(s), 'the third thread selected');
    // A filter typed as a person would, by function name.
    t2('send-keys', '-t', S2, '-l', '/mac_soft');
    const filtered = await until2((s) => /Threads: 1 of \d+ match \/mac_soft/.test(s), 'the filtered list');
    expect(filtered).toMatch(/^ffffff0007e01c40 /m);
    t2('send-keys', '-t', S2, 'Escape');
    // A command pasted from the clipboard with its newline (tmux paste-buffer, bracketed as the
    // TUI asked): it runs without another Enter.
    t2('send-keys', '-t', S2, ':');
    await until2((s) => s.includes('mdb-style prompt'), 'the prompt');
    t2('set-buffer', 'ffffff0007e01c40::findstack -v\n');
    t2('paste-buffer', '-p', '-t', S2);
    const out = await until2((s) => s.includes('mac_soft_ring_worker+0xc5'), 'the pasted command run');
    expect(out).toContain('> ffffff0007e01c40::findstack -v');
    t2('send-keys', '-t', S2, 'Escape');
    // Save the report: e, the path, Enter.
    const md = join(dir2, 'seed.md');
    t2('send-keys', '-t', S2, 'e');
    await until2((s) => s.includes('file: playfair-illumos-1532.md'), 'the save field');
    t2('send-keys', '-t', S2, 'C-u');
    t2('send-keys', '-t', S2, '-l', md);
    t2('send-keys', '-t', S2, 'Enter');
    await until2((s) => s.includes('report saved to'), 'the saved notice');
    expect(readFileSync(md, 'utf8')).toContain('runq-starvation');
    t2('send-keys', '-t', S2, 'q');
    await until2((s) => s.includes('EXITED 0'), 'a clean exit');
    t2('kill-session', '-t', S2);
  });

  test('a missing file is one line and exit 2, before any screen', { timeout: 60_000 }, async () => {
    start(join(dir2, 'no-such-dump.txt'));
    const s = await until2((x) => x.includes('EXITED'), 'the exit');
    expect(s).toMatch(/^playfair tui: .*no-such-dump\.txt: .*$/m);
    expect(s).toContain('EXITED 2');
    expect(s).not.toContain('Nothing loaded yet');
    t2('kill-session', '-t', S2);
  });
});
