// Lex and parse one `::stacks` line.
import type { CstNode, ILexingError, IRecognitionException } from '../common/chevrotain.ts';
import { stacksLexer } from './lexer.ts';
import { stacksParser } from './parser.ts';

export function parseStacksLine(text: string): { cst: CstNode; lexErrors: ILexingError[]; parseErrors: IRecognitionException[] } {
  const lexResult = stacksLexer.tokenize(text);
  stacksParser.input = lexResult.tokens;
  const cst = stacksParser.stacksLine();
  return { cst, lexErrors: lexResult.errors, parseErrors: stacksParser.errors };
}
