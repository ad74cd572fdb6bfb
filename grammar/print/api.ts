// Lex and parse one `::print` line; the section reader (read.ts) turns CSTs into records.
import type { LineParse } from './support.ts';
import { printLexer } from './lexer.ts';
import { printParser } from './parser.ts';

export function parsePrintLine(text: string): LineParse {
  const lexResult = printLexer.tokenize(text);
  printParser.input = lexResult.tokens;
  const cst = printParser.printLine();
  return { cst, lexErrors: lexResult.errors, parseErrors: printParser.errors };
}
