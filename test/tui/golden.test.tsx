// Golden frames: the screens at 80x24 and 160x50, kept as text in test/tui/golden/.
// Regenerate with UPDATE_GOLDEN=1 after a deliberate change, and read the diff. A missing golden
// fails (without UPDATE_GOLDEN): a test that writes its own expectation cannot fail.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import React from 'react';
import stringWidth from 'string-width';
import { App } from '../../src/tui/App.tsx';
import { fakeServices, plain, renderSized, type Sized, waitFor } from './harness.tsx';
import { seedAnalysis } from '../seed.ts';

const DIR = fileURLToPath(new URL('./golden/', import.meta.url));
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

/** Keys from the summary to each screen, and text that shows the screen is there. */
const SCREENS: [name: string, keys: string[], ready: string | ((f: string) => boolean)][] = [
  ['summary', [], 'CPU PRI RNRN'],
  ['findings', ['f'], 'Findings: 1 critical'],
  ['finding', ['f', '\r'], 'Evidence 1/9'],
  ['cpu', ['\x1b[B', '\r'], 'CPU 1  cpu_t'],
  ['threads', ['t'], 'Threads: 12'],
  ['thread', ['f', '\r', '1'], 'thread ffffff0007e01c40'],
  ['prompt', [':', ...'::cpuinfo -v'.split(''), '\r'], 'second line'],
  ['whatif', ['w', '\r'], 'findings clear'],
  ['paste', ['p', '\x1b[200~', '> ::cpuinfo -v\r ID ADDR\r', '\x1b[201~'], (f) => f.includes('2 lines') && !f.includes('pasting')],
  ['help', ['?'], 'Keys'],
];

let current: Sized | null = null;
afterEach(() => current?.unmount());

for (const [cols, rows] of [
  [80, 24],
  [160, 50],
] as const) {
  describe(`${cols}x${rows}`, () => {
    for (const [name, keys, ready] of SCREENS) {
      test(name, async () => {
        const a = seedAnalysis();
        const { services } = fakeServices(a, {
          runCommand: async (_a, line) => ({ lines: [`(renderer output for ${line})`, 'second line'] }),
        });
        const s = renderSized(<App services={services} initial={{ kind: 'analysis', analysis: a }} />, cols, rows);
        current = s;
        await waitFor(s.lastFrame, (f) => f.includes('CPU PRI RNRN'), 'summary');
        for (const k of keys) {
          s.stdin.write(k);
          await new Promise((r) => setTimeout(r, 2));
        }
        const pred = typeof ready === 'string' ? (f: string) => f.includes(ready) : ready;
        const frame = plain(await waitFor(s.lastFrame, pred, name));
        const lines = frame.split('\n');
        // The screen fills the terminal exactly and never wraps.
        expect(lines).toHaveLength(rows);
        for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(cols);
        const file = `${DIR}${name}-${cols}x${rows}.txt`;
        if (UPDATE) {
          mkdirSync(DIR, { recursive: true });
          writeFileSync(file, frame + '\n');
        }
        if (!existsSync(file)) throw new Error(`golden ${file} is missing: run with UPDATE_GOLDEN=1, then read and commit it`);
        expect(frame + '\n').toBe(readFileSync(file, 'utf8'));
      });
    }
  });
}
