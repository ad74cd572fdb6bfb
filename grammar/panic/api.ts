// Lex and parse one line of console panic text; the section reader (index.ts) makes records.
import type { LineParse } from '../common/diagnostics.ts';
import type { PanicLineCstNode } from './cst-types.ts';
import { panicLexer } from './lexer.ts';
import { panicParser } from './parser.ts';

export function parsePanicLine(text: string): LineParse<PanicLineCstNode> {
  const lexResult = panicLexer.tokenize(text);
  panicParser.input = lexResult.tokens;
  // The rule returns a plain CstNode; its shape is the generated type of this rule.
  const cst = panicParser.panicLine() as PanicLineCstNode;
  return { cst, lexErrors: lexResult.errors, parseErrors: panicParser.errors };
}
