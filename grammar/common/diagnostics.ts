// Turning one line's Chevrotain errors into the single Diagnostic the accounting contract asks for,
// and the safety net that turns a grammar's exception into an internal-error diagnostic.
import type { CstNode, ILexingError, IRecognitionException } from './chevrotain.ts';
import { endCol, firstCol, isTooLong, shown, tooLongMessage } from './lines.ts';
import { internalDiagnostic, internalError, type Diagnostic } from './source.ts';

/** What every per-line parse (each grammar's api.ts) returns: its CST, typed per grammar, and its errors. */
export interface LineParse<C extends CstNode = CstNode> {
  cst: C;
  lexErrors: ILexingError[];
  parseErrors: IRecognitionException[];
}

/** The first problem of a line parse as a Diagnostic (columns 1-based), or null when it lexed and parsed. */
export function firstProblem(what: string, text: string, no: number, parse: Omit<LineParse, 'cst'>): Diagnostic | null {
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

/** A Diagnostic for a line that parsed but does not fit where it stands. */
export function misplaced(what: string, no: number, text: string, message: string): Diagnostic {
  return { line: no, col: firstCol(text), message: `${what}: ${message}` };
}

/** A Diagnostic for a line too long to give a grammar (see MAX_LINE_CHARS), or null. */
export function tooLong(what: string, no: number, text: string): Diagnostic | null {
  return isTooLong(text) ? { line: no, col: 1, message: tooLongMessage(what, text.length) } : null;
}

/**
 * Runs `fn` for line `no`; an exception (a grammar bug, never bad input) becomes an internal-error
 * diagnostic on that line, with its stack, instead of taking the section down.
 */
export function guarded(unrecognized: Diagnostic[], no: number, what: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    unrecognized.push(internalDiagnostic(no, 1, `reading this ${what} line`, internalError(e)));
  }
}

/** One line read by a grammar: its CST, or the one diagnostic the line costs. */
export type LineRead<C extends CstNode> = { cst: C; problem: null } | { cst: null; problem: Diagnostic };

/** Lexes and parses one line with `parse`, unless it is too long to give the grammar at all. */
export function readLine<C extends CstNode>(what: string, text: string, no: number, parse: (text: string) => LineParse<C>): LineRead<C> {
  const long = tooLong(what, no, text);
  if (long !== null) return { cst: null, problem: long };
  const p = parse(text);
  const problem = firstProblem(what, text, no, p);
  return problem === null ? { cst: p.cst, problem: null } : { cst: null, problem };
}
