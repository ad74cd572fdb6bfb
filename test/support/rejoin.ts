// Runs one of ingest's rejoins (a wrap's cut lines joined again) over texts numbered from line 1,
// with the width so far starting from `before`, the widest line of the section's earlier parts.
import type { SourceLine } from '../../grammar/common/source.ts';
import { widthsSoFar, type Rejoined, type WidthSoFar } from '../../src/ingest/width-wrap.ts';
import { numbered } from './lines.ts';

export function rejoinTexts(
  rejoin: (lines: readonly SourceLine[], widthAt: WidthSoFar) => Rejoined,
  texts: readonly string[],
  before = 0,
): { texts: string[]; joined: [number, number[]][] } {
  const lines = numbered(texts);
  const r = rejoin(lines, widthsSoFar(lines, before));
  return { texts: r.lines.map((l) => l.text), joined: [...r.joined] };
}
