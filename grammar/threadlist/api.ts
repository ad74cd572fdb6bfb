// Lex and parse one `::threadlist` line; `mode` picks how a row's fourth column is read.
import type { CstNode, ILexingError, IRecognitionException } from '../common/chevrotain.ts';
import { threadlistLexer } from './lexer.ts';
import { threadlistParser } from './parser.ts';

export function parseThreadlistLine(text: string, mode: 'plain' | 'verbose'): { cst: CstNode; lexErrors: ILexingError[]; parseErrors: IRecognitionException[] } {
  const lexResult = threadlistLexer.tokenize(text, mode);
  threadlistParser.input = lexResult.tokens;
  const cst = threadlistParser.threadlistLine();
  return { cst, lexErrors: lexResult.errors, parseErrors: threadlistParser.errors };
}
