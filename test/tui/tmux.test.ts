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
