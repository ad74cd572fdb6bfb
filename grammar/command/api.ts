import { CommandLexer } from './lexer.ts';
import { commandParser } from './parser.ts';

export function parseCommandCst(text: string) {
  const lexResult = CommandLexer.tokenize(text);
  commandParser.input = lexResult.tokens;
  const cst = commandParser.commandLine();
  return { cst, lexErrors: lexResult.errors, parseErrors: commandParser.errors };
}
