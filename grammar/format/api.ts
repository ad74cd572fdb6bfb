// Lex and parse one line of format output; the section reader (index.ts) makes records.
import type { LineParse } from '../print/support.ts';
import { formatLexer } from './lexer.ts';
import { formatParser } from './parser.ts';

export function parseFormatLine(text: string): LineParse {
  const lexResult = formatLexer.tokenize(text);
  formatParser.input = lexResult.tokens;
  const cst = formatParser.formatLine();
  return { cst, lexErrors: lexResult.errors, parseErrors: formatParser.errors };
}
