// What the TUI needs from the rest of playfair, as one injectable object so views can be tested
// with hand-built analyses and the real pieces can be wired in one place (wiring.ts).
import type { Analysis } from '../analysis.ts';
import type { Severity } from '../rules/types.ts';

import type { CommandOutput } from '../shell/commands.ts';

export type { CommandOutput };

/** One finding of the loaded analysis, judged again after the simulated change. */
export interface WhatIfOutcome {
  rule: string;
  title: string;
  severity: Severity;
  cpu?: number;
  /** true: the simulated run no longer shows it; false: it remains. */
  cleared: boolean;
  /** One line on what the simulator saw (e.g. "thread ffffff0007e01c40 ran after 1 tick"). */
  detail: string;
}

export interface WhatIfReport {
  outcomes: WhatIfOutcome[];
  /** Anything the simulator wants said (assumptions, limits), one line each. */
  notes: string[];
}

/** Tunables the what-if panel lets the user change, with the kernel's spelling. */
export type TunableChanges = Record<string, number>;

export interface TuiServices {
  /**
   * Analyse text; must not block the render loop for long (the real one runs in a worker). A
   * large input may first get a quick preview (see preview.ts) through `onPreview`.
   */
  analyze(text: string, source: string, onPreview?: (a: Analysis) => void): Promise<Analysis>;
  readFile(path: string): Promise<string>;
  runCommand(analysis: Analysis, line: string): Promise<CommandOutput>;
  whatIf(analysis: Analysis, changes: TunableChanges): Promise<WhatIfReport>;
  /**
   * Write the Markdown report of `analysis` to a new file at `path` (never over an existing one);
   * resolves with what was written, e.g. "4.2 KB". Rejects with the reason.
   */
  saveMarkdown?(analysis: Analysis, path: string): Promise<string>;
}
