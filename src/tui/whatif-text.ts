// The what-if panel's words, as pure functions: each outcome's status word and colour, the count
// line, and what was simulated (kpreemptpri change, kpqpri, hz and where hz came from).
import { shortTicks } from '../rules/policy.ts';
import type { WhatIfOutcome, WhatIfReport, WhatIfRun } from './services.ts';

/** Seven columns wide, so the titles line up; only `cleared` reads as cleared. */
export function statusWord(o: WhatIfOutcome): { word: string; color: string } {
  switch (o.status) {
    case 'cleared':
      return { word: 'CLEARS ', color: 'green' };
    case 'returns':
      return { word: 'RETURNS', color: 'yellow' };
    case 'remains':
      return { word: 'REMAINS', color: 'red' };
    case 'n/a':
      return { word: 'N/A    ', color: 'gray' };
  }
}

/** "With kpreemptpri 99: 2 of 4 findings clear, 2 return, 0 remain." (n/a counted when there are any). */
export function countLine(report: WhatIfReport, ranWith: number | null): string {
  const n = (s: WhatIfOutcome['status']): number => report.outcomes.filter((o) => o.status === s).length;
  const na = n('n/a');
  const rest = `${n('returns')} return, ${n('remains')} remain${na > 0 ? `, ${na} not assessable` : ''}`;
  return `With kpreemptpri ${ranWith ?? '?'}: ${n('cleared')} of ${report.outcomes.length} findings clear, ${rest}.`;
}

const HZ_FROM: Record<NonNullable<WhatIfRun['hzSource']>, string> = {
  dump: 'from the dump',
  option: 'as given',
  default: 'assumed, the dump does not show it',
};

/** Which kpreemptpri change was simulated, and what happened to kpqpri. */
export function changeLine(run: WhatIfRun): string {
  const { base, changed } = run;
  const kp = `kpreemptpri ${base.kpreemptpri} -> ${changed.kpreemptpri}`;
  const kpq = changed.kpqpri === base.kpqpri ? `kpqpri stays ${changed.kpqpri}` : `kpqpri follows, ${base.kpqpri} -> ${changed.kpqpri}`;
  if (run.kpreemptpriMode === 'boot') return `Boot-time fix (dispinit() sets it): ${kp}, ${kpq}.`;
  if (run.kpreemptpriMode === 'live') return `Live patch (kpreemptpri/w): ${kp}, ${kpq}.`;
  return `No kpreemptpri change: ${kp}, ${kpq}.`;
}

/** How long, at which hz, and where that hz came from. */
export function hzLine(run: WhatIfRun): string {
  const from = run.hzSource !== null ? HZ_FROM[run.hzSource] : 'source not known';
  return `Ran ${run.ticks} ticks (${shortTicks(run.ticks, run.hz)}) at hz ${run.hz} (${from}), with and without the change.`;
}
