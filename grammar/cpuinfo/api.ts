import { cpuinfoLexers } from './lexer.ts';
import type { AddrWidth } from './layout.ts';
import { cpuinfoParser } from './parser.ts';

export function parseCpuinfoLine(text: string, width: AddrWidth) {
  const lexResult = cpuinfoLexers[width].tokenize(text);
  cpuinfoParser.input = lexResult.tokens;
  const cst = cpuinfoParser.line();
  return { cst, lexErrors: lexResult.errors, parseErrors: cpuinfoParser.errors };
}
