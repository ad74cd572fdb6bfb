// Lex and parse one frame line; the section reader (index.ts) turns the CST into records.
import type { CstNode, ILexingError, IRecognitionException } from '../common/chevrotain.ts';
import { framesLexer } from './lexer.ts';
import { framesParser } from './parser.ts';

export function parseFramesLine(text: string): { cst: CstNode; lexErrors: ILexingError[]; parseErrors: IRecognitionException[] } {
  const lexResult = framesLexer.tokenize(text);
  framesParser.input = lexResult.tokens;
  const cst = framesParser.frameLine();
  return { cst, lexErrors: lexResult.errors, parseErrors: framesParser.errors };
}
