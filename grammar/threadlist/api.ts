// Lex and parse one `::threadlist` line; `mode` picks how a row's fourth column is read.
import type { LineParse } from '../common/diagnostics.ts';
import type { ThreadlistLineCstNode } from './cst-types.ts';
import { threadlistLexer } from './lexer.ts';
import { threadlistParser } from './parser.ts';

export function parseThreadlistLine(text: string, mode: 'plain' | 'verbose'): LineParse<ThreadlistLineCstNode> {
  const lexResult = threadlistLexer.tokenize(text, mode);
  threadlistParser.input = lexResult.tokens;
  // The rule returns a plain CstNode; its shape is the generated type of this rule.
  const cst = threadlistParser.threadlistLine() as ThreadlistLineCstNode;
  return { cst, lexErrors: lexResult.errors, parseErrors: threadlistParser.errors };
}
