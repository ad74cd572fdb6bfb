// Section reader for `::print` (and `::sizeof`) output: lines -> logical lines (wrapped values
// joined) -> Chevrotain CST per line -> PrintRecords via an explicit-stack assembler.
import type { ISerializedGast } from '../common/chevrotain.ts';
import { firstProblem, guarded, tooLong } from '../common/diagnostics.ts';
import { endCol, isBlank } from '../common/lines.ts';
import { emptyResult, type Diagnostic, type GrammarResult, type SectionParser } from '../common/source.ts';
import { parsePrintLine } from './api.ts';
import { PrintAssembler } from './assemble.ts';
import { printCommand } from './command.ts';
import { describe, locate, logicalLines, type Logical } from './lines.ts';
import { printParser } from './parser.ts';

export { parsePrintLine } from './api.ts';
export { printCommand, type PrintCommand } from './command.ts';

function hasTrailingBlank(text: string): boolean {
  const c = text[text.length - 1];
  return c === ' ' || c === '\t';
}

export const parsePrint: SectionParser = (lines, ctx): GrammarResult => {
  const result = emptyResult();
  const asm = new PrintAssembler(printCommand(ctx));
  const physical = lines.filter((l) => !isBlank(l.text));
  for (const lg of logicalLines(physical)) {
    const first = lg.parts[0]!;
    guarded(result.unrecognized, first.no, '::print', () => {
      if (!readLogical(lg, asm, result, lg.parts.length > 1)) {
        // A joined line that does not read: read its physical lines one by one instead.
        for (const p of lg.parts) {
          guarded(result.unrecognized, p.no, '::print', () => {
            readLogical({ text: p.text, parts: [{ no: p.no, text: p.text, start: 0, lead: 0 }] }, asm, result, false);
          });
        }
      }
    });
  }
  result.records = asm.end();
  return result;
};

/** Reads one logical line. With `tentative`, a failure is reported by returning false instead. */
function readLogical(lg: Logical, asm: PrintAssembler, result: GrammarResult, tentative: boolean): boolean {
  const no = lg.parts[0]!.no;
  const long = tooLong('::print', no, lg.text);
  if (long) {
    if (tentative) return false;
    result.unrecognized.push(long);
    return true;
  }
  const parse = parsePrintLine(lg.text);
  const problem = firstProblem('::print', lg.text, no, parse);
  if (problem) {
    if (tentative) return false;
    result.unrecognized.push(problem);
    return true;
  }
  const lastPart = lg.parts[lg.parts.length - 1]!;
  const bad = asm.add(describe(parse.cst, lg.text), lg.text, no, hasTrailingBlank(lastPart.text));
  if (bad) {
    if (tentative) return false;
    const at = locate(lg, Math.min(bad.offset, lg.text.length));
    const d: Diagnostic = { line: at.no, col: bad.offset >= lg.text.length ? endCol(lg.text) : at.col, message: `::print: ${bad.message}` };
    result.unrecognized.push(d);
  }
  return true;
}

/** Serialized grammar of one `::print` line, for railroad diagrams. */
export function printProductions(): ISerializedGast[] {
  return printParser.getSerializedGastProductions();
}
