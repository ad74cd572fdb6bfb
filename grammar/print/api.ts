// Lex and parse one `::print` line; the section reader (read.ts) turns CSTs into records.
import type { LineParse } from '../common/diagnostics.ts';
import type { PrintLineCstNode } from './cst-types.ts';
import { printLexer } from './lexer.ts';
import { printParser } from './parser.ts';

export function parsePrintLine(text: string): LineParse<PrintLineCstNode> {
  const lexResult = printLexer.tokenize(text);
  printParser.input = lexResult.tokens;
  // The rule returns a plain CstNode; its shape is the generated type of this rule.
  const cst = printParser.printLine() as PrintLineCstNode;
  return { cst, lexErrors: lexResult.errors, parseErrors: printParser.errors };
}
