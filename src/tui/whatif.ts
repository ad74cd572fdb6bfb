// What-if for the TUI: run the simulator's whatIf(analysis, changes, opts) from the loaded
// snapshot and say, finding by finding, whether it clears.
// The simulator is being written alongside; until its whatIf lands this reports that plainly.
import type { Analysis } from '../analysis.ts';
import type { TunableChanges, WhatIfReport } from './services.ts';

/** Where the simulator's entry point is expected; looked up at call time. */
const CANDIDATES = ['../sim/whatif.ts', '../sim/index.ts'];

type WhatIfFn = (a: Analysis, changes: TunableChanges, opts?: object) => unknown;

async function loadWhatIf(): Promise<WhatIfFn | null> {
  for (const c of CANDIDATES) {
    try {
      const m = (await import(new URL(c, import.meta.url).href)) as { whatIf?: WhatIfFn };
      if (typeof m.whatIf === 'function') return m.whatIf;
    } catch {
      // not there yet
    }
  }
  return null;
}

export async function simulateWhatIf(a: Analysis, changes: TunableChanges): Promise<WhatIfReport> {
  const fn = await loadWhatIf();
  if (!fn) throw new Error('the simulator (src/sim whatIf) is not available in this build yet');
  return toReport(a, await fn(a, changes));
}

/** Adapts the simulator's result to the panel's rows (shape settled when src/sim lands). */
export function toReport(a: Analysis, result: unknown): WhatIfReport {
  const r = result as { outcomes?: WhatIfReport['outcomes']; notes?: string[] };
  if (Array.isArray(r.outcomes)) return { outcomes: r.outcomes, notes: r.notes ?? [] };
  return {
    outcomes: [],
    notes: [`simulator returned an unexpected shape for ${a.findings.length} findings`],
  };
}
