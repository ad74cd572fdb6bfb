// Shared by the print, format, status, panic, registers and system grammars: they all read one
// line at a time, so these helpers turn a line's Chevrotain errors into the single Diagnostic the
// accounting contract asks for, and walk a line's CST in source order.
// (Candidate for grammar/common once the other grammar areas settle.)
import type { CstNode, ILexingError, IRecognitionException, IToken } from '../common/chevrotain.ts';
import type { CommandStage } from '../common/command-types.ts';
import type { Diagnostic, GrammarResult, SectionContext } from '../common/source.ts';

/** What every per-line api.ts returns. */
export interface LineParse {
  cst: CstNode;
  lexErrors: ILexingError[];
  parseErrors: IRecognitionException[];
}

const MAX_SHOWN = 24;

/** Printable ASCII only, cut short: diagnostics may reach a terminal. */
export function shown(s: string): string {
  let out = '';
  for (let i = 0; i < s.length && i < MAX_SHOWN; i++) {
    const c = s.charCodeAt(i);
    out += c >= 32 && c < 127 ? s[i] : '?';
  }
  return s.length > MAX_SHOWN ? out + '...' : out;
}

/** Moves a one-line parse's errors to the original input line `no` and adds them to `result`. */
export function keepErrors(result: GrammarResult, parse: LineParse, no: number): void {
  for (const e of parse.lexErrors) {
    e.line = no;
    result.lexErrors.push(e);
  }
  for (const e of parse.parseErrors) {
    const t: IToken = e.token;
    if (!Number.isNaN(t.startOffset)) {
      t.startLine = no;
      t.endLine = no;
    }
    result.parseErrors.push(e);
  }
}

/** 1-based column where text ends, ignoring trailing blanks (where an early end of line is reported). */
export function endCol(text: string): number {
  let n = text.length;
  while (n > 0 && (text[n - 1] === ' ' || text[n - 1] === '\t' || text[n - 1] === '\r')) n--;
  return n + 1;
}

/** The first problem of a line parse, as a Diagnostic, or null when the line lexed and parsed. */
export function firstProblem(what: string, text: string, no: number, parse: LineParse): Diagnostic | null {
  const lex = parse.lexErrors[0];
  const perr = parse.parseErrors[0];
  const lexCol = lex ? lex.offset + 1 : Infinity;
  const parseCol = perr ? (Number.isNaN(perr.token.startOffset) ? endCol(text) : perr.token.startOffset + 1) : Infinity;
  if (lex && lexCol <= parseCol) {
    return { line: no, col: lexCol, message: `${what}: unexpected '${shown(text.substr(lex.offset, Math.max(1, lex.length)))}'` };
  }
  if (perr) {
    const t = perr.token;
    const at = Number.isNaN(t.startOffset) ? 'end of line' : `'${shown(t.image)}'`;
    return { line: no, col: parseCol, message: `${what}: unexpected ${at}` };
  }
  return null;
}

/** Every token under a CST node, in source order. Grammars here are shallow, so recursion is bounded. */
export function tokensOf(node: CstNode): IToken[] {
  const out: IToken[] = [];
  collect(node, out);
  out.sort((a, b) => a.startOffset - b.startOffset);
  return out;
}

function collect(node: CstNode, out: IToken[]): void {
  for (const key of Object.keys(node.children)) {
    for (const el of node.children[key]!) {
      if ('image' in el) out.push(el);
      else collect(el, out);
    }
  }
}

/** The first sub-node with a given rule name, or undefined. */
export function sub(node: CstNode, name: string): CstNode | undefined {
  return (node.children[name] as CstNode[] | undefined)?.[0];
}

/** Tokens of one type directly under a node. */
export function toks(node: CstNode, name: string): IToken[] {
  return (node.children[name] as IToken[] | undefined) ?? [];
}

/** Name of the single sub-rule an OR chose (the first child key that is a node). */
export function chosen(node: CstNode): string | null {
  for (const key of Object.keys(node.children)) {
    const el = node.children[key]![0];
    if (el !== undefined && !('image' in el)) return key;
  }
  return null;
}

/** The 0-based offset just past a token. */
export function tokenEnd(t: IToken): number {
  return t.startOffset + t.image.length;
}

export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\t' && c !== '\r') return false;
  }
  return true;
}

/** The last stage of the command line, where the output comes from; null when not known. */
export function lastStage(ctx: SectionContext): CommandStage | null {
  const st = ctx.command?.stages;
  return st && st.length > 0 ? st[st.length - 1]! : null;
}

export function emptyResult(): GrammarResult {
  return { records: [], unrecognized: [], lexErrors: [], parseErrors: [] };
}

/** Runs `fn`, turning an unexpected exception into a diagnostic on the line instead of a throw. */
export function guarded(result: GrammarResult, no: number, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    result.unrecognized.push({ line: no, col: 1, message: `internal error reading this line: ${shown(String(e))}` });
  }
}

const HEX = '0123456789abcdefABCDEF';

/** Whether a string is all hex digits (no prefix). */
export function isHex(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (HEX.indexOf(s[i]!) < 0) return false;
  return true;
}

/**
 * A custom Chevrotain matcher for a run of characters accepted by `ok`, at least `min` long.
 * Hand-written so long runs (10,000-character lines, long hex strings) stay linear.
 */
export function runMatcher(ok: (c: number) => boolean, min = 1) {
  return (text: string, offset: number): [string] | null => {
    let i = offset;
    while (i < text.length && ok(text.charCodeAt(i))) i++;
    return i - offset >= min ? [text.slice(offset, i)] : null;
  };
}

export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
