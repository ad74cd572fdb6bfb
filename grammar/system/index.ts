// Section reader for `::system`: one SystemSettingsRecord with every `set` line in order.
// The value is kept as printed (`0x9c40`); `&` and `|` settings keep their operator (`|0x4`).
import type { ISerializedGast } from '../common/chevrotain.ts';
import { one } from '../common/cst.ts';
import { guarded, readLine } from '../common/diagnostics.ts';
import { isBlank } from '../common/lines.ts';
import { emptyResult, type GrammarResult, type SectionParser } from '../common/source.ts';
import type { SystemSettingsRecord } from '../records.ts';
import { parseSystemLine } from './api.ts';
import { systemParser } from './parser.ts';

export { parseSystemLine } from './api.ts';

/** A whole `set [module:]name=value [0tN]` line as `::system` prints it (for output pasted without its command). */
export function isSystemLine(text: string): boolean {
  if (!text.startsWith('set ')) return false;
  const p = parseSystemLine(text);
  return p.lexErrors.length === 0 && p.parseErrors.length === 0;
}

export const parseSystem: SectionParser = (lines): GrammarResult => {
  const result = emptyResult();
  const rec: SystemSettingsRecord = { kind: 'system', line: lines[0]?.no ?? 0, settings: [] };
  for (const { no, text } of lines) {
    if (isBlank(text)) continue;
    guarded(result.unrecognized, no, '::system', () => {
      const r = readLine('::system', text, no, parseSystemLine);
      if (r.problem) {
        result.unrecognized.push(r.problem);
        return;
      }
      const c = r.cst.children;
      const op = one(c.Operator).image;
      const value = one(c.value).image;
      if (rec.settings.length === 0) rec.line = no;
      rec.settings.push({ name: one(c.name).image, value: op === '=' ? value : op + value, line: no });
    });
  }
  if (rec.settings.length > 0) result.records.push(rec);
  return result;
};

/** Serialized grammar of one `::system` line, for railroad diagrams. */
export function systemProductions(): ISerializedGast[] {
  return systemParser.getSerializedGastProductions();
}
