// Lex and parse one frame line; the section reader (index.ts) turns the CST into records.
import type { LineParse } from '../common/diagnostics.ts';
import type { FrameLineCstNode } from './cst-types.ts';
import { framesLexer } from './lexer.ts';
import { framesParser } from './parser.ts';

export function parseFramesLine(text: string): LineParse<FrameLineCstNode> {
  const lexResult = framesLexer.tokenize(text);
  framesParser.input = lexResult.tokens;
  // The parser's rule returns a plain CstNode; its shape is the generated type of this rule.
  const cst = framesParser.frameLine() as FrameLineCstNode;
  return { cst, lexErrors: lexResult.errors, parseErrors: framesParser.errors };
}
