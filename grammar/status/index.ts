// Section reader for `::status`: one StatusRecord per `debugging ...` line (a section may hold
// several dumps), plus a PanicRecord when the dump names a panic message.
import type { ISerializedGast, IToken } from '../common/chevrotain.ts';
import type { GrammarResult, SectionParser } from '../common/source.ts';
import type { MdbRecord, StatusRecord } from '../records.ts';
import { emptyResult, firstProblem, guarded, isBlank, keepErrors, sub, tokenEnd, toks } from '../print/support.ts';
import { parseStatusLine } from './api.ts';
import { statusParser } from './parser.ts';

export { parseStatusLine } from './api.ts';

function span(text: string, list: IToken[]): string {
  if (list.length === 0) return '';
  return text.slice(list[0]!.startOffset, tokenEnd(list[list.length - 1]!));
}

export const parseStatus: SectionParser = (lines): GrammarResult => {
  const result = emptyResult();
  const records: MdbRecord[] = [];
  let cur: StatusRecord | null = null;
  const start = (no: number): StatusRecord => {
    cur = { kind: 'status', line: no, fields: {} };
    records.push(cur);
    return cur;
  };
  for (const { no, text } of lines) {
    if (isBlank(text)) continue;
    guarded(result, no, () => {
      const parse = parseStatusLine(text);
      const problem = firstProblem('::status', text, no, parse);
      if (problem) {
        keepErrors(result, parse, no);
        result.unrecognized.push(problem);
        return;
      }
      const dbg = sub(parse.cst, 'debuggingLine');
      if (dbg) {
        const rec = start(no);
        rec.fields['target'] = { value: span(text, toks(dbg, 'target')), line: no };
        const bits = toks(dbg, 'Bits')[0]!.image;
        rec.fields['bits'] = { value: bits.slice(1, bits.indexOf('-')), line: no };
        const host = toks(dbg, 'host')[0];
        if (host) rec.fields['host'] = { value: host.image, line: no };
        return;
      }
      const kv = sub(parse.cst, 'keyValueLine')!;
      const key = span(text, toks(kv, 'key'));
      const colon = toks(kv, 'Colon')[0]!;
      const value = text.slice(tokenEnd(colon)).trim();
      const rec: StatusRecord = cur ?? start(no);
      rec.fields[key] = { value, line: no };
      if (key === 'panic message' && value !== '') records.push({ kind: 'panic', line: no, cpu: null, thread: null, message: value });
    });
  }
  result.records = records;
  return result;
};

/** Serialized grammar of one `::status` line, for railroad diagrams. */
export function statusProductions(): ISerializedGast[] {
  return statusParser.getSerializedGastProductions();
}
