// Lex and parse one register-dump line; the section reader (index.ts) makes records.
import type { LineParse } from '../common/diagnostics.ts';
import type { RegistersLineCstNode } from './cst-types.ts';
import { registersLexer } from './lexer.ts';
import { registersParser } from './parser.ts';

export function parseRegistersLine(text: string): LineParse<RegistersLineCstNode> {
  const lexResult = registersLexer.tokenize(text);
  registersParser.input = lexResult.tokens;
  // The rule returns a plain CstNode; its shape is the generated type of this rule.
  const cst = registersParser.registersLine() as RegistersLineCstNode;
  return { cst, lexErrors: lexResult.errors, parseErrors: registersParser.errors };
}
