// Lex and parse one register-dump line; the section reader (index.ts) makes records.
import type { LineParse } from '../print/support.ts';
import { registersLexer } from './lexer.ts';
import { registersParser } from './parser.ts';

export function parseRegistersLine(text: string): LineParse {
  const lexResult = registersLexer.tokenize(text);
  registersParser.input = lexResult.tokens;
  const cst = registersParser.registersLine();
  return { cst, lexErrors: lexResult.errors, parseErrors: registersParser.errors };
}
