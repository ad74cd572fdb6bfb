// `::class` output into a ClassTableRecord: which scheduling class each `t_cid` slot holds on the
// system the dump came from (slot 0 is SYS; the rest follow load order).
import { words } from '../common/lines.ts';
import type { Diagnostic, GrammarResult, SectionParser } from '../common/source.ts';
import type { ClassTableRecord } from '../records.ts';

/** `SLOT NAME       INIT FCN                 CLASS FCN` */
export function isClassHeader(text: string): boolean {
  const ws = words(text);
  return ws.length === 6 && ws[0] === 'SLOT' && ws[1] === 'NAME' && ws[2] === 'INIT' && ws[4] === 'CLASS';
}

export const parseClasses: SectionParser = (lines): GrammarResult => {
  const unrecognized: Diagnostic[] = [];
  let rec: ClassTableRecord | null = null;
  for (const { no, text } of lines) {
    const ws = words(text);
    if (ws.length === 0 || isClassHeader(text)) continue;
    // `   2 TS         ts_init                  ts_getclinfo`; an empty slot has no functions.
    const slot = ws[0]!;
    if (!/^[0-9]+$/.test(slot) || slot.length > 4 || ws.length < 2 || ws.length > 4) {
      unrecognized.push({ line: no, col: 1, message: '::class: expected SLOT NAME INIT-FCN CLASS-FCN' });
      continue;
    }
    rec ??= { kind: 'classes', line: no, classes: [] };
    rec.classes.push({ slot: Number(slot), name: ws[1]!, line: no });
  }
  return { records: rec === null ? [] : [rec], unrecognized };
};
