// Lex and parse one `::thread` line.
import type { LineParse } from '../common/diagnostics.ts';
import type { ThreadLineCstNode } from './cst-types.ts';
import { threadLexer } from './lexer.ts';
import { threadParser } from './parser.ts';

export function parseThreadLine(text: string): LineParse<ThreadLineCstNode> {
  const lexResult = threadLexer.tokenize(text);
  threadParser.input = lexResult.tokens;
  // The rule returns a plain CstNode; its shape is the generated type of this rule.
  const cst = threadParser.threadLine() as ThreadLineCstNode;
  return { cst, lexErrors: lexResult.errors, parseErrors: threadParser.errors };
}
