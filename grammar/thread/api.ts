// Lex and parse one `::thread` line.
import type { CstNode, ILexingError, IRecognitionException } from '../common/chevrotain.ts';
import { threadLexer } from './lexer.ts';
import { threadParser } from './parser.ts';

export function parseThreadLine(text: string): { cst: CstNode; lexErrors: ILexingError[]; parseErrors: IRecognitionException[] } {
  const lexResult = threadLexer.tokenize(text);
  threadParser.input = lexResult.tokens;
  const cst = threadParser.threadLine();
  return { cst, lexErrors: lexResult.errors, parseErrors: threadParser.errors };
}
