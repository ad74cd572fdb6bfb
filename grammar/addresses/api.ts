import { AddressLexer } from './lexer.ts';
import { addressParser } from './parser.ts';

export function parseAddressLine(text: string) {
  const lexResult = AddressLexer.tokenize(text);
  addressParser.input = lexResult.tokens;
  const cst = addressParser.addressLine();
  return { cst, lexErrors: lexResult.errors, parseErrors: addressParser.errors };
}
