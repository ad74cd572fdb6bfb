// Section reader for `::system`: one SystemSettingsRecord with every `set` line in order.
// The value is kept as printed (`0x9c40`); `&` and `|` settings keep their operator (`|0x4`).
import type { ISerializedGast } from '../common/chevrotain.ts';
import type { GrammarResult, SectionParser } from '../common/source.ts';
import type { SystemSettingsRecord } from '../records.ts';
import { emptyResult, firstProblem, guarded, isBlank, keepErrors, toks } from '../print/support.ts';
import { parseSystemLine } from './api.ts';
import { systemParser } from './parser.ts';

export { parseSystemLine } from './api.ts';

export const parseSystem: SectionParser = (lines): GrammarResult => {
  const result = emptyResult();
  const rec: SystemSettingsRecord = { kind: 'system', line: lines[0]?.no ?? 0, settings: [] };
  for (const { no, text } of lines) {
    if (isBlank(text)) continue;
    guarded(result, no, () => {
      const parse = parseSystemLine(text);
      const problem = firstProblem('::system', text, no, parse);
      if (problem) {
        keepErrors(result, parse, no);
        result.unrecognized.push(problem);
        return;
      }
      const op = toks(parse.cst, 'Operator')[0]!.image;
      const value = toks(parse.cst, 'value')[0]!.image;
      if (rec.settings.length === 0) rec.line = no;
      rec.settings.push({ name: toks(parse.cst, 'name')[0]!.image, value: op === '=' ? value : op + value, line: no });
    });
  }
  if (rec.settings.length > 0) result.records.push(rec);
  return result;
};

/** Serialized grammar of one `::system` line, for railroad diagrams. */
export function systemProductions(): ISerializedGast[] {
  return systemParser.getSerializedGastProductions();
}
