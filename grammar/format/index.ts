// Section reader for `addr/fmt`, `addr,count/fmt` and `=fmt` output, and for adb macros whose
// output has the same shape (`$<bufctl_audit`: labelled rows of column names, then rows of values).
// One FormatRecord per label; unlabelled rows continue the record above them. A symbol line
// (`kpreemptpri:` alone, printed when the address is exactly a symbol) joins the row after it.
import type { ISerializedGast } from '../common/chevrotain.ts';
import { lastStage } from '../common/command-types.ts';
import { first } from '../common/cst.ts';
import { guarded, readLine } from '../common/diagnostics.ts';
import { isBlank, shown } from '../common/lines.ts';
import { isHexDigits, normalizeAddr } from '../common/numbers.ts';
import { emptyResult, type GrammarResult, type SectionContext, type SectionParser, type SourceLine } from '../common/source.ts';
import type { FormatRecord } from '../records.ts';
import { parseFormatLine } from './api.ts';
import { formatParser } from './parser.ts';
import { isWriteStage, parseWriteLine } from './write.ts';

export { parseFormatLine } from './api.ts';

type ValueKind = 'signed' | 'unsigned' | 'hex' | 'octal';

/** What each format letter prints (mdb_fmt.c table); letters not listed print text we do not check. */
const LETTER_KIND: Record<string, ValueKind | 'none'> = {
  D: 'signed',
  d: 'signed',
  e: 'signed',
  v: 'signed',
  U: 'unsigned',
  u: 'unsigned',
  E: 'unsigned',
  V: 'unsigned',
  X: 'hex',
  x: 'hex',
  J: 'hex',
  K: 'hex',
  B: 'hex',
  h: 'hex',
  H: 'hex',
  Z: 'hex',
  O: 'octal',
  o: 'octal',
  b: 'octal',
  q: 'octal',
  Q: 'octal',
  G: 'octal',
  g: 'octal',
  n: 'none',
  N: 'none',
  r: 'none',
  t: 'none',
  T: 'none',
  '+': 'none',
  '-': 'none',
  '^': 'none',
};

/** The set of value shapes a format string can print, or null when it prints free text (p, s, c, i, Y...). */
function valueKinds(fmt: string): Set<ValueKind> | null {
  const out = new Set<ValueKind>();
  for (const c of fmt) {
    if (c >= '0' && c <= '9') continue;
    const k = LETTER_KIND[c];
    if (k === undefined) return null;
    if (k !== 'none') out.add(k);
  }
  return out.size > 0 ? out : null;
}

function isDigits(s: string, from = 0): boolean {
  if (s.length <= from) return false;
  for (let i = from; i < s.length; i++) if (s[i]! < '0' || s[i]! > '9') return false;
  return true;
}

function fits(v: string, kinds: Set<ValueKind>): boolean {
  for (const k of kinds) {
    if (k === 'signed' && (isDigits(v) || (v.startsWith('-') && isDigits(v, 1)))) return true;
    if (k === 'unsigned' && isDigits(v)) return true;
    if (k === 'hex' && isHexDigits(v)) return true;
    if (k === 'octal' && isDigits(v)) return true;
  }
  return false;
}

/** `0x...` or a one-digit number: `%#a` printed an address with no symbol. Anything else is a symbol. */
function labelIsAddress(label: string): boolean {
  if (label.startsWith('0x') || label.startsWith('0X')) return isHexDigits(label.slice(2));
  return label.length === 1 && label >= '0' && label <= '9';
}

interface FormatCommand {
  /** Letters as typed without counts (`D`, `KKn`), or null for a macro. */
  format: string | null;
  /** The typed address when it is a plain hex address (fills `addr` when the label is a symbol). */
  addr: string | null;
  /** `=fmt`: an immediate value, so no address label. */
  immediate: boolean;
  kinds: Set<ValueKind> | null;
}

function formatCommand(ctx: SectionContext): FormatCommand | null {
  const st = lastStage(ctx.command);
  if (!st) return null;
  if (st.verb === 'macro') return { format: null, addr: null, immediate: false, kinds: null };
  if (st.verb !== 'format') return null;
  let letters = '';
  for (const c of st.name) if (c < '0' || c > '9') letters += c;
  const text = ctx.command?.text ?? '';
  const immediate = text.includes('=' + st.name) && !text.includes('/' + st.name);
  const addr = st.addr !== null && !immediate ? normalizeAddr(st.addr) : null;
  return { format: letters || null, addr, immediate, kinds: valueKinds(letters) };
}

/** The output of a write: one `LABEL: OLD = NOW` line per value written. */
function parseWrites(lines: readonly SourceLine[], verb: string): GrammarResult {
  const result = emptyResult();
  for (const { no, text } of lines) {
    if (isBlank(text)) continue;
    const w = parseWriteLine(text);
    if (w === null) {
      result.unrecognized.push({ line: no, col: 1, message: `/${verb} writes and prints 'ADDRESS: OLD = NEW' per value; this line is not that` });
      continue;
    }
    const isAddr = labelIsAddress(w.label);
    result.records.push({
      kind: 'format',
      line: no,
      addr: isAddr ? normalizeAddr(w.label) : null,
      symbol: isAddr ? null : w.label,
      format: verb,
      values: [{ text: w.now, line: no }],
      written: { old: w.old },
    });
  }
  return result;
}

/**
 * A line of the diagram `=j` and `/j` draw under a value's bits (`||| |`, `||+---- bit 2 mask
 * 0x04`; the illumos test mdb/numbers/tst.binary): read, and no value of its own. Its dashes may
 * have been made en or em dashes by a word processor's autocorrect.
 */
function isBitDiagramLine(text: string): boolean {
  const t = text.trim();
  const arm = t.indexOf('+');
  const bars = arm < 0 ? t : t.slice(0, arm);
  for (const c of bars) if (c !== '|' && c !== ' ') return false;
  if (arm < 0) return bars.includes('|');
  return /^\+[-\u2013\u2014]+ bit [0-9]+ mask 0x[0-9a-f]+$/.test(t.slice(arm));
}

export const parseFormat: SectionParser = (lines, ctx): GrammarResult => {
  const st = lastStage(ctx.command);
  if (st !== null && isWriteStage(st)) return parseWrites(lines, st.name);
  const result = emptyResult();
  const cmd = formatCommand(ctx);
  const records: FormatRecord[] = [];
  let cur: FormatRecord | null = null;
  /** A label printed alone, waiting for the row that repeats it (the symbol line). */
  let pendingLabel: string | null = null;
  for (const { no, text } of lines) {
    if (isBlank(text)) continue;
    if ((cmd?.format ?? 'j') === 'j' && isBitDiagramLine(text)) continue;
    guarded(result.unrecognized, no, 'format', () => {
      const r = readLine(cmd?.format ? `/${cmd.format}` : 'format', text, no, parseFormatLine);
      if (r.problem) {
        result.unrecognized.push(r.problem);
        return;
      }
      const labelTok = first(r.cst.children.AddressLabel);
      const values = r.cst.children.Value ?? [];
      if (cmd?.kinds) {
        const bad = values.find((v) => !fits(v.image, cmd.kinds!));
        if (bad) {
          result.unrecognized.push({ line: no, col: bad.startOffset + 1, message: `/${cmd.format}: '${shown(bad.image)}' is not a value this format prints` });
          return;
        }
      }
      const vals = values.map((v) => ({ text: v.image, line: no }));
      if (labelTok === undefined) {
        if (cur === null) {
          cur = { kind: 'format', line: no, addr: null, symbol: null, format: cmd?.format ?? null, values: [] };
          records.push(cur);
        }
        cur.values.push(...vals);
        pendingLabel = null;
        return;
      }
      const label = labelTok.image.slice(0, -1);
      if (cur !== null && pendingLabel === label && cur.values.length === 0) {
        cur.values.push(...vals);
        pendingLabel = null;
        return;
      }
      const isAddr = labelIsAddress(label);
      cur = {
        kind: 'format',
        line: no,
        addr: isAddr ? normalizeAddr(label) : (cmd?.addr ?? null),
        symbol: isAddr ? null : label,
        format: cmd?.format ?? null,
        values: vals,
      };
      records.push(cur);
      pendingLabel = vals.length === 0 ? label : null;
    });
  }
  result.records = records;
  return result;
};

/** Serialized grammar of one format output line, for railroad diagrams. */
export function formatProductions(): ISerializedGast[] {
  return formatParser.getSerializedGastProductions();
}
