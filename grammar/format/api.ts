// Lex and parse one line of format output; the section reader (index.ts) makes records.
import type { LineParse } from '../common/diagnostics.ts';
import type { FormatLineCstNode } from './cst-types.ts';
import { formatLexer } from './lexer.ts';
import { formatParser } from './parser.ts';

export function parseFormatLine(text: string): LineParse<FormatLineCstNode> {
  const lexResult = formatLexer.tokenize(text);
  formatParser.input = lexResult.tokens;
  // The rule returns a plain CstNode; its shape is the generated type of this rule.
  const cst = formatParser.formatLine() as FormatLineCstNode;
  return { cst, lexErrors: lexResult.errors, parseErrors: formatParser.errors };
}
