// Lex and parse one `::status` line; the section reader (index.ts) makes records.
import type { LineParse } from '../common/diagnostics.ts';
import type { StatusLineCstNode } from './cst-types.ts';
import { statusLexer } from './lexer.ts';
import { statusParser } from './parser.ts';

export function parseStatusLine(text: string): LineParse<StatusLineCstNode> {
  const lexResult = statusLexer.tokenize(text);
  statusParser.input = lexResult.tokens;
  // The rule returns a plain CstNode; its shape is the generated type of this rule.
  const cst = statusParser.statusLine() as StatusLineCstNode;
  return { cst, lexErrors: lexResult.errors, parseErrors: statusParser.errors };
}
