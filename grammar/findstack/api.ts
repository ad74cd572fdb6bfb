// Lex and parse one `::findstack` line.
import type { CstNode, ILexingError, IRecognitionException } from '../common/chevrotain.ts';
import { findstackLexer } from './lexer.ts';
import { findstackParser } from './parser.ts';

export function parseFindstackLine(text: string): { cst: CstNode; lexErrors: ILexingError[]; parseErrors: IRecognitionException[] } {
  const lexResult = findstackLexer.tokenize(text);
  findstackParser.input = lexResult.tokens;
  const cst = findstackParser.findstackLine();
  return { cst, lexErrors: lexResult.errors, parseErrors: findstackParser.errors };
}
