// Test harness: fake services (what-if runs the real simulator unless a test overrides it), and an
// Ink render at a chosen terminal size (ink-testing-library fixes 100 columns; goldens need 80x24, 160x50).
import { EventEmitter } from 'node:events';
import React from 'react';
import { render as inkRender } from 'ink';
import type { Analysis } from '../../src/analysis.ts';
import type { CommandOutput, TuiServices, WhatIfReport } from '../../src/tui/services.ts';
import { simulateWhatIf } from '../../src/tui/whatif.ts';
import type { KpreemptMode } from '../../src/sim/whatif.ts';

export interface Calls {
  analyze: { text: string; source: string }[];
  readFile: string[];
  runCommand: string[];
  whatIf: Record<string, number>[];
  whatIfModes: (KpreemptMode | undefined)[];
  saveMarkdown: string[];
}

export function fakeServices(
  analysis: Analysis,
  over: Partial<TuiServices> = {},
): { services: TuiServices; calls: Calls } {
  const calls: Calls = { analyze: [], readFile: [], runCommand: [], whatIf: [], whatIfModes: [], saveMarkdown: [] };
  const services: TuiServices = {
    analyze: async (text, source, onPreview) => {
      calls.analyze.push({ text, source });
      return over.analyze ? over.analyze(text, source, onPreview) : { ...analysis, source };
    },
    readFile: async (path) => {
      calls.readFile.push(path);
      if (over.readFile) return over.readFile(path);
      throw new Error('ENOENT: no such file');
    },
    runCommand: async (a, line): Promise<CommandOutput> => {
      calls.runCommand.push(line);
      return over.runCommand ? over.runCommand(a, line) : { lines: [`(output of ${line})`] };
    },
    whatIf: async (a, changes, mode): Promise<WhatIfReport> => {
      calls.whatIf.push(changes);
      calls.whatIfModes.push(mode);
      if (over.whatIf) return over.whatIf(a, changes, mode);
      return simulateWhatIf(a, changes, mode); // the real simulator: it is quick on the seed's two CPUs
    },
    saveMarkdown: async (a, path) => {
      calls.saveMarkdown.push(path);
      return over.saveMarkdown ? over.saveMarkdown(a, path) : '1.0 KB';
    },
  };
  return { services, calls };
}

class Stdout extends EventEmitter {
  frames: string[] = [];
  isTTY = false;
  constructor(public columns: number, public rows: number) {
    super();
  }
  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = (): string => this.frames[this.frames.length - 1] ?? '';
}

class Stdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
  read = (): string | null => {
    const d = this.data;
    this.data = null;
    return d;
  };
}

export interface Sized {
  lastFrame(): string;
  stdin: Stdin;
  unmount(): void;
}

export function renderSized(tree: React.ReactElement, columns: number, rows: number): Sized {
  const stdout = new Stdout(columns, rows);
  const stdin = new Stdin();
  const inst = inkRender(tree, {
    // Test doubles stand in for the Node streams Ink expects.
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: new Stdout(columns, rows) as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return { lastFrame: stdout.lastFrame, stdin, unmount: () => inst.unmount() };
}

export const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Wait until the frame satisfies `pred` (Ink renders asynchronously), or fail with the frame. */
export async function waitFor(frame: () => string | undefined, pred: (f: string) => boolean, what: string): Promise<string> {
  // Generous: a loaded CI machine can take seconds for a frame; a pass returns at once.
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const f = frame() ?? '';
    if (pred(f)) return f;
    await tick(5);
  }
  throw new Error(`timed out waiting for ${what}; last frame:\n${frame() ?? ''}`);
}

/** Strip colour codes and trailing spaces, for golden comparison. */
export function plain(frame: string): string {
  return frame
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n');
}
