// Lex and parse one `::cpuinfo` line with the lexer for the address width in force.
import type { LineParse } from '../common/diagnostics.ts';
import type { LineCstNode } from './cst-types.ts';
import { cpuinfoLexers } from './lexer.ts';
import type { AddrWidth } from './layout.ts';
import { cpuinfoParser } from './parser.ts';

export function parseCpuinfoLine(text: string, width: AddrWidth): LineParse<LineCstNode> {
  const lexResult = cpuinfoLexers[width].tokenize(text);
  cpuinfoParser.input = lexResult.tokens;
  // The rule returns a plain CstNode; its shape is the generated type of this rule.
  const cst = cpuinfoParser.line() as LineCstNode;
  return { cst, lexErrors: lexResult.errors, parseErrors: cpuinfoParser.errors };
}
