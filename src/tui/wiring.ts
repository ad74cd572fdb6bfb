// The real services behind the TUI: the worker analyzer, bounded file reading, the shared
// renderers for the prompt, the simulator for what-if, and the Markdown report saved to a file.
import { readInput } from '../input/index.ts';
import type { Analysis } from '../analysis.ts';
import { backgroundAnalyzer, type BackgroundAnalyzer } from './analyzer.ts';
import { runMdbCommand, type Renderers } from '../shell/commands.ts';
import type { TuiServices, WhatIfReport } from './services.ts';
import { renderersFor } from '../shell/renderers.ts';
import { simulateWhatIf } from './whatif.ts';
import { TUI_MAX_INPUT } from './limits.ts';
import { writeFile } from 'node:fs/promises';
import { renderMarkdown } from '../report/markdown.ts';


export interface RealServices extends TuiServices {
  close(): Promise<void>;
}

export function realServices(bg: BackgroundAnalyzer = backgroundAnalyzer()): RealServices {
  let renderers: Renderers | null = null;
  return {
    async analyze(text, source, onPreview) {
      const a = await bg.analyze(text, source, onPreview);
      // Once the first input is on screen, load the pipeline in a worker for the next large one
      // (not before: on two cores it would slow the first analysis down).
      setTimeout(() => bg.warm(), 1000).unref();
      return a;
    },
    async readFile(path) {
      // stdin is never read from here: `-` is only meaningful on the command line.
      const r = await readInput(path === '-' ? './-' : path, { stdin: process.stdin }, { maxInput: TUI_MAX_INPUT });
      if (!r.ok) throw new Error(r.message);
      return r.text;
    },
    async runCommand(a: Analysis, line: string) {
      renderers ??= renderersFor();
      return runMdbCommand(a, line, renderers);
    },
    async whatIf(a: Analysis, changes, mode): Promise<WhatIfReport> {
      // The simulator is synchronous; let the "simulating…" frame draw first.
      await new Promise((r) => setImmediate(r));
      return simulateWhatIf(a, changes, mode);
    },
    async saveMarkdown(a: Analysis, path: string): Promise<string> {
      const text = renderMarkdown(a);
      // 'wx': a file that exists is refused, not overwritten.
      await writeFile(path, text, { encoding: 'utf8', flag: 'wx' });
      const bytes = Buffer.byteLength(text);
      return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
    },
    close: () => bg.close(),
  };
}
