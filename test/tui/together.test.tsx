// Keys that arrive together in one read, and pastes, through the whole App (ink-testing-library):
// each key acts on the screen the one before produced; a pasted command with its newline runs; a
// multi-line paste into the prompt runs every line; a paste where no text is taken is not keys.
import { afterEach, describe, expect, test } from 'vitest';
import React from 'react';
import { cleanup, render } from 'ink-testing-library';
import { App } from '../../src/tui/App.tsx';
import type { Analysis } from '../../src/analysis.ts';
import { fakeServices, waitFor } from './harness.tsx';
import { seedAnalysis } from '../seed.ts';

afterEach(() => cleanup());

function open(a: Analysis = seedAnalysis(), over = {}) {
  const { services, calls } = fakeServices(a, over);
  let quit = 0;
  const r = render(<App services={services} initial={{ kind: 'analysis', analysis: a }} onQuit={() => quit++} />);
  const frame = (): string => r.lastFrame() ?? '';
  const has = (s: string) => waitFor(frame, (f) => f.includes(s), JSON.stringify(s));
  return { r, calls, frame, has, quits: () => quit };
}

describe('keys in one read', () => {
  test('`t`, nine `j` and Enter in one write open the tenth thread', async () => {
    const t = open();
    await t.has('CPU PRI');
    t.r.stdin.write('t' + 'j'.repeat(9) + '\r');
    // Threads in order: cpu 0's seven (its interrupt thread, five queued, its idle thread), then cpu
    // 1's: ffffff01d5a600c0, ffffff0007e01c40, ffffff0007e1fc40 (the tenth), ...
    await t.has('thread ffffff0007e1fc40');
    expect(t.frame()).toContain('squeue_worker');
  });

  test('`jj` moves two rows (the third row shows as the position)', async () => {
    const t = open();
    await t.has('CPU PRI');
    t.r.stdin.write('t');
    await t.has('Threads: 12');
    t.r.stdin.write('jj');
    await t.has('(3/12)');
  });

  test('`f` + Enter + `n` in one write: the finding opens, then steps to its second evidence line', async () => {
    const t = open();
    await t.has('CPU PRI');
    t.r.stdin.write('f\rn');
    await t.has('Evidence 2/9: line 68'); // runq-starvation, in line order: 67, 68, 71, ...
  });
});

describe('pastes into the prompt', () => {
  test('a pasted command with its newline runs', async () => {
    const t = open();
    t.r.stdin.write(':');
    await t.has('mdb-style prompt');
    t.r.stdin.write('::cpuinfo -v\r');
    await t.has('(output of ::cpuinfo -v)');
    expect(t.calls.runCommand).toEqual(['::cpuinfo -v']);
  });

  test('a multi-line bracketed paste keeps every line: each runs, in order; the unfinished last line waits', async () => {
    const t = open();
    t.r.stdin.write(':');
    await t.has('mdb-style prompt');
    t.r.stdin.write('\x1b[200~::cpuinfo -v\r\n::stacks\r\nffffff0007e01c40::findstack -v\x1b[201~');
    await t.has('(output of ::stacks)');
    expect(t.calls.runCommand).toEqual(['::cpuinfo -v', '::stacks']);
    await t.has('> ffffff0007e01c40::findstack -v');
    t.r.stdin.write('\r');
    await t.has('(output of ffffff0007e01c40::findstack -v)');
    expect(t.calls.runCommand).toEqual(['::cpuinfo -v', '::stacks', 'ffffff0007e01c40::findstack -v']);
    // Each command's output follows it.
    const f = t.frame().split('\n');
    const at = (s: string) => f.findIndex((l) => l.includes(s));
    expect(at('> ::cpuinfo -v')).toBeLessThan(at('(output of ::cpuinfo -v)'));
    expect(at('(output of ::cpuinfo -v)')).toBeLessThan(at('> ::stacks'));
    expect(at('> ::stacks')).toBeLessThan(at('(output of ::stacks)'));
  });

  test('lines typed while a command runs are queued behind it, not dropped', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const t = open(seedAnalysis(), {
      runCommand: async (_a: Analysis, line: string) => {
        if (line === 'slow') await gate;
        return { lines: [`done ${line}`] };
      },
    });
    t.r.stdin.write(':');
    await t.has('mdb-style prompt');
    t.r.stdin.write('slow\r');
    await t.has('running…');
    t.r.stdin.write('fast\r');
    await new Promise((r) => setTimeout(r, 50));
    expect(t.calls.runCommand).toEqual(['slow']); // queued behind the running one
    release();
    await t.has('done fast');
    expect(t.calls.runCommand).toEqual(['slow', 'fast']);
    expect(t.frame().indexOf('done slow')).toBeLessThan(t.frame().indexOf('done fast'));
  });
});

describe('a paste where no text is taken', () => {
  test('is not read as keys (a `q` in it does not quit) and is reported', async () => {
    const t = open();
    await t.has('CPU PRI');
    t.r.stdin.write('\x1b[200~qqq ::cpuinfo\r\x1b[201~');
    await t.has('ignored here: p opens the paste area');
    expect(t.quits()).toBe(0);
    t.r.stdin.write('f');
    await t.has('Findings: 1 critical');
  });
});
