// What the TUI needs from the rest of playfair, as one injectable object so views can be tested
// with hand-built analyses and the real pieces can be wired in one place (wiring.ts).
import type { Analysis } from '../analysis.ts';
import type { Severity } from '../rules/types.ts';

import type { CommandOutput } from '../shell/commands.ts';
import type { KpreemptMode, WhatIfStatus } from '../sim/whatif.ts';

export type { CommandOutput };

/** One finding of the loaded analysis, judged again after the simulated change. */
export interface WhatIfOutcome {
  rule: string;
  title: string;
  severity: Severity;
  cpu?: number;
  /**
   * cleared: gone by the end of the window and not back; returns: everything it names moved once
   * but it is back by the end (not cleared); remains: something it names never moved; n/a: the
   * simulator could place nothing it names.
   */
  status: WhatIfStatus;
  /** status === 'cleared' (a returning finding is not cleared). */
  cleared: boolean;
  /** One line on what the simulator saw (e.g. "thread ffffff0007e01c40 ran after 1 tick"). */
  detail: string;
}

/** What was simulated: how long, at which hz (and where it came from), which kpreemptpri change. */
export interface WhatIfRun {
  ticks: number;
  hz: number;
  /** dump: the dump shows hz; option: given on the command line; default: assumed; null: not known. */
  hzSource: 'dump' | 'option' | 'default' | null;
  /** boot: the boot-time fix (dispinit() copies kpreemptpri into kpqpri); live: kpreemptpri/w, kpqpri stays; null: no kpreemptpri change. */
  kpreemptpriMode: KpreemptMode | null;
  /** kpreemptpri and kpqpri of the control run and of the changed run. */
  base: { kpreemptpri: number; kpqpri: number };
  changed: { kpreemptpri: number; kpqpri: number };
}

export interface WhatIfReport {
  outcomes: WhatIfOutcome[];
  /** Absent when the service did not say what it ran (then the panel says so). */
  run?: WhatIfRun;
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
  /** `mode`: how a kpreemptpri change is applied (default boot, the illumos 1532 fix). */
  whatIf(analysis: Analysis, changes: TunableChanges, mode?: KpreemptMode): Promise<WhatIfReport>;
  /**
   * Write the Markdown report of `analysis` to a new file at `path` (never over an existing one);
   * resolves with what was written, e.g. "4.2 KB". Rejects with the reason.
   */
  saveMarkdown?(analysis: Analysis, path: string): Promise<string>;
}
