// Lex and parse one `::findstack` line.
import type { LineParse } from '../common/diagnostics.ts';
import type { FindstackLineCstNode } from './cst-types.ts';
import { findstackLexer } from './lexer.ts';
import { findstackParser } from './parser.ts';

export function parseFindstackLine(text: string): LineParse<FindstackLineCstNode> {
  const lexResult = findstackLexer.tokenize(text);
  findstackParser.input = lexResult.tokens;
  // The rule returns a plain CstNode; its shape is the generated type of this rule.
  const cst = findstackParser.findstackLine() as FindstackLineCstNode;
  return { cst, lexErrors: lexResult.errors, parseErrors: findstackParser.errors };
}
