// Section reader for `::status`: one StatusRecord per `debugging ...` line (a section may hold
// several dumps), plus a PanicRecord when the dump names a panic message.
import type { ISerializedGast, IToken } from '../common/chevrotain.ts';
import { first, one, tokenEnd } from '../common/cst.ts';
import { guarded, readLine } from '../common/diagnostics.ts';
import { isBlank } from '../common/lines.ts';
import { emptyResult, type GrammarResult, type SectionParser } from '../common/source.ts';
import type { MdbRecord, StatusRecord } from '../records.ts';
import { parseStatusLine } from './api.ts';
import { continuesMessage, joinMessage } from './message.ts';
import { statusParser } from './parser.ts';

export { parseStatusLine } from './api.ts';

function span(text: string, list: readonly IToken[] | undefined): string {
  if (list === undefined || list.length === 0) return '';
  return text.slice(list[0]!.startOffset, tokenEnd(list[list.length - 1]!));
}

export const parseStatus: SectionParser = (lines): GrammarResult => {
  const result = emptyResult();
  const records: StatusRecord[] = [];
  let cur: StatusRecord | null = null;
  const start = (no: number): StatusRecord => {
    cur = { kind: 'status', line: no, fields: {} };
    records.push(cur);
    return cur;
  };
  /** The panic message being read, while it may go on over more lines. */
  // Set inside the guarded callback, which the compiler's narrowing does not see into.
  let message = null as { rec: StatusRecord; lines: number; prev: string; width: number } | null;
  for (const { no, text } of lines) {
    if (message !== null && continuesMessage(message.prev, message.lines, text)) {
      const f = message.rec.fields['panic message']!;
      // The message's own first line is where it is shown, and as wide as mdb's line (message.ts).
      if (f.value === '') {
        f.line = no;
        message.width = text.length;
      }
      f.value = f.value === '' ? text.trim() : joinMessage(f.value, message.prev, text, message.width);
      message.lines++;
      message.prev = text;
      continue;
    }
    message = null;
    if (isBlank(text)) continue;
    guarded(result.unrecognized, no, '::status', () => {
      const r = readLine('::status', text, no, parseStatusLine);
      if (r.problem) {
        result.unrecognized.push(r.problem);
        return;
      }
      const dbg = first(r.cst.children.debuggingLine)?.children;
      if (dbg) {
        const rec = start(no);
        rec.fields['target'] = { value: span(text, dbg.target), line: no };
        const bits = one(dbg.Bits).image;
        rec.fields['bits'] = { value: bits.slice(1, bits.indexOf('-')), line: no };
        const host = first(dbg.host);
        if (host) rec.fields['host'] = { value: host.image, line: no };
        return;
      }
      const kv = one(r.cst.children.keyValueLine).children;
      const key = span(text, kv.key);
      const colon = one(kv.Colon);
      const value = text.slice(tokenEnd(colon)).trim();
      const rec: StatusRecord = cur ?? start(no);
      rec.fields[key] = { value, line: no };
      if (key === 'panic message') message = { rec, lines: 0, prev: text, width: 0 };
    });
  }
  // Each dump's panic message after it, whole once its wrapped lines are read.
  result.records = records.flatMap((r): MdbRecord[] => {
    const m = r.fields['panic message'];
    return m === undefined || m.value === '' ? [r] : [r, { kind: 'panic', line: m.line, cpu: null, thread: null, message: m.value }];
  });
  return result;
};

/** Serialized grammar of one `::status` line, for railroad diagrams. */
export function statusProductions(): ISerializedGast[] {
  return statusParser.getSerializedGastProductions();
}
