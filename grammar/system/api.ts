// Lex and parse one `::system` line; the section reader (index.ts) makes the record.
import type { LineParse } from '../print/support.ts';
import { systemLexer } from './lexer.ts';
import { systemParser } from './parser.ts';

export function parseSystemLine(text: string): LineParse {
  const lexResult = systemLexer.tokenize(text);
  systemParser.input = lexResult.tokens;
  const cst = systemParser.systemLine();
  return { cst, lexErrors: lexResult.errors, parseErrors: systemParser.errors };
}
