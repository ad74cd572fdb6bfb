// Section reader for `::findstack` / `::findstack -v`, one StackRecord per thread block.
import type { ISerializedGast } from '../common/chevrotain.ts';
import type { Diagnostic, GrammarResult, SectionContext, SectionParser } from '../common/source.ts';
import type { StackRecord } from '../records.ts';
import { lastStage } from '../frames/index.ts';
import { firstProblem, isBlank, renumber } from '../frames/support.ts';
import { parseFindstackLine } from './api.ts';
import { fastFrameLine, fastSavedPc, fastThreadHeader } from '../frames/fast.ts';
import { FindstackAssembler } from './assemble.ts';
import { findstackParser } from './parser.ts';

export { parseFindstackLine } from './api.ts';
export { FindstackAssembler, threadInWarning } from './assemble.ts';

/** 'findstack-v' / 'findstack' when the command line says, else null (decided per block). */
export function findstackSource(ctx: SectionContext): StackRecord['source'] | null {
  const st = lastStage(ctx);
  if (!st || st.verb !== 'dcmd' || st.name !== 'findstack') return null;
  return st.args.includes('-v') ? 'findstack-v' : 'findstack';
}

export const parseFindstack: SectionParser = (lines, ctx): GrammarResult => {
  const asm = new FindstackAssembler(findstackSource(ctx));
  const unrecognized: Diagnostic[] = [];
  const result: GrammarResult = { records: [], unrecognized, lexErrors: [], parseErrors: [] };
  const shape = ctx.frameDetail === 'shape';
  for (const { no, text } of lines) {
    if (isBlank(text)) continue;
    // Canonical lines take the fast path; anything else, and every doubt, goes to the grammar.
    const frame = fastFrameLine(text, no, shape);
    if (frame !== null) {
      asm.feedFrame(frame);
      continue;
    }
    const header = fastThreadHeader(text);
    if (header !== null) {
      asm.feedHeader(header, no);
      continue;
    }
    const saved = fastSavedPc(text);
    if (saved !== null) {
      asm.feedSavedPc(saved, no);
      continue;
    }
    const { cst, ...errors } = parseFindstackLine(text);
    renumber(errors, no);
    result.lexErrors.push(...errors.lexErrors);
    result.parseErrors.push(...errors.parseErrors);
    const problem = firstProblem('findstack', text, no, errors) ?? asm.feed(cst, no, text);
    if (problem) unrecognized.push(problem);
  }
  result.records = asm.finish();
  return result;
};

/** Serialized grammar of a findstack line, for railroad diagrams. */
export function findstackProductions(): ISerializedGast[] {
  return findstackParser.getSerializedGastProductions();
}
