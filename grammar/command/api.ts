// Lex and parse one typed mdb command line.
import type { LineParse } from '../common/diagnostics.ts';
import type { CommandLineCstNode } from './cst-types.ts';
import { CommandLexer } from './lexer.ts';
import { commandParser } from './parser.ts';

export function parseCommandCst(text: string): LineParse<CommandLineCstNode> {
  const lexResult = CommandLexer.tokenize(text);
  commandParser.input = lexResult.tokens;
  // The rule returns a plain CstNode; its shape is the generated type of this rule.
  const cst = commandParser.commandLine() as CommandLineCstNode;
  return { cst, lexErrors: lexResult.errors, parseErrors: commandParser.errors };
}
