// Lex and parse one `::system` line; the section reader (index.ts) makes the record.
import type { LineParse } from '../common/diagnostics.ts';
import type { SystemLineCstNode } from './cst-types.ts';
import { systemLexer } from './lexer.ts';
import { systemParser } from './parser.ts';

export function parseSystemLine(text: string): LineParse<SystemLineCstNode> {
  const lexResult = systemLexer.tokenize(text);
  systemParser.input = lexResult.tokens;
  // The rule returns a plain CstNode; its shape is the generated type of this rule.
  const cst = systemParser.systemLine() as SystemLineCstNode;
  return { cst, lexErrors: lexResult.errors, parseErrors: systemParser.errors };
}
