// Turning Chevrotain's per-line errors into the one Diagnostic the accounting contract asks for,
// and re-numbering them to the original input line.
import type { ILexingError, IRecognitionException, IToken } from '../common/chevrotain.ts';
import type { Diagnostic } from '../common/source.ts';

const MAX_SHOWN = 40;

function shown(s: string): string {
  return s.length > MAX_SHOWN ? s.slice(0, MAX_SHOWN) + '...' : s;
}

/** A line's lex and parse errors, already moved to the original line number. */
export interface LineErrors {
  lexErrors: ILexingError[];
  parseErrors: IRecognitionException[];
}

/** Rewrites the errors' line fields (they are relative to the one-line input) to `no`. */
export function renumber(errors: LineErrors, no: number): LineErrors {
  for (const e of errors.lexErrors) e.line = no;
  for (const e of errors.parseErrors) {
    const t: IToken = e.token;
    if (!Number.isNaN(t.startOffset)) {
      t.startLine = no;
      t.endLine = no;
    }
  }
  return errors;
}

/** The first problem on a line as a Diagnostic, or null when the line lexed and parsed cleanly. */
export function firstProblem(what: string, text: string, no: number, errors: LineErrors): Diagnostic | null {
  const lex = errors.lexErrors[0];
  const parse = errors.parseErrors[0];
  const lexCol = lex ? lex.offset + 1 : Infinity;
  const parseCol = parse ? tokenCol(parse.token, text) : Infinity;
  if (lex && lexCol <= parseCol) {
    const bad = text.substr(lex.offset, Math.max(1, Math.min(lex.length, MAX_SHOWN)));
    return { line: no, col: lexCol, message: `${what}: unexpected character(s) '${shown(bad)}'` };
  }
  if (parse) {
    const t = parse.token;
    const what2 = Number.isNaN(t.startOffset) ? 'end of line' : `'${shown(t.image)}'`;
    return { line: no, col: parseCol, message: `${what}: unexpected ${what2}` };
  }
  return null;
}

function tokenCol(t: IToken, text: string): number {
  if (Number.isNaN(t.startOffset)) return text.trimEnd().length + 1;
  return t.startOffset + 1;
}

/** A Diagnostic for a line that parsed but does not fit where it stands. */
export function misplaced(what: string, no: number, text: string, message: string): Diagnostic {
  return { line: no, col: firstCol(text), message: `${what}: ${message}` };
}

/** 1-based column of the first non-blank character (1 for a blank line). */
export function firstCol(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\t') return i + 1;
  }
  return 1;
}

export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\t' && c !== '\r') return false;
  }
  return true;
}
