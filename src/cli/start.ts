// `npm start`: the main job on the bundled seed report, so a newcomer sees a real analysis at once.
import { fileURLToPath } from 'node:url';
import type { Command } from './io.ts';

export const SEED_REPORT = fileURLToPath(new URL('../../fixtures/seed/illumos-1532.txt', import.meta.url));

export const runStart: Command = async (argv, io) => {
  const args = argv.length > 0 ? argv : [SEED_REPORT];
  // On a terminal, the TUI; otherwise (CI, a pipe) the text report and analyze's exit code.
  if (io.stdout.isTTY === true && io.stdin.isTTY === true) return (await import('./tui.ts')).runTui(args, io);
  return (await import('./analyze.ts')).runAnalyze(args, io);
};
