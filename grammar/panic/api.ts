// Lex and parse one line of console panic text; the section reader (index.ts) makes records.
import type { LineParse } from '../print/support.ts';
import { panicLexer } from './lexer.ts';
import { panicParser } from './parser.ts';

export function parsePanicLine(text: string): LineParse {
  const lexResult = panicLexer.tokenize(text);
  panicParser.input = lexResult.tokens;
  const cst = panicParser.panicLine();
  return { cst, lexErrors: lexResult.errors, parseErrors: panicParser.errors };
}
