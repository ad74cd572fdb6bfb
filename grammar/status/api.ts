// Lex and parse one `::status` line; the section reader (index.ts) makes records.
import type { LineParse } from '../print/support.ts';
import { statusLexer } from './lexer.ts';
import { statusParser } from './parser.ts';

export function parseStatusLine(text: string): LineParse {
  const lexResult = statusLexer.tokenize(text);
  statusParser.input = lexResult.tokens;
  const cst = statusParser.statusLine();
  return { cst, lexErrors: lexResult.errors, parseErrors: statusParser.errors };
}
