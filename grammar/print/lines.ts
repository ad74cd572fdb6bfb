// From a CST of one `::print` line to a plain description of it, and the logical-line joiner
// for values mdb's auto-wrap split across lines (before 2019 auto-wrap was always on at 80
// columns, so a long `[ ... ]` or `"..."` value can continue on the next line at column 0).
import type { IToken } from '../common/chevrotain.ts';
import { first, one, tokenEnd, tokensOf } from '../common/cst.ts';
import { isBlank } from '../common/lines.ts';
import type { PrintLineCstNode, ValueCstNode } from './cst-types.ts';
import { LSquare, RSquare } from './lexer.ts';

/** A run of tokens with no blank between them, e.g. `*t_procp`, `(*)()`, `ffffff01dde41b90.3`. */
export interface Seg {
  text: string;
  start: number;
  end: number;
}

export interface ValueInfo {
  kind: 'struct' | 'structElided' | 'arrayOpen' | 'array' | 'scalar' | 'missing';
  /** The value as printed, from its first to its last character. */
  text: string;
  start: number;
  /** For arrays: whether the brackets balance by the end of the line. */
  closed: boolean;
  /** For arrays: offset of text after the closing `]`, or -1. */
  trailingAt: number;
}

export type PrintLine =
  | { kind: 'sizeof'; type: string; value: string }
  | { kind: 'close'; comma: boolean }
  | { kind: 'closeArray'; elided: boolean }
  /** `{`, `[addr] [type] {`, or `[addr] [type] name {` in a `-t` listing; `{ ... }` when elided. */
  | { kind: 'open'; segs: Seg[]; elided: boolean }
  /** A member with ` = value`, or with no value at all (typeless `-t` listing). */
  | { kind: 'member'; segs: Seg[]; value: ValueInfo | null };

function segments(tokens: IToken[], text: string): Seg[] {
  const out: Seg[] = [];
  for (const t of tokens) {
    const end = tokenEnd(t);
    const last = out[out.length - 1];
    if (last && last.end === t.startOffset) {
      last.end = end;
      last.text = text.slice(last.start, end);
    } else out.push({ text: t.image, start: t.startOffset, end });
  }
  return out;
}

function valueOf(node: ValueCstNode, text: string): ValueInfo {
  const toks = tokensOf(node);
  const head = toks[0]!;
  const last = toks[toks.length - 1]!;
  const start = head.startOffset;
  const v: ValueInfo = { kind: 'scalar', text: text.slice(start, tokenEnd(last)), start, closed: true, trailingAt: -1 };
  const c = node.children;
  if (c.structOpen) v.kind = toks.length > 1 ? 'structElided' : 'struct';
  else if (c.arrayValue) {
    if (toks.length === 1) {
      v.kind = 'arrayOpen';
      v.closed = false;
      return v;
    }
    v.kind = 'array';
    let depth = 0;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!.tokenType;
      if (t === LSquare) depth++;
      else if (t === RSquare) depth--;
      if (depth === 0 && i < toks.length - 1) {
        v.trailingAt = toks[i + 1]!.startOffset;
        break;
      }
    }
    v.closed = depth <= 0;
  }
  return v;
}

/** Describes a parsed line; `cst` is the printLine node of a line that parsed without errors. */
export function describe(cst: PrintLineCstNode, text: string): PrintLine {
  const c = cst.children;
  if (c.sizeofLine) {
    const node = one(c.sizeofLine);
    const lp = one(node.children.LParen);
    const rp = one(node.children.RParen);
    const toks = tokensOf(node);
    return { kind: 'sizeof', type: text.slice(tokenEnd(lp), rp.startOffset).trim(), value: toks[toks.length - 1]!.image };
  }
  if (c.closeBrace) return { kind: 'close', comma: one(c.closeBrace).children.Comma !== undefined };
  if (c.closeArray) return { kind: 'closeArray', elided: one(c.closeArray).children.Ellipsis !== undefined };
  const m = one(c.memberLine).children;
  const decl = first(m.declaration);
  const segs = decl ? segments(tokensOf(decl), text) : [];
  const open = first(m.structOpen);
  if (open) return { kind: 'open', segs, elided: open.children.Ellipsis !== undefined };
  const eq = first(m.Equals);
  if (eq === undefined) return { kind: 'member', segs, value: null };
  const vnode = first(m.value);
  if (!vnode) return { kind: 'member', segs, value: { kind: 'missing', text: '', start: tokenEnd(eq), closed: false, trailingAt: -1 } };
  return { kind: 'member', segs, value: valueOf(vnode, text) };
}

/** Scanner state carried across physical lines while deciding whether a value continues. */
interface OpenState {
  /** Inside string text: mdb prints it raw and last on the line, so it ends at the line's last quote. */
  inString: boolean;
  squares: number;
  parens: number;
}

function scan(text: string, st: OpenState): void {
  let i = 0;
  if (st.inString) {
    const close = text.lastIndexOf('"');
    if (close < 0) return;
    st.inString = false;
    i = close + 1;
  }
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const close = text.lastIndexOf('"');
      if (close === i) {
        st.inString = true;
        return;
      }
      i = close;
    } else if (c === "'") i = skipChar(text, i);
    else if (c === '[') st.squares++;
    else if (c === ']') st.squares = Math.max(0, st.squares - 1);
    else if (c === '(') st.parens++;
    else if (c === ')') st.parens = Math.max(0, st.parens - 1);
  }
}

/** Skips a char literal (`'a'`, `'\0'`, `'\024'`) starting at i; a lone apostrophe is skipped alone. */
function skipChar(text: string, i: number): number {
  if (text[i + 1] === '\\') {
    let j = i + 2;
    const lim = Math.min(text.length, i + 6);
    while (j < lim && text[j] !== "'") j++;
    return text[j] === "'" ? j : i;
  }
  return text[i + 2] === "'" ? i + 2 : i;
}

function lastNonBlank(text: string): string {
  for (let i = text.length - 1; i >= 0; i--) if (text[i] !== ' ' && text[i] !== '\t' && text[i] !== '\r') return text[i]!;
  return '';
}

/** Whether the line after an unclosed `[` starts the elements of an array of structs. */
function opensStructElement(next: string): boolean {
  const t = next.trim();
  return t.startsWith('{') || t.endsWith('{') || t.endsWith('{ ... }');
}

/** One logical line: physical lines joined where a value was wrapped. */
export interface Logical {
  text: string;
  parts: { no: number; text: string; start: number; lead: number }[];
}

const MAX_JOIN = 64;
const MAX_JOIN_CHARS = 65536;

/** Groups physical lines into logical lines. Linear: each physical line is scanned once. */
export function logicalLines(lines: readonly { no: number; text: string }[]): Logical[] {
  const out: Logical[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    const lg: Logical = { text: first.text, parts: [{ no: first.no, text: first.text, start: 0, lead: 0 }] };
    const st: OpenState = { inString: false, squares: 0, parens: 0 };
    scan(first.text, st);
    i++;
    while (i < lines.length && lg.parts.length < MAX_JOIN && lg.text.length < MAX_JOIN_CHARS) {
      const cur = lg.parts[lg.parts.length - 1]!.text;
      const next = lines[i]!;
      if (isBlank(next.text) || isBlank(lg.text)) break;
      const open =
        st.inString ||
        st.parens > 0 ||
        lastNonBlank(cur) === '=' ||
        (st.squares > 0 && !(lastNonBlank(cur) === '[' && lg.parts.length === 1 && opensStructElement(next.text)));
      if (!open) break;
      let lead = 0;
      while (lead < next.text.length && (next.text[lead] === ' ' || next.text[lead] === '\t')) lead++;
      const piece = next.text.slice(lead);
      // A tracker that strips trailing blanks also eats the blank of a `, ` or ` = ` that ended the line.
      const last = cur[cur.length - 1];
      if (last === ',' || last === '=') lg.text += ' ';
      lg.parts.push({ no: next.no, text: next.text, start: lg.text.length, lead });
      lg.text += piece;
      scan(piece, st);
      i++;
    }
    out.push(lg);
  }
  return out;
}

/** Maps an offset in a logical line to the physical line and its 1-based column. */
export function locate(lg: Logical, offset: number): { no: number; col: number } {
  let p = lg.parts[0]!;
  for (const q of lg.parts) if (q.start <= offset) p = q;
  return { no: p.no, col: offset - p.start + p.lead + 1 };
}
