// Lex and parse one line of an address list.
import type { LineParse } from '../common/diagnostics.ts';
import type { AddressLineCstNode } from './cst-types.ts';
import { AddressLexer } from './lexer.ts';
import { addressParser } from './parser.ts';

export function parseAddressLine(text: string): LineParse<AddressLineCstNode> {
  const lexResult = AddressLexer.tokenize(text);
  addressParser.input = lexResult.tokens;
  // The rule returns a plain CstNode; its shape is the generated type of this rule.
  const cst = addressParser.addressLine() as AddressLineCstNode;
  return { cst, lexErrors: lexResult.errors, parseErrors: addressParser.errors };
}
