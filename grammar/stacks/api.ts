// Lex and parse one `::stacks` line.
import type { LineParse } from '../common/diagnostics.ts';
import type { StacksLineCstNode } from './cst-types.ts';
import { stacksLexer } from './lexer.ts';
import { stacksParser } from './parser.ts';

export function parseStacksLine(text: string): LineParse<StacksLineCstNode> {
  const lexResult = stacksLexer.tokenize(text);
  stacksParser.input = lexResult.tokens;
  // The rule returns a plain CstNode; its shape is the generated type of this rule.
  const cst = stacksParser.stacksLine() as StacksLineCstNode;
  return { cst, lexErrors: lexResult.errors, parseErrors: stacksParser.errors };
}
